// Semantic rules on a file that does not match the schema yet: the items the schema accepts
// are checked too, located as written, and nothing is reported that only an item set aside
// could have caused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/data/load-document.js';
import { validateDocument } from '../../src/validate/validate.js';
import { AS_OF, positionOf } from './helpers.js';

const DATA = 'data/az-kg.yaml';
const text = readFileSync(DATA, 'utf8');
const check = (t: string) => validateDocument(parseText(DATA, t), AS_OF);
const rows = (t: string) => check(t).diagnostics.map((d) => [d.severity, d.rule, d.path, d.line, d.column]);

describe('rules on a file the schema rejects', () => {
  it('a wrong type in one contact and an unknown source in a later one: both, at once, each at its line', () => {
    let t = text.replace('  - id: 2016-aliyev-visit\n    date: 2016', '  - id: 2016-aliyev-visit\n    date: yesterday');
    t = t.replace('    sources: [tdi-2021-12-22]\n\nagreements:', '    sources: [tdi-2021-12-2]\n\nagreements:');
    const wrong = positionOf(t, 'yesterday');
    const unknown = positionOf(t, 'tdi-2021-12-2]');
    const visit = positionOf(t, 'date: 2108');
    expect(rows(t)).toEqual([
      ['error', 'schema', 'engagements[0].date', wrong.line, wrong.column],
      // engagements[1] and [5] as written, though the rules saw them at [0] and [4].
      ['warning', 'date-future', 'engagements[1].date', visit.line, visit.column + 'date: '.length],
      ['error', 'reference', 'engagements[5].sources[0]', unknown.line, unknown.column],
    ]);
    const d = check(t).diagnostics.find((x) => x.rule === 'reference')!;
    expect([d.message, d.hint]).toEqual(['unknown source "tdi-2021-12-2"', 'did you mean "tdi-2021-12-22"?']);
  });

  it('a source the schema rejects is set aside, but what cites it is not reported as unknown, and no source as unused', () => {
    const t = text.replace('    publisher: TDI\n    published: 2021-12-22', '    publisher: TDI\n    published: sometime');
    const r = check(t).diagnostics;
    expect(r.filter((d) => d.severity === 'error').map((d) => [d.rule, d.path])).toEqual([['schema', 'sources[0].published']]);
    expect(r.some((d) => d.rule === 'unused-source')).toBe(false);
    expect(r.some((d) => d.rule === 'date-future')).toBe(true); // the other rules did run
  });

  it('a nested list (agreements.treaties) maps back too', () => {
    let t = text.replace(/ {4}- id: treaty-friendship\n {6}title: .*/, '    - id: treaty-friendship\n      title: 7');
    t = t.replace(
      '      sources: [azertag-2021-10-28]\n\ntrade:',
      '      sources: [azertag-2021-10-28]\n    - id: treaty-two\n      title: A second treaty\n      signed: 1999\n      sources: [nowhere]\n\ntrade:',
    );
    const nowhere = positionOf(t, 'nowhere');
    expect(rows(t).filter((r) => r[0] === 'error')).toEqual([
      [
        'error',
        'schema',
        'agreements.treaties[0].title',
        positionOf(t, 'title: 7').line,
        positionOf(t, 'title: 7').column + 'title: '.length,
      ],
      ['error', 'reference', 'agreements.treaties[1].sources[0]', nowhere.line, nowhere.column],
    ]);
  });

  // Rounding rules read the figures as written: those of the row the rule checks, not of the
  // row that sat at its index before one was set aside.
  it('the figures as written come from the right row once a row is set aside', () => {
    const FIX = 'tests/fixtures/batch/good-a.yaml';
    let t = readFileSync(FIX, 'utf8').replace('    start: 2023\n', '    start: not-a-date\n');
    t = t.replace(
      '    exports: 80\n    imports: 64.9\n    turnover: 144.9\n    balance: 15.1',
      '    exports: 80.000\n    imports: 64.900\n    turnover: 144.900\n    balance: 15.100',
    );
    t = t.replace('    turnover: 164.2', '    turnover: 164');
    expect(validateDocument(parseText(FIX, t), AS_OF).diagnostics.map((d) => [d.rule, d.path])).toEqual([['schema', 'trade[0].start']]);
  });

  it('an item set aside for an id written as a number: references to that id stay silent', () => {
    const FIX = 'tests/fixtures/batch/good-a.yaml';
    const t = readFileSync(FIX, 'utf8')
      .replace('  - id: diplomatic-relations', '  - id: 1998')
      .replace('    of: diplomatic-relations', '    of: "1998"');
    expect(validateDocument(parseText(FIX, t), AS_OF).diagnostics.map((d) => [d.rule, d.path])).toEqual([['schema', 'milestones[0].id']]);
  });

  it('a problem outside any list item (no pair at all): the schema diagnostics only', () => {
    const t = text
      .replace(/^pair:\n(?: {2}.*\n)+/m, '')
      .replace('    sources: [tdi-2021-12-22]\n\nagreements:', '    sources: [tdi-2021-12-2]\n\nagreements:');
    const r = check(t).diagnostics;
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((d) => d.rule === 'schema' || d.rule === 'load')).toBe(true);
  });
});
