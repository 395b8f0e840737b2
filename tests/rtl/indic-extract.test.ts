/**
 * Complex clusters in the PDF's text layer: Devanagari and Bengali draw a pre-base vowel sign
 * before its consonant (and Bengali's ো around it), yet copying the text must give the letters
 * in logical order; Persian words with a zero-width non-joiner keep their letters in order.
 * The real CLI builds the synthetic India–Thailand fixture, and a copy with Bengali and Persian
 * words swapped into its source titles; poppler reads the PDFs back (default reading order,
 * which also puts right-to-left runs back in logical order; -raw would not).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'tests/fixtures/scripts/in-th-synthetic.yaml');
/** poppler wraps right-to-left runs in embedding controls and drops ZWNJ; compare the letters. */
const text = (pdf: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    .replace(/[\u202A-\u202E\u200C]/g, '')
    .normalize('NFC');
/** A vowel sign that must follow its consonant, read at the start of a word. */
const LEADING_SIGN = /(^|[\s(:—·])[\u093F\u09BF\u09C7\u09C8]/mu;

let out = '';
let native = '';
let swapped = '';

beforeAll(() => {
  out = tempDir('indic-pdf');
  const build = (file: string, dir: string): string => {
    const r = runCli(['build', file, '-a', 'analyst', '-f', 'pdf', '-o', dir, '--as-of', AS_OF, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    return text(join(dir, 'in-th-analyst.pdf'));
  };
  native = build(FIXTURE, join(out, 'native'));
  const copy = join(out, 'in-th-swapped.yaml');
  writeFileSync(
    copy,
    readFileSync(FIXTURE, 'utf8').replace('পররাষ্ট্র মন্ত্রণালয়', 'বিদেশি বৈঠক কোনো').replace('משרד החוץ', 'کتاب\u200Cها می\u200Cخواهم'),
  );
  swapped = build(copy, join(out, 'swapped'));
}, 120_000);
afterAll(() => removeDir(out));

describe('complex clusters in the PDF text layer', () => {
  it('extracts Devanagari names with pre-base signs and repha in logical order', () => {
    for (const name of ['भारत गणराज्य', 'नई दिल्ली', 'प्रिया क्षत्रिय', 'नई दिल्ली में वार्ता']) expect(native).toContain(name);
    expect(native).not.toMatch(LEADING_SIGN);
  });

  it('keeps Bengali marks drawn below or above the line in their word', () => {
    expect(native).toContain('পররাষ্ট্র মন্ত্রণালয়');
  });

  it('extracts Bengali pre-base and split vowel signs in logical order', () => {
    expect(swapped).toContain('বিদেশি বৈঠক কোনো');
    expect(swapped).not.toMatch(LEADING_SIGN);
  });

  it('keeps the letters of Persian words with a zero-width non-joiner in order', () => {
    expect(swapped).toContain('کتابها میخواهم');
  });
});
