import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import type { LoadedDocument } from '../data/load-document.js';
import { didYouMean } from './did-you-mean.js';
import { formatGuess, nonFiniteMessage, numberAdvice, quoteAdvice } from './value-advice.js';

/** Turn a zod failure into located diagnostics, one per issue, with fix hints. */
export function schemaDiagnostics(doc: LoadedDocument, schema: z.ZodType, error: z.ZodError): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const { file = doc.file, line, column } = doc.locate(path, true);
        const intended = intendedKey(key, known);
        const guess = intended ? undefined : didYouMean(key, known);
        out.push({
          severity: 'error',
          rule: 'schema',
          code: 'E_DATA_INVALID',
          file,
          line,
          column,
          path: formatPath(path),
          message: `unknown key "${key}"`,
          hint: intended ?? (guess ? `did you mean "${guess}"?` : known.length ? `allowed keys: ${known.join(', ')}` : undefined),
        });
      }
      continue;
    }
    const { file = doc.file, line, column } = doc.locate(issue.path);
    out.push({
      severity: 'error',
      rule: 'schema',
      code: 'E_DATA_INVALID',
      file,
      line,
      column,
      path: formatPath(issue.path),
      ...topicAdvice(issue, valueAt(doc.value, issue.path), describe(issue, valueAt(doc.value, issue.path), doc.printed(issue.path))),
    });
  }
  return out;
}

function describe(issue: z.core.$ZodIssue, actual: unknown, printed: string | undefined): { message: string; hint?: string } {
  switch (issue.code) {
    case 'invalid_type': {
      if (actual === undefined) return { message: `missing required field (expected ${issue.expected})` };
      // YAML reads 1e400 as infinity and .nan as NaN: "expected number, got number" would baffle.
      if (issue.expected === 'number' && typeof actual === 'number') return { message: nonFiniteMessage(actual, printed) };
      const got = typeName(actual);
      const hint =
        issue.expected === 'number' && typeof actual === 'string'
          ? numberAdvice(actual)
          : issue.expected === 'string'
            ? quoteAdvice(actual, printed)
            : undefined;
      return {
        message: `expected ${issue.expected}, got ${got}${typeof actual === 'string' ? ` "${actual}"` : typeof actual === 'number' ? ` ${printed ?? actual}` : ''}`,
        hint,
      };
    }
    case 'invalid_format': {
      // "eur" for EUR, "2020-4-21" for 2020-04-21: say what was probably meant.
      const pattern =
        issue.format === 'regex' && typeof actual === 'string' ? toRegExp((issue as { pattern?: string }).pattern) : undefined;
      const guess = pattern ? formatGuess(actual as string, pattern) : undefined;
      return { message: issue.message, ...(guess ? { hint: `did you mean ${guess}?` } : {}) };
    }
    case 'invalid_value':
      if (actual === undefined)
        return { message: 'missing required field', hint: `use one of: ${issue.values.map((v) => String(v)).join(', ')}` };
      return {
        message: `${JSON.stringify(actual)} is not allowed`,
        hint: `use one of: ${issue.values.map((v) => String(v)).join(', ')}${nearest(actual, issue.values)}`,
      };
    case 'invalid_union':
      // Free text (schema/common.ts localizedText): a string, or one per language.
      if (isTextUnion(issue)) {
        const expected = 'expected string, or one per language such as {en: "…", ru: "…"}';
        return {
          message:
            actual === undefined
              ? `missing required field (${expected})`
              : `${expected}, got ${typeName(actual)} ${JSON.stringify(actual)}`,
        };
      }
      // A missing date or other union-typed field: say so rather than "undefined is not valid".
      if (actual === undefined) return { message: 'missing required field', hint: firstUnionHint(issue) };
      return {
        message: issue.message.startsWith('Invalid input') ? `${JSON.stringify(actual)} is not a valid value here` : issue.message,
        hint: firstUnionHint(issue),
      };
    case 'custom': {
      // A refinement may say how to fix what it reports (schema v2: date or dates).
      const hint = (issue.params as { hint?: unknown } | undefined)?.hint;
      return { message: issue.message, ...(typeof hint === 'string' ? { hint } : {}) };
    }
    case 'too_small':
      return { message: issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : issue.message };
    default:
      return { message: issue.message };
  }
}

/** Keys a writer uses for the end (or start) of a span of days. */
const SPAN_KEYS = new Set([
  'end',
  'start',
  'enddate',
  'startdate',
  'end_date',
  'start_date',
  'to',
  'from',
  'until',
  'dateend',
  'datestart',
  'date_end',
  'date_start',
  'lastday',
  'firstday',
]);

/**
 * What a writer meant by a key the schema does not have, when edit distance would guess wrong:
 * `end` under an event is a span of days (the range form), not a misspelt `id`.
 */
export function intendedKey(key: string, known: readonly string[]): string | undefined {
  if (!SPAN_KEYS.has(key.toLowerCase())) return undefined;
  if (known.includes('dates'))
    return 'for several days write the range form `dates: {start: YYYY-MM-DD, end: YYYY-MM-DD}` in place of `date`';
  if (known.includes('period')) return 'write the span as `period: {start: …, end: …}`';
  if (known.includes('date') && known.includes('kind'))
    return 'a version 1 event has one `date`; schemaVersion 2 takes `dates: {start, end}` for several days (`bilat migrate` converts the file)';
  return undefined;
}

/** An unknown topic is not a typo to correct but a topic to keep: point at `tags`. */
function topicAdvice(
  issue: z.core.$ZodIssue,
  actual: unknown,
  described: { message: string; hint?: string },
): { message: string; hint?: string } {
  // The file is read with the version 1 schema unless it says 2: name both versions.
  if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'schemaVersion' && actual !== undefined)
    return { message: described.message, hint: 'use 1 or 2 (bilat migrate rewrites a version 1 file as version 2)' };
  if (issue.code !== 'invalid_value' || typeof actual !== 'string' || issue.path.at(-2) !== 'topics') return described;
  const guess = nearest(actual, issue.values);
  return {
    message: `"${actual}" is not a known topic`,
    hint: `put free topics in \`tags\`${guess ? `, or${guess.replace(' —', '')}` : ''} (known topics: ${issue.values.map(String).join(', ')})`,
  };
}

function toRegExp(source: string | undefined): RegExp | undefined {
  const m = source === undefined ? null : /^\/(.*)\/([a-z]*)$/s.exec(source);
  try {
    return m ? new RegExp(m[1]!, m[2]) : undefined;
  } catch {
    return undefined;
  }
}

function isTextUnion(issue: z.core.$ZodIssueInvalidUnion): boolean {
  const expected = issue.errors.map((b) => (b.length === 1 && b[0]!.code === 'invalid_type' ? b[0]!.expected : undefined));
  return expected.length === 2 && expected[0] === 'string' && expected[1] === 'record';
}

function firstUnionHint(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  for (const branch of issue.errors) for (const i of branch) if (i.code !== 'invalid_type') return i.message;
  return undefined;
}

function nearest(actual: unknown, values: readonly unknown[]): string {
  if (typeof actual !== 'string') return '';
  const g = didYouMean(actual, values.map(String));
  return g ? ` — did you mean "${g}"?` : '';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** Keys the schema allows at a path, by walking objects, arrays, tuples and optionals. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  for (const seg of path) {
    s = unwrap(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (def.type === 'object') s = (def.shape as Record<string, unknown>)[String(seg)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'tuple') s = (def.items as unknown[])[Number(seg)];
    else return [];
  }
  const def = (unwrap(s) as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

function unwrap(s: unknown): unknown {
  for (;;) {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return s;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
}
