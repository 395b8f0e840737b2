/** Schema version 2 and the validation rules of issue 16 (item 3), one behaviour per test. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/data/load-document.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { validateDocument } from '../../src/validate/validate.js';
import { BASE } from './helpers.js';

const AS_OF = '2026-11-22';
const FILE = 'tests/fixtures/v2/base-v2.yaml';
const V2 = readFileSync(FILE, 'utf8');

function check(text: string, file = 'rel.yaml'): Diagnostic[] {
  return validateDocument(parseText(file, text), AS_OF).diagnostics;
}

/** The text with one exact snippet replaced; fails loudly when the snippet is not there once. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length, `"${from}" should occur once`).toBe(2);
  return text.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle` (+ offset). */
function at(text: string, needle: string, offset = 0): { line: number; column: number } {
  const i = text.indexOf(needle) + offset;
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const brief = (d: Diagnostic) => ({ severity: d.severity, rule: d.rule, path: d.path, line: d.line, column: d.column });

describe('schema version 2', () => {
  it('the fixture with every v2 field validates clean', () => {
    expect(check(V2, FILE)).toEqual([]);
  });

  it('dispatches on schemaVersion: a v2-only field in a version 1 file is an unknown key', () => {
    const text = edit(BASE, 'trade:\n', 'indicators: []\ntrade:\n');
    expect(check(text).map((d) => [d.path, d.message])).toEqual([['indicators', 'unknown key "indicators"']]);
  });

  it.each([['{approx: 11}'], ['{over: 11}'], ['{atLeast: 11}'], ['{atMost: 11}'], ['{under: 11}'], ['{range: [10, 12]}']])(
    'accepts the approximate figure %s',
    (q) => {
      expect(check(edit(V2, 'turnover: {over: 11}', `turnover: ${q}`))).toEqual([]);
    },
  );

  it('refuses an approximation with two qualifiers, at the figure', () => {
    const text = edit(V2, 'turnover: {over: 11}', 'turnover: {over: 11, approx: 12}');
    const d = check(text);
    expect(d.map(brief)).toEqual([{ severity: 'error', rule: 'schema', path: 'trade[1].turnover', ...at(text, '{over: 11, approx') }]);
  });

  it('an event takes `date` or `dates`, not both, not neither', () => {
    const both = edit(
      V2,
      '    date: 2024-07-11\n    kind: meeting',
      '    date: 2024-07-11\n    dates: {start: 2024-07-11, end: 2024-07-12}\n    kind: meeting',
    );
    expect(check(both).map((d) => [d.path, d.message, d.hint])).toEqual([
      [
        'engagements[1].dates',
        'give either `date` (one day) or `dates: {start, end}` (several days), not both',
        'keep `dates` and remove `date`, or the reverse for a one-day event',
      ],
    ]);
    const neither = edit(V2, '    date: 2024-07-11\n    kind: meeting', '    kind: meeting');
    expect(check(neither).map((d) => [d.path, d.message])).toEqual([
      ['engagements[1].date', 'missing required field: `date` (one day) or `dates: {start, end}` (several days)'],
    ]);
  });

  it('a range that ends before it starts is an error at its end', () => {
    const text = edit(V2, 'dates: {start: 2024-08-22, end: 2024-08-23}', 'dates: {start: 2024-08-22, end: 2024-08-21}');
    expect(check(text).map(brief)).toEqual([
      { severity: 'error', rule: 'period-order', path: 'engagements[0].dates.end', ...at(text, '2024-08-21') },
    ]);
  });

  it('a reporter may be unknown in v2, never in v1', () => {
    expect(check(V2)).toEqual([]);
    const v1 = edit(BASE, 'reporter: AA', 'reporter: unknown');
    expect(check(v1).map((d) => d.path)).toEqual(['trade[0].reporter']);
  });
});

describe('did-you-mean prefers the intended key', () => {
  it('`end` under a v2 event points at the range form, not at `id`', () => {
    const text = edit(V2, '    date: 2024-07-11\n    kind: meeting', '    date: 2024-07-11\n    end: 2024-07-12\n    kind: meeting');
    const [d] = check(text);
    expect(brief(d!)).toEqual({ severity: 'error', rule: 'schema', path: 'engagements[1].end', ...at(text, 'end: 2024-07-12') });
    expect(d!.message).toBe('unknown key "end"');
    expect(d!.hint).toBe('for several days write the range form `dates: {start: YYYY-MM-DD, end: YYYY-MM-DD}` in place of `date`');
  });

  it('`end` under a v1 event says that version 2 has ranges and how to migrate', () => {
    const text = edit(BASE, '    date: 2020-04-27\n', '    date: 2020-04-27\n    end: 2020-04-28\n');
    const [d] = check(text);
    expect(d!.path).toBe('engagements[0].end');
    expect(d!.hint).toMatch(/schemaVersion 2 takes `dates: \{start, end\}`.*bilat migrate/);
  });

  it('an unknown topic points at `tags`, with the known topics', () => {
    const text = edit(V2, 'topics: [trade-economy, tourism]', 'topics: [trade-economy, gastronomy]');
    const [d] = check(text);
    expect(brief(d!)).toEqual({ severity: 'error', rule: 'schema', path: 'engagements[0].topics[1]', ...at(text, 'gastronomy') });
    expect(d!.message).toBe('"gastronomy" is not a known topic');
    expect(d!.hint).toMatch(/^put free topics in `tags` \(known topics: bilateral-relations, /);
  });

  it('a misspelt topic still gets its correction beside the pointer to tags', () => {
    const [d] = check(edit(V2, 'topics: [trade-economy, tourism]', 'topics: [trade-economy, turism]'));
    expect(d!.hint).toMatch(/^put free topics in `tags`, or did you mean "tourism"\?/);
  });

  it('v2 topics (tourism) are unknown in v1 and still point at tags', () => {
    const text = edit(BASE, '    organizations: [org-a]\n', '    organizations: [org-a]\n    topics: [tourism]\n');
    expect(check(text).map((d) => d.message)).toEqual(['"tourism" is not a known topic']);
  });
});

describe('a data-quality note turns a turnover that does not add up into a warning citing it', () => {
  const wrong = (text: string) => edit(text, '    turnover: 181.9\n', '    turnover: 190.1\n');

  it('without a note: an error', () => {
    const text = wrong(V2);
    expect(check(text).map(brief)).toEqual([
      { severity: 'error', rule: 'trade-arithmetic', path: 'trade[0].turnover', ...at(text, '190.1') },
    ]);
  });

  it("with the note in the period's quality list: a warning that names it", () => {
    const text = edit(wrong(V2), '    turnover: 190.1\n', '    turnover: 190.1\n    quality: [dq-title]\n');
    const [d] = check(text);
    expect(brief(d!)).toMatchObject({ severity: 'warning', rule: 'trade-arithmetic', path: 'trade[0].turnover' });
    expect(d!.hint).toBe('kept as reported; documented in data-quality note dq-title');
  });

  it('with a note whose `about` names the figure by path (trade.<id>.turnover)', () => {
    const text = edit(wrong(V2), 'about: [treaty-allied]', 'about: [treaty-allied, trade.t-2023.turnover]');
    const [d] = check(text);
    expect(d!.severity).toBe('warning');
    expect(d!.hint).toContain('dq-title');
  });

  it("in a version 1 file too (the base note dq-one, listed in the period's quality)", () => {
    const text = edit(BASE, '    turnover: 3.7\n', '    turnover: 3.9\n    quality: [dq-one]\n');
    expect(check(text).map((d) => [d.rule, d.severity, d.hint])).toEqual([
      ['trade-arithmetic', 'warning', 'kept as reported; documented in data-quality note dq-one'],
    ]);
  });

  it('a note about the whole period (not the figure) does not excuse the sum', () => {
    // BASE's note dq-one is about t-one as a whole.
    const text = edit(BASE, '    turnover: 3.7\n', '    turnover: 3.9\n');
    expect(check(text).map((d) => [d.rule, d.severity])).toEqual([['trade-arithmetic', 'error']]);
  });

  it('a quality id that names no note excuses nothing', () => {
    const text = edit(BASE, '    turnover: 3.7\n', '    turnover: 3.9\n    quality: [dq-none]\n');
    expect(check(text).map((d) => [d.rule, d.severity])).toEqual([
      ['trade-arithmetic', 'error'],
      ['reference', 'error'],
    ]);
  });

  it('an approximate figure is not held to the sum', () => {
    expect(check(edit(V2, '    turnover: 181.9\n', '    turnover: {approx: 190}\n'))).toEqual([]);
  });
});

describe('ids in every reference list are checked, located', () => {
  it.each([
    ['note about', 'about: [treaty-allied]', 'about: [treaty-alied]', 'notes[0].about[0]', 'treaty-alied', 'did you mean "treaty-allied"?'],
    ['signedAt', 'signedAt: e-visit', 'signedAt: e-vist', 'agreements.treaties[0].signedAt', 'e-vist', 'did you mean "e-visit"?'],
    [
      'documents signed',
      '        - treaty: treaty-allied\n',
      '        - treaty: treaty-alliedd\n',
      'engagements[0].documents.list[0].treaty',
      'treaty-alliedd',
      'did you mean "treaty-allied"?',
    ],
    ['mechanism', 'mechanism: igc', 'mechanism: igcc', 'engagements[1].mechanism', 'igcc', 'did you mean "igc"?'],
    [
      'session engagement',
      'engagement: e-igc-3',
      'engagement: e-igc-4',
      'mechanisms[0].sessions[0].engagement',
      'e-igc-4',
      'did you mean "e-igc-3"?',
    ],
    [
      'status treaty',
      'treaty: treaty-allied\n    sources',
      'treaty: treaty-x\n    sources',
      'status[1].treaty',
      'treaty-x',
      'add it under agreements.treaties: or fix the id',
    ],
    ['quote speaker', 'speaker: p-two', 'speaker: p-too', 'quotes[0].speaker', 'p-too', 'did you mean "p-two"?'],
    [
      'mirror sources',
      '      sources: [src-a]\n    sources: [src-a]\n  - id: t-2024-jan',
      '      sources: [src-b]\n    sources: [src-a]\n  - id: t-2024-jan',
      'trade[0].mirror.sources[0]',
      'src-b',
      'did you mean "src-a"?',
    ],
  ])('%s', (_what, from, to, path, needle, hint) => {
    const text = edit(V2, from, to);
    const d = check(text);
    expect(d.map(brief)).toEqual([{ severity: 'error', rule: 'reference', path, ...at(text, needle) }]);
    expect(d[0]!.hint).toBe(hint);
  });

  it("each of several roles must be one of the person's roles", () => {
    const text = edit(
      V2,
      'roles: [Prime Minister, Co-chair of the Intergovernmental Commission]',
      'roles: [Prime Minister, Co-chair of the Commission]',
    );
    const d = check(text);
    expect(d.map(brief)).toEqual([
      { severity: 'error', rule: 'reference', path: 'engagements[0].participants[1].roles[1]', ...at(text, 'Co-chair of the Commission') },
    ]);
    expect(d[0]!.hint).toBe('known roles: Prime Minister; Co-chair of the Intergovernmental Commission; add the role under people');
  });

  it('each of several roles must be held on the day of the engagement', () => {
    const text = edit(
      V2,
      '      - title: Co-chair of the Intergovernmental Commission\n        country: AA\n',
      '      - title: Co-chair of the Intergovernmental Commission\n        country: AA\n        from: 2025\n',
    );
    const d = check(text);
    expect(d.map((x) => [x.rule, x.path, x.message])).toEqual([
      [
        'role-period',
        'engagements[0].participants[1].roles[1]',
        'Person One held "Co-chair of the Intergovernmental Commission" 2025–…, not on 2024-08-22',
      ],
    ]);
  });

  it('a note about an unknown id is a warning in a version 1 file (v1 files keep building)', () => {
    const text = edit(BASE, 'about: [t-one]', 'about: [t-on]');
    expect(check(text).map((x) => [x.severity, x.path, x.hint])).toEqual([['warning', 'notes[0].about[0]', 'did you mean "t-one"?']]);
  });

  it('a note about a data path that resolves passes; one that does not is flagged', () => {
    expect(check(edit(V2, 'about: [treaty-allied]', 'about: [trade.t-2023.mirror.turnover, pair.countries]'))).toEqual([]);
    expect(check(edit(V2, 'about: [treaty-allied]', 'about: [trade.t-2023.exprots]')).map((d) => d.path)).toEqual(['notes[0].about[0]']);
  });

  it('duplicate ids in the v2 lists', () => {
    const text = edit(V2, '  - id: enterprises\n', '  - id: target-1bn\n');
    expect(check(text).map((d) => [d.rule, d.path])).toEqual([['duplicate-id', 'indicators[1].id']]);
  });
});
