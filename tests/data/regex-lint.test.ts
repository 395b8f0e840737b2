// No regular expression in src/ may backtrack super-linearly: a structural rule (no unbounded
// quantifier inside another, no overlapping alternatives under one) plus scslre's analysis.
// A reviewed exception carries `// regex-safe: <why>` on its line or the line above.
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { getFirstConsumedChar } from 'regexp-ast-analysis';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { findRegexes } from '../helpers/regex-scan.js';

/** Why a pattern is structurally risky, or undefined. */
export function nestedQuantifier(source: string, flags: string): string | undefined {
  const literal = new RegExpParser().parseLiteral(`/${source}/${flags}`);
  const flagsObj = literal.flags;
  let problem: string | undefined;
  visitRegExpAST(literal.pattern, {
    onQuantifierEnter(q: AST.Quantifier) {
      if (problem || q.max <= 10) return;
      visitRegExpAST(q.element as unknown as AST.Pattern, {
        onQuantifierEnter(inner: AST.Quantifier) {
          if (!problem && inner !== q && inner.max > 10) problem = `unbounded "${inner.raw}" inside repeated "${q.raw}"`;
        },
      });
      const el = q.element;
      if (!problem && (el.type === 'Group' || el.type === 'CapturingGroup') && el.alternatives.length > 1) {
        const first = el.alternatives.map((a) => getFirstConsumedChar(a, 'ltr', flagsObj));
        for (let i = 0; i < first.length && !problem; i++) {
          for (let j = i + 1; j < first.length && !problem; j++) {
            const a = first[i]!;
            const b = first[j]!;
            if (a.empty || b.empty || !a.char.isDisjointWith(b.char)) problem = `alternatives of repeated "${q.raw}" can start alike`;
          }
        }
      }
    },
  });
  return problem;
}

/** scslre's verdict: the first super-linear backtracking it finds, or undefined. */
export function superLinear(source: string, flags: string): string | undefined {
  const literal = new RegExpParser().parseLiteral(`/${source}/${flags}`);
  const report = analyse(literal, { reportTypes: { Move: true, Self: true, Trade: true } }).reports[0];
  if (!report) return undefined;
  return `${report.exponential ? 'exponential' : 'polynomial'} backtracking (${report.type}) on a run of ${JSON.stringify(report.character.literal.source)}`;
}

describe('regular expressions in src/', () => {
  const all = findRegexes();

  it('finds the regexes (the scanner works)', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((r) => r.where.startsWith('src/data/') && r.source.includes('.json'))).toBe(true);
  });

  it('has no nested or overlapping quantifier without a reviewed regex-safe comment', () => {
    const bad = all.filter((r) => !r.allowed).flatMap((r) => {
      const why = nestedQuantifier(r.source, r.flags);
      return why ? [`${r.where}  /${r.source}/${r.flags}  ${why}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('has no super-linear backtracking (scslre) without a reviewed regex-safe comment', () => {
    const bad = all.filter((r) => !r.allowed).flatMap((r) => {
      const why = superLinear(r.source, r.flags);
      return why ? [`${r.where}  /${r.source}/${r.flags}  ${why}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('the rule catches the patterns it is for', () => {
    expect(nestedQuantifier('^(\\s*#.*\\n?)*\\s*$', '')).toMatch(/inside repeated/);
    expect(nestedQuantifier('(a+)+b', '')).toMatch(/inside repeated/);
    expect(nestedQuantifier('(x*)+', '')).toMatch(/inside repeated/);
    expect(nestedQuantifier('^(a|a)*$', '')).toMatch(/start alike/);
    expect(nestedQuantifier('^(ab|a)*$', '')).toMatch(/start alike/);
    expect(nestedQuantifier('^(a|b)*$', '')).toBeUndefined();
    expect(nestedQuantifier('^\\d{4}-\\d{2}$', '')).toBeUndefined();
    expect(superLinear('\\s+$', '')).toMatch(/polynomial/);
  });
});
