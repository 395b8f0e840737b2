/** Half a surrogate pair passed validate and failed only the PDF build; validate now stops it, located. */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ensureDistFresh, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

let dir = '';
beforeAll(async () => {
  await ensureDistFresh();
  dir = tempDir('lone-surrogate');
}, 120_000);
afterAll(() => removeDir(dir));

describe('lone UTF-16 surrogates', () => {
  it('validate rejects a YAML "\\uD800" escape at its line, with a fix hint', () => {
    const src = readFileSync(join(ROOT, 'data/az-kg.yaml'), 'utf8');
    const at = src.indexOf('summary: ');
    const end = src.indexOf('\n', at);
    const line = src.slice(0, at).split('\n').length;
    const file = join(dir, 'pair.yaml');
    writeFileSync(file, `${src.slice(0, at)}summary: "lone \\uD800 surrogate"${src.slice(end)}`);
    const r = runCli(['validate', file, '--as-of', AS_OF]);
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toMatch(
      new RegExp(
        `pair\\.yaml:${line}:\\d+\\s+error\\s+engagements\\[0\\]\\.summary\\s+text holds U\\+D800, half of a UTF-16 surrogate pair`,
      ),
    );
    expect(r.stderr + r.stdout).toContain('write the character itself, or its complete pair of escapes');
  });

  it('a complete pair written as two JSON escapes is a character like any other', () => {
    const file = join(dir, 'pair.json');
    writeFileSync(file, JSON.stringify({ note: 'x' }).replace('"x"', '"\\ud83d\\ude00 and \\udc00"'));
    const r = runCli(['validate', file, '--as-of', AS_OF]);
    const out = r.stderr + r.stdout;
    // Only the lone low half is reported (positions count UTF-16 code units: the emoji is two).
    expect(out.match(/text holds U\+[0-9A-F]{4}/g)).toEqual(['text holds U+DC00']);
    expect(out).toContain('at character 8');
  });
});
