import { parseText } from '../../src/data/load-document.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { validateDocument } from '../../src/validate/validate.js';

/** The as-of day every rule test uses (the 2108 visit is after it, 2020 is not). */
export const AS_OF = '2026-11-22';

/**
 * A minimal relationship that passes every rule as of AS_OF. Tests change one thing with
 * `replaceOnce` and expect exactly the diagnostics that change causes.
 */
export const BASE = `schemaVersion: 1
pair:
  id: aa-bb
  countries:
    - code: AA
      code3: AAA
      name: Aland
      officialName: Republic of Aland
      capital: Acity
    - code: BB
      code3: BBB
      name: Beland
      officialName: Kingdom of Beland
      capital: Bcity
sources:
  - id: src-a
    title: A report
    publisher: Agency
    published: 2020-05-01
    kind: news-report
people:
  - id: p-one
    name: Person One
    country: AA
    roles:
      - title: Minister
        country: AA
        from: 2019-01
        to: 2021-06
        sources: [src-a]
engagements:
  - id: e-one
    date: 2020-04-27
    kind: phone-call
    participants:
      - person: p-one
        role: Minister
    organizations: [org-a]
    outcomes:
      - kind: commitment
        text: Keep talking.
    sources: [src-a]
agreements:
  counts:
    - count: 5
      asOf: 2020
      sources: [src-a]
  treaties:
    - id: treaty-a
      title: Treaty A
      signed: 1997
      sources: [src-a]
trade:
  - id: t-one
    start: 2018-01
    end: 2018-10
    reporter: AA
    currency: USD
    unit: million
    exports: 2.3
    imports: 1.4
    turnover: 3.7
    balance: 0.9
    sources: [src-a]
organizations:
  - id: org-a
    name: Org A
    sources: [src-a]
milestones:
  - id: m-rel
    kind: diplomatic-relations
    title: Relations established
    date: 1993
    sources: [src-a]
notes:
  - id: dq-one
    about: [t-one]
    says: as printed
    problem: none really
    action: kept
    sources: [src-a]
`;

/** Replace the single occurrence of `from`; throws when it is absent or ambiguous, so an edit can never silently miss. */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i === -1) throw new Error(`replaceOnce: ${JSON.stringify(from)} not found`);
  if (text.indexOf(from, i + 1) !== -1) throw new Error(`replaceOnce: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** Apply several `[from, to]` edits in order. */
export function edit(text: string, ...edits: ReadonlyArray<readonly [string, string]>): string {
  return edits.reduce((t, [from, to]) => replaceOnce(t, from, to), text);
}

/**
 * 1-based line and column of the first character of `needle` (or of its `nth` occurrence),
 * found by plain text search — independent of the YAML parser the loader uses.
 */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`positionOf: occurrence ${nth} of ${JSON.stringify(needle)} not found`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Position of the value in the first (or `nth`) occurrence of `key: value`: the first character after "key: ". */
export function valuePos(text: string, keyAndValue: string, nth = 0): { line: number; column: number } {
  const p = positionOf(text, keyAndValue, nth);
  const colon = keyAndValue.indexOf(': ');
  if (colon === -1) throw new Error(`valuePos: ${JSON.stringify(keyAndValue)} has no "key: "`);
  return { line: p.line, column: p.column + colon + 2 };
}

/** Diagnostics of a YAML text, as `bilat validate` would report them. */
export function check(text: string, asOf = AS_OF, file = 'x.yaml'): Diagnostic[] {
  return validateDocument(parseText(file, text), asOf).diagnostics;
}

/** Diagnostics of one rule only. */
export function ofRule(diags: readonly Diagnostic[], rule: string): Diagnostic[] {
  return diags.filter((d) => d.rule === rule);
}

/** Compact form for readable `toEqual` assertions. */
export function brief(d: Diagnostic): { rule: string; severity: string; path: string; line: number; column: number } {
  return { rule: d.rule, severity: d.severity, path: d.path, line: d.line, column: d.column };
}
