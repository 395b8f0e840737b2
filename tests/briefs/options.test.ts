/**
 * `bilat build` options a user changes per run: page size and locale, through the real CLI.
 * (A locale is a language with a catalog; en-US keeps English words with US dates and numbers.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, PAIRS, removeDir, runCli, tempDir } from '../helpers/cli.js';
import { htmlText, pdfInfo, pdfRawText } from '../helpers/text.js';

let out = '';
beforeAll(() => {
  out = tempDir('options');
  const r = runCli([
    'build',
    PAIRS[0].file,
    '-a',
    'executive',
    '--as-of',
    AS_OF,
    '--out',
    out,
    '--page-size',
    'letter',
    '--locale',
    'en-US',
  ]);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => removeDir(out));

describe('--page-size letter --locale en-US', () => {
  const pdf = () => join(out, 'az-kg-executive.pdf');
  const html = () => readFileSync(join(out, 'az-kg-executive.html'), 'utf8');

  it('prints on US Letter', () => {
    expect(pdfInfo(pdf())['Page size']).toMatch(/^612 x 792 pts/);
  });

  it('writes dates the US way, in both formats, under the English names', () => {
    for (const text of [htmlText(html()), pdfRawText(pdf())]) {
      expect(text).toContain('November 22, 2026');
      expect(text).toContain('3.7');
      expect(text).not.toContain('22 November 2026');
    }
  });

  it('declares the language of the document', () => {
    expect(html()).toContain('<html lang="en-US">');
  });
});
