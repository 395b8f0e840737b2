/** Deep nesting is a located data error, never the parser's "Maximum call stack size exceeded". */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/data/load-document.js';
import { MAX_DEPTH } from '../../src/data/token-budget.js';
import { BilatError } from '../../src/errors.js';

function parseError(text: string): BilatError {
  try {
    parseText('deep.yaml', text);
  } catch (e) {
    if (e instanceof BilatError) return e;
    throw e;
  }
  throw new Error('parsed without an error');
}

describe('nesting depth', () => {
  it('reads lists nested to the limit', () => {
    const doc = parseText('ok.yaml', `pair: x\nv: ${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}\n`);
    let v = (doc.value as { v: unknown }).v;
    let depth = 0;
    while (Array.isArray(v)) [v, depth] = [v[0], depth + 1];
    expect(depth).toBe(MAX_DEPTH);
  });

  it('stops 100,000 nested [ at the bracket one level too deep', () => {
    const e = parseError(`pair: x\nsummary: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(e.code).toBe('E_DATA_PARSE');
    expect(e.message).toMatch(new RegExp(`^nesting deeper than ${MAX_DEPTH} levels at line 2`));
    expect(e.message).not.toMatch(/call stack/);
    expect([e.file, e.line, e.column]).toEqual(['deep.yaml', 2, 'summary: '.length + MAX_DEPTH + 1]);
  });

  it('counts mappings and lists alike, in JSON too', () => {
    const e = parseError(`{"pair": "x", "v": ${'{"a": ['.repeat(60)}1${']}'.repeat(60)}}`);
    expect(e.message).toMatch(/^nesting deeper than 100 levels at line 1/);
  });

  it('reports block nesting past the parser stack at the most indented line', () => {
    const lines = Array.from({ length: 5_000 }, (_, k) => `${' '.repeat(k)}-`);
    const e = parseError(`pair: x\nv:\n${lines.join('\n')} x\n`);
    expect(e.code).toBe('E_DATA_PARSE');
    expect(e.message).toMatch(/^nesting deeper than 100 levels/);
    expect(e.line).toBe(2 + 5_000);
  });
});
