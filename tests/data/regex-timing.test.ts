// Every regular expression in src/ that can see input runs on adversarial strings (50,000
// characters: a long run of one unit, then a tail that makes the match fail) inside a vm
// with a timeout, so a super-linear one fails the test naming its place instead of hanging it.
import { createContext, runInContext } from 'node:vm';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { onlyCommentsOrBlank } from '../../src/data/read-file.js';
import { findRegexes, type FoundRegex } from '../helpers/regex-scan.js';

const LENGTH = 50_000;
/** Generous: a linear regex takes about a millisecond on these strings; a quadratic one, seconds. */
const BUDGET_MS = 1000;
const UNITS = [' ', '\t', '\n', '\r\n', '#', '# x\n', ' #\n', '0', '0.', '1,', 'a', 'a ', '-', '.', ',', '/', '\\', '"', "'", ':', '<', '=', 'ms1', '\u00a0'];
const TAIL = '\u0000!';

const repeat = (unit: string, prefix = ''): string => prefix + unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

/** The units to try on one regex: the common ones plus the character scslre says it pumps. */
function unitsFor(r: FoundRegex): string[] {
  const units = new Set(UNITS);
  try {
    const literal = new RegExpParser().parseLiteral(`/${r.source}/${r.flags}`);
    for (const rep of analyse(literal).reports) units.add(rep.character.literal.source.replace(/^\\/, ''));
  } catch {
    // a pattern regexpp cannot parse still gets the common units
  }
  return [...units];
}

/** The plain text an anchored pattern must start with (`^PT(` → "PT"), so the run reaches its quantifiers. */
function leadingLiteral(source: string): string {
  return /^\^((?:[\w -]|\\[./-])*)/.exec(source)?.[1]?.replace(/\\/g, '') ?? '';
}

const context = createContext({});

/** Runs `re` over `text` the way src uses it (every match for /g), stopped after the budget. */
function timed(r: FoundRegex, text: string): number {
  context.source = r.source;
  context.flags = r.flags;
  context.text = text;
  const started = performance.now();
  runInContext('{ const re = new RegExp(source, flags); if (re.global) { for (const m of text.matchAll(re)) void m; } else re.test(text); }', context, { timeout: BUDGET_MS });
  return performance.now() - started;
}

describe('input-facing regexes on adversarial strings', () => {
  const all = findRegexes().filter((r) => !r.allowed?.startsWith('not input'));

  it(`each finishes within ${BUDGET_MS} ms on ${LENGTH.toLocaleString('en-US')}-character strings`, () => {
    const slow: string[] = [];
    for (const r of all) {
      for (const unit of unitsFor(r)) {
        for (const prefix of new Set(['', leadingLiteral(r.source)])) {
          const text = repeat(unit, prefix) + TAIL;
          try {
            const ms = timed(r, text);
            if (ms > BUDGET_MS) slow.push(`${r.where} /${r.source}/${r.flags} took ${Math.round(ms)} ms on ${JSON.stringify(prefix + unit)} x ${LENGTH}`);
          } catch (e) {
            slow.push(`${r.where} /${r.source}/${r.flags} ${(e as Error).message} on ${JSON.stringify(prefix + unit)} x ${LENGTH}`);
          }
        }
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it('the harness stops and reports a backtracking regex', () => {
    const bad = { where: 'test', source: '^(\\s*#.*\\n?)*\\s*$', flags: '' };
    expect(() => timed(bad, repeat('# x\n') + '\u0000!')).toThrow(/timed out/);
  });

  it('the empty-file check is a linear scan: a 50,000-line banner is read at once', () => {
    const banner = '# licence line\n'.repeat(LENGTH);
    const started = performance.now();
    expect(onlyCommentsOrBlank(banner)).toBe(true);
    expect(onlyCommentsOrBlank(`${banner}pair: x\n`)).toBe(false);
    expect(onlyCommentsOrBlank('  \n\t# a\n   # b\n')).toBe(true);
    expect(onlyCommentsOrBlank('')).toBe(true);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });
});
