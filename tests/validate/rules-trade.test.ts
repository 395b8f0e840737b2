import { describe, expect, it } from 'vitest';
import { BASE, brief, check, edit, ofRule, valuePos } from './helpers.js';

/** The base trade period with its four figures replaced (a value of null drops the line). */
function trade(figures: { exports?: string | null; imports?: string | null; turnover?: string | null; balance?: string | null }): string {
  const line = (key: string, base: string, v: string | null | undefined) =>
    [`    ${key}: ${base}\n`, v === null ? '' : `    ${key}: ${v ?? base}\n`] as const;
  return edit(
    BASE,
    line('exports', '2.3', figures.exports),
    line('imports', '1.4', figures.imports),
    line('turnover', '3.7', figures.turnover),
    line('balance', '0.9', figures.balance),
  );
}

const arithmetic = (text: string) => ofRule(check(text), 'trade-arithmetic');

describe('trade-arithmetic: turnover = exports + imports', () => {
  it('accepts 2.3 + 1.4 = 3.7', () => {
    expect(check(trade({}))).toEqual([]);
  });

  it('flags 3.9, at the turnover value, with the sum it expected', () => {
    const text = trade({ turnover: '3.9' });
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'trade-arithmetic', severity: 'error', path: 'trade[0].turnover', ...valuePos(text, 'turnover: 3.9') },
    ]);
    expect(diags[0]!.message).toBe('turnover 3.9 ≠ exports 2.3 + imports 1.4 = 3.7');
  });

  // Tolerance: half a unit of the last printed decimal of each of the three figures.
  // 2.3 + 1.4 stands for [3.6, 3.8); a printed 3.8 stands for [3.75, 3.85): they overlap.
  it.each([
    ['3.8', 0],
    ['3.6', 0],
    ['3.85', 1], // [3.845, 3.855) is beyond 3.8
    ['3.55', 1],
    ['3.9', 1],
    ['3.5', 1],
  ])('with 2.3 + 1.4, turnover %s gives %i error(s)', (turnover, n) => {
    expect(arithmetic(trade({ turnover }))).toHaveLength(n);
  });

  it('allows 2.35 + 1.4 = 3.75 to be printed as 3.7, but not as 3.6 or 3.65', () => {
    expect(arithmetic(trade({ exports: '2.35', turnover: '3.7', balance: null }))).toEqual([]);
    expect(arithmetic(trade({ exports: '2.35', turnover: '3.8', balance: null }))).toEqual([]);
    expect(arithmetic(trade({ exports: '2.35', turnover: '3.6', balance: null }))).toHaveLength(1);
    expect(arithmetic(trade({ exports: '2.35', turnover: '3.65', balance: null }))).toHaveLength(1);
  });

  it('gives whole numbers a tolerance of half a unit each', () => {
    const whole = (turnover: string) => arithmetic(trade({ exports: '2300', imports: '1400', turnover, balance: '900' }));
    expect(whole('3700')).toEqual([]);
    expect(whole('3701')).toEqual([]); // within 0.5 + 0.5 + 0.5
    expect(whole('3702')).toHaveLength(1);
    expect(whole('3698')).toHaveLength(1);
  });

  it('skips the check when exports or imports is missing', () => {
    expect(arithmetic(trade({ exports: null, balance: null, turnover: '99' }))).toEqual([]);
    expect(arithmetic(trade({ imports: null, balance: null, turnover: '99' }))).toEqual([]);
  });

  // The tolerance comes from the printed text: "4.0" means ± 0.05, not ± 0.5.
  it('reads trailing zeros as printed: 2.3 + 1.4 is not 4.0', () => {
    const text = trade({ turnover: '4.0' });
    expect(arithmetic(text)).toHaveLength(1);
  });
});

describe('trade-arithmetic: balance = exports − imports', () => {
  it('flags a balance that does not match, at the balance value', () => {
    const text = trade({ balance: '1.2' });
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'trade-arithmetic', severity: 'error', path: 'trade[0].balance', ...valuePos(text, 'balance: 1.2') },
    ]);
    expect(diags[0]!.message).toBe('balance 1.2 ≠ exports 2.3 − imports 1.4 = 0.9');
  });

  it.each([
    ['0.9', 0],
    ['1', 0], // "1" is ± 0.5 on its own
    ['0.8', 0],
    ['1.05', 1],
    ['0.75', 1],
    ['-0.9', 1], // the sign is the reporter's side
  ])('with 2.3 − 1.4, balance %s gives %i error(s)', (balance, n) => {
    expect(arithmetic(trade({ balance }))).toHaveLength(n);
  });

  it('accepts a negative balance when imports exceed exports', () => {
    expect(check(trade({ exports: '1.4', imports: '2.3', balance: '-0.9' }))).toEqual([]);
  });

  it('reports turnover and balance separately when both are wrong', () => {
    const text = trade({ turnover: '4.7', balance: '1.9' });
    expect(arithmetic(text).map((d) => d.path)).toEqual(['trade[0].turnover', 'trade[0].balance']);
  });
});

describe('trade-arithmetic: signs', () => {
  it.each(['exports', 'imports', 'turnover'] as const)('flags a negative %s at its value', (key) => {
    const figures = { exports: '2.3', imports: '1.4', turnover: '3.7', balance: null, [key]: '-1' };
    const text = trade(figures);
    const neg = arithmetic(text).filter((d) => d.message.includes('cannot be negative'));
    expect(neg.map(brief)).toEqual([
      { rule: 'trade-arithmetic', severity: 'error', path: `trade[0].${key}`, ...valuePos(text, `${key}: -1`) },
    ]);
  });
});

describe('trade periods in several rows', () => {
  it('locates the row that is wrong', () => {
    const second = [
      '  - id: t-two',
      '    start: 2019-01',
      '    end: 2019-12',
      '    reporter: BB',
      '    currency: USD',
      '    unit: million',
      '    exports: 1',
      '    imports: 2',
      '    turnover: 30',
      '    sources: [src-a]',
      'organizations:\n',
    ].join('\n');
    const text = edit(BASE, ['organizations:\n', second]);
    expect(check(text).map(brief)).toEqual([
      { rule: 'trade-arithmetic', severity: 'error', path: 'trade[1].turnover', ...valuePos(text, 'turnover: 30') },
    ]);
  });
});
