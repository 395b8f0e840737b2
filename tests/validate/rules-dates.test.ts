import { describe, expect, it } from 'vitest';
import { AS_OF, BASE, brief, check, edit, ofRule, positionOf, replaceOnce, valuePos } from './helpers.js';

describe('the base fixture', () => {
  it('passes every rule, so each diagnostic below comes from its one change', () => {
    expect(check(BASE)).toEqual([]);
  });

  it('positionOf counts lines and columns from 1', () => {
    expect(positionOf(BASE, 'schemaVersion')).toEqual({ line: 1, column: 1 });
    expect(valuePos(BASE, 'date: 2020-04-27')).toEqual({ line: 33, column: 11 });
  });
});

describe('date-future', () => {
  // An open-ended tenure, so moving the engagement into the future does not also trip role-period.
  const open = replaceOnce(BASE, '        to: 2021-06\n', '');

  it('warns about a visit year printed as 2108, at the value', () => {
    const text = replaceOnce(open, 'date: 2020-04-27', 'date: 2108');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'date-future', severity: 'warning', path: 'engagements[0].date', ...valuePos(text, 'date: 2108') },
    ]);
    expect(diags[0]!.message).toBe(`date 2108 is after the as-of date ${AS_OF}`);
    expect(diags[0]!.hint).toMatch(/status: planned/);
  });

  it('names the item’s data-quality note in the hint when it has one', () => {
    const text = edit(
      open,
      ['date: 2020-04-27', 'date: 2108'],
      ['    sources: [src-a]\nagreements:', '    quality: [dq-one]\n    sources: [src-a]\nagreements:'],
    );
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      rule: 'date-future',
      path: 'engagements[0].date',
      hint: 'kept as printed; documented in data-quality note dq-one',
    });
  });

  it('still warns when the item is reported or held; not when it is planned', () => {
    const future = replaceOnce(open, 'date: 2020-04-27', 'date: 2108');
    for (const status of ['held', 'reported']) {
      const text = replaceOnce(future, '    kind: phone-call', `    status: ${status}\n    kind: phone-call`);
      expect(ofRule(check(text), 'date-future'), status).toHaveLength(1);
    }
    const planned = replaceOnce(future, '    kind: phone-call', '    status: planned\n    kind: phone-call');
    expect(check(planned)).toEqual([]);
  });

  it('measures from the as-of date, inclusive of the day itself', () => {
    const at = (date: string, asOf: string) =>
      ofRule(check(replaceOnce(open, 'date: 2020-04-27', `date: ${date}`), asOf), 'date-future').map((d) => d.path);
    expect(at('2026-11-22', '2026-11-22')).toEqual([]);
    expect(at('2026-11-23', '2026-11-22')).toEqual(['engagements[0].date']);
    // As of the day before the call the source (published 2020-05-01) is in the future too.
    expect(at('2020-04-27', '2020-04-26')).toEqual(['sources[0].published', 'engagements[0].date']);
    expect(at('2020-04-27', '2020-04-27')).toEqual(['sources[0].published']);
  });

  it('treats a partial date as future only when all of it is after the as-of day', () => {
    const at = (date: string) => ofRule(check(replaceOnce(open, 'date: 2020-04-27', `date: ${date}`)), 'date-future').length;
    expect(at('2026-11')).toBe(0); // November 2026 has begun on the 22nd
    expect(at('2026')).toBe(0);
    expect(at('2026-12')).toBe(1);
    expect(at('2027')).toBe(1);
  });

  it.each([
    ['sources[0].published', 'published: 2020-05-01', 'published: 2030-01-01'],
    ['agreements.counts[0].asOf', 'asOf: 2020', 'asOf: 2030'],
    ['agreements.treaties[0].signed', 'signed: 1997', 'signed: 2030'],
    ['milestones[0].date', 'date: 1993', 'date: 2030'],
  ])('also checks %s', (path, from, to) => {
    const text = replaceOnce(BASE, from, to);
    expect(check(text).map(brief)).toEqual([{ rule: 'date-future', severity: 'warning', path, ...valuePos(text, to) }]);
  });

  it('checks a trade period end (its start comes first, so only the end is reported)', () => {
    const text = edit(BASE, ['start: 2018-01', 'start: 2030-01'], ['end: 2018-10', 'end: 2030-10']);
    expect(check(text).map(brief)).toEqual([
      { rule: 'date-future', severity: 'warning', path: 'trade[0].end', ...valuePos(text, 'end: 2030-10') },
    ]);
  });

  it('does not warn about a planned milestone', () => {
    const text = replaceOnce(BASE, '    date: 1993\n', '    date: 2030\n    status: planned\n');
    expect(check(text)).toEqual([]);
  });
});

describe('period-order', () => {
  it('flags a trade period that starts after it ends, at the start', () => {
    const text = replaceOnce(BASE, 'start: 2018-01', 'start: 2018-11');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'period-order', severity: 'error', path: 'trade[0].start', ...valuePos(text, 'start: 2018-11') },
    ]);
    expect(diags[0]!.message).toBe('trade period starts (2018-11) after it ends (2018-10)');
  });

  it('compares partial dates by the days they can mean', () => {
    const order = (start: string, end: string) =>
      ofRule(check(edit(BASE, ['start: 2018-01', `start: ${start}`], ['end: 2018-10', `end: ${end}`])), 'period-order').length;
    expect(order('2018-10', '2018-10')).toBe(0);
    expect(order('2018-10-31', '2018-10')).toBe(0); // the last day of October is inside October
    expect(order('2018', '2018-01')).toBe(0); // the year 2018 may start in January
    expect(order('2018-11-01', '2018-10')).toBe(1);
    expect(order('2019', '2018-12-31')).toBe(1);
  });

  it('flags a role held from a date after its end, at from', () => {
    const text = edit(BASE, ['from: 2019-01', 'from: 2022-01'], ['date: 2020-04-27', 'date: 2022-01-10']);
    const diags = ofRule(check(text), 'period-order');
    expect(diags.map(brief)).toEqual([
      { rule: 'period-order', severity: 'error', path: 'people[0].roles[0].from', ...valuePos(text, 'from: 2022-01') },
    ]);
    expect(diags[0]!.message).toMatch(/^role "Minister" starts \(2022-01\) after it ends \(2021-06\)$/);
  });
});

describe('role-period', () => {
  const at = (date: string) => replaceOnce(BASE, 'date: 2020-04-27', `date: ${date}`);

  it('flags a participant whose role had ended, at the participant role', () => {
    const text = at('2021-07-01');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'role-period', severity: 'error', path: 'engagements[0].participants[0].role', ...valuePos(text, 'role: Minister') },
    ]);
    expect(diags[0]!.message).toBe('Person One held "Minister" 2019-01–2021-06, not on 2021-07-01');
  });

  it('flags a participant whose role had not begun', () => {
    expect(ofRule(check(at('2018-12-31')), 'role-period')).toHaveLength(1);
  });

  it('counts the first and last month of the tenure as held', () => {
    expect(check(at('2019-01-01'))).toEqual([]);
    expect(check(at('2021-06-30'))).toEqual([]);
  });

  it('gives a partial engagement date the benefit of the doubt', () => {
    expect(check(at('2021'))).toEqual([]); // 2021 overlaps January–June 2021
    expect(check(at('2018-12'))).toHaveLength(1);
  });

  it('does not check an open-ended tenure past its start', () => {
    const text = edit(at('2025-03-01'), ['        to: 2021-06\n', '']);
    expect(check(text)).toEqual([]);
  });

  // The same office held twice: an engagement in either tenure is fine.
  const twoTenures = (date: string) =>
    replaceOnce(
      at(date),
      '        to: 2021-06\n        sources: [src-a]\n',
      '        to: 2021-06\n        sources: [src-a]\n      - title: Minister\n        country: AA\n        from: 2024\n        sources: [src-a]\n',
    );

  it('with two tenures of one office, still accepts a date in the first and flags one in neither', () => {
    expect(check(twoTenures('2020-04-27'))).toEqual([]);
    expect(ofRule(check(twoTenures('2022-05-01')), 'role-period')).toHaveLength(1);
  });

  it('accepts an engagement inside a second tenure of the same office', () => {
    const text = twoTenures('2024-05-01'); // built before the assertion: only the check may fail
    expect(check(text)).toEqual([]);
  });
});

describe('anniversary', () => {
  const anniversary = (date: string, extra = '    of: m-rel\n    ordinal: 30\n') =>
    replaceOnce(
      BASE,
      'notes:\n',
      `  - id: m-rel-30\n    kind: anniversary\n    title: 30th anniversary\n    date: ${date}\n${extra}    status: planned\n    sources: [src-a]\nnotes:\n`,
    );

  it('accepts the year of the milestone plus the ordinal', () => {
    expect(check(anniversary('2023'))).toEqual([]);
  });

  it('flags a year that does not match, at the date', () => {
    const text = anniversary('2024');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'anniversary', severity: 'error', path: 'milestones[1].date', ...valuePos(text, 'date: 2024') },
    ]);
    expect(diags[0]!.message).toMatch(/falls in 2023, not 2024/);
  });

  it('warns when an anniversary does not say what it marks', () => {
    const text = anniversary('2023', '');
    expect(check(text).map(brief)).toEqual([
      { rule: 'anniversary', severity: 'warning', path: 'milestones[1]', ...positionOf(text, 'id: m-rel-30') },
    ]);
  });
});
