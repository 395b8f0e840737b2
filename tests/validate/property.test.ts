import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseText } from '../../src/data/load-document.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { BilatError } from '../../src/errors.js';
import { validateDocument, type ValidationResult } from '../../src/validate/validate.js';
import { AS_OF } from './helpers.js';

const TEXT = readFileSync('data/az-kg.yaml', 'utf8');
const DATA = parse(TEXT) as unknown;
const SEED = 20261122;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every path in a JSON tree (the root excluded), in document order. */
function paths(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...paths(x, [...at, i])]);
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
  return [];
}

function get(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

/** Pick one element by an unbounded index, or undefined from an empty list. */
const pickFrom = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

const typo = (key: string, n: number): string => {
  if (key.length < 2) return key + 'x';
  const i = n % (key.length - 1);
  switch (n % 3) {
    case 0:
      return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2); // swap neighbours: exports → exprots
    case 1:
      return key.slice(0, i) + key.slice(i + 1); // drop one
    default:
      return key.slice(0, i) + key[i]!.toUpperCase() + key.slice(i + 1);
  }
};

const partialDate = fc.oneof(
  fc.integer({ min: 1000, max: 9999 }),
  fc
    .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1, max: 31 })))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}${d === null ? '' : `-${String(d).padStart(2, '0')}`}`),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), item: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), n: fc.nat() }),
  fc.record({
    kind: fc.constant('unicode' as const),
    at: fc.nat(),
    value: fc.string({ unit: fc.constantFrom('grapheme', 'binary') as fc.Arbitrary<'grapheme' | 'binary'>, maxLength: 12 }),
  }),
  // These keep the shape valid, so the semantic rules run on odd but well-typed data.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('date' as const), at: fc.nat(), value: partialDate }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('number' as const),
      at: fc.nat(),
      value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e-7, 1e21, 2.35, -1)),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reuse' as const), at: fc.nat(), from: fc.nat() }) },
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(root: Json, m: Mutation): void {
  const all = paths(root);
  const parentOf = (p: Path) => get(root, p.slice(0, -1)) as Record<string | number, Json> & Json[];
  const strings = all.filter((p) => typeof get(root, p) === 'string');
  switch (m.kind) {
    case 'delete': {
      const p = pickFrom(all, m.at);
      if (!p) return;
      const parent = parentOf(p);
      if (Array.isArray(parent)) parent.splice(p.at(-1) as number, 1);
      else delete parent[p.at(-1)!];
      return;
    }
    case 'replace': {
      const p = pickFrom(all, m.at);
      if (p) parentOf(p)[p.at(-1)!] = m.value;
      return;
    }
    case 'duplicate': {
      const p = pickFrom(
        all.filter((q) => Array.isArray(get(root, q)) && (get(root, q) as Json[]).length > 0),
        m.at,
      );
      if (!p) return;
      const list = get(root, p) as Json[];
      list.push(structuredClone(list[m.item % list.length]!));
      return;
    }
    case 'rename': {
      const p = pickFrom(
        all.filter((q) => typeof q.at(-1) === 'string'),
        m.at,
      );
      if (!p) return;
      const parent = parentOf(p);
      const key = p.at(-1) as string;
      const value = parent[key]!;
      delete parent[key];
      parent[typo(key, m.n)] = value;
      return;
    }
    case 'unicode':
    case 'date':
    case 'reuse': {
      const p = pickFrom(
        m.kind === 'date' ? all.filter((q) => /^(date|published|signed|asOf|start|end|from|to)$/.test(String(q.at(-1)))) : strings,
        m.at,
      );
      if (!p) return;
      const value = m.kind === 'reuse' ? (get(root, pickFrom(strings, m.from)!) as string) : m.value;
      parentOf(p)[p.at(-1)!] = value;
      return;
    }
    case 'number': {
      const p = pickFrom(
        all.filter((q) => typeof get(root, q) === 'number'),
        m.at,
      );
      if (p) parentOf(p)[p.at(-1)!] = m.value;
    }
  }
}

function expectWellFormed(diags: readonly Diagnostic[], text: string, file: string): void {
  const lines = text.split('\n').length;
  for (const d of diags) {
    expect(d.severity === 'error' || d.severity === 'warning').toBe(true);
    expect(d.file).toBe(file);
    expect(typeof d.rule).toBe('string');
    expect(typeof d.path).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
  }
}

/** Validate a text; a BilatError from the parser is an accepted answer, anything else is a bug. */
function validateText(file: string, text: string, asOf = AS_OF): ValidationResult | BilatError {
  let doc;
  try {
    doc = parseText(file, text);
  } catch (e) {
    if (e instanceof BilatError && e.code === 'E_DATA_PARSE' && (e.line ?? 0) >= 1) return e;
    throw e;
  }
  return validateDocument(doc, asOf); // must never throw
}

describe('random mutations of data/az-kg.yaml never crash validate', () => {
  it('answers with located diagnostics or success', () => {
    let ranRules = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.date({ min: new Date('1990-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
        (ms, asJson, day) => {
          runs++;
          const root = structuredClone(DATA) as Json;
          for (const m of ms) apply(root, m);
          const file = asJson ? 'mutant.json' : 'mutant.yaml';
          const text = asJson ? JSON.stringify(root, null, 2) : stringify(root);
          const result = validateText(file, text, day.toISOString().slice(0, 10));
          if (result instanceof BilatError) return;
          expectWellFormed(result.diagnostics, text, file);
          if (result.data) ranRules++;
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
    // Guard against a generator that only ever breaks the shape: the semantic rules must get exercised.
    expect(ranRules / runs).toBeGreaterThan(0.15);
  });

  it('survives random edits of the raw text (inserted, deleted and replaced characters)', () => {
    const edit = fc.record({
      at: fc.nat({ max: TEXT.length }),
      cut: fc.nat({ max: 8 }),
      insert: fc.string({ unit: fc.constantFrom('grapheme', 'binary') as fc.Arbitrary<'grapheme' | 'binary'>, maxLength: 6 }),
    });
    let parsed = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const text = edits.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.at + e.cut), TEXT);
        const result = validateText('edited.yaml', text);
        if (result instanceof BilatError) return;
        parsed++;
        expectWellFormed(result.diagnostics, text, 'edited.yaml');
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(parsed).toBeGreaterThan(0);
  });

  it('the mutation machinery does mutate (a typo is reported as an unknown key)', () => {
    const root = structuredClone(DATA) as Json;
    const at = paths(root)
      .filter((q) => typeof q.at(-1) === 'string')
      .findIndex((q) => q.join('.') === 'trade.0.exports');
    expect(at).toBeGreaterThanOrEqual(0);
    apply(root, { kind: 'rename', at, n: 3 }); // 3 % 3 = 0: swap the neighbours at 3 % 6 = 3, "or" → "ro"
    const result = validateText('x.yaml', stringify(root));
    expect(result).not.toBeInstanceOf(BilatError);
    const errors = (result as ValidationResult).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.hint])).toEqual([['trade[0].exprots', 'did you mean "exports"?']]);
  });
});
