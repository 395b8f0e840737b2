/**
 * A brief whose data holds one 100,000-character word: PDF layout used to re-measure growing
 * prefixes of it (quadratic: 10,000 characters took ~10 s and 400 MB, 100,000 ran past 300 s).
 * The real CLI builds it within a generous guard and bounded memory, and every character is
 * in the PDF (pdftotext), in a file qpdf accepts.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AS_OF, ensureDistFresh, removeDir, tempDir } from '../helpers/cli.js';
import { BASE_DATA } from './files.js';
import { runBilat } from './run.js';

let dir = '';
beforeAll(async () => {
  await ensureDistFresh();
  dir = tempDir('long-token');
});
afterAll(() => removeDir(dir));

it('builds the PDF of a brief with a 100,000-character word, all of it there', async () => {
  const token = Array.from({ length: 10_000 }, (_, i) => `q${String(i).padStart(5, '0')}Zkkk`).join('');
  expect(token).toHaveLength(100_000);
  writeFileSync(join(dir, 'pair.yaml'), BASE_DATA.replace('summary: Synthetic meeting.', `summary: Synthetic meeting ${token} end.`));
  // ~4 s of CPU here; 90 s only guards against the quadratic path coming back (it ran past 300 s), even on a busy machine.
  const r = await runBilat(['build', 'pair.yaml', '-a', 'analyst', '-f', 'pdf', '--as-of', AS_OF, '--out', 'out', '--quiet'], dir, {
    ms: 90_000,
    mb: 1024,
  });
  expect(r.killed, `killed after ${r.ms} ms at ${r.peakMb} MB`).toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  const pdf = join(dir, 'out', 'mn-rs-analyst.pdf');
  execFileSync('qpdf', ['--check', pdf]);
  // Running headers and footers sit between the pages' parts of the word; drop every line that is not the word's.
  const lines = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
  const joined = lines
    .filter((l) => /^(Synthetic meeting|(Synthetic meeting )?[q0-9Zk]+( end\.)?)$/.test(l.trim()))
    .join('')
    .replace(/\s+/g, '');
  // A boolean, so a failure does not print 100,000 characters.
  expect(joined.includes(`Syntheticmeeting${token}end.`)).toBe(true);
}, 150_000);
