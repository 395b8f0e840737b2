/**
 * A brief is the same whatever was built before it in the process. Fonts are parsed once per
 * process and shared by every document (render/pdf/patches/font-cache.ts); fontkit's subsetter
 * once left glyphs of one brief without characters, and the next brief's text layer lost the
 * letters drawn with them (a Russian batch copied "ld v – r ti" for "Moldova – Croatia", and
 * even a single file's analyst brief, made after its executive one, "De ut Minister").
 * Built in one process after another file and built alone, every brief has the same bytes,
 * and its title reads back from the PDF whole.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, bilat, outputs, scratchPerTest } from './helpers.js';

const fresh = scratchPerTest();

describe('a brief built after others in one process', () => {
  it('has the bytes and the text layer it has when built alone (Russian briefs of Latin-named pairs)', () => {
    const s = fresh();
    const a = join(s.data, 'good-a.yaml');
    const b = join(s.data, 'good-b.yaml');
    const together = join(s.dir, 'together');
    const alone = join(s.dir, 'alone');
    const common = ['--locale', 'ru', '--as-of', AS_OF, '--quiet'];
    expect(bilat(['build', a, b, '-j', '1', '--out', together, ...common]).code).toBe(0);
    expect(bilat(['build', b, '--out', alone, ...common]).code).toBe(0);

    const solo = outputs(alone);
    const batch = outputs(together);
    expect([...solo.keys()]).toEqual([
      'batch-b-analyst.ru.html',
      'batch-b-analyst.ru.pdf',
      'batch-b-executive.ru.html',
      'batch-b-executive.ru.pdf',
      'batch-b-public.ru.html',
      'batch-b-public.ru.pdf',
    ]);
    for (const [name, bytes] of solo) expect(batch.get(name)?.equals(bytes), name).toBe(true);

    const text = (file: string): string => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text(join(together, 'batch-b-executive.ru.pdf'))).toContain('Belgium – New Zealand');
    // Built alone, the analyst brief still comes after the executive one in the same process.
    const analyst = text(join(alone, 'batch-b-analyst.ru.pdf'));
    for (const words of ['(BEL)', 'Talks between Minister Farid Wójcik and Deputy Minister']) expect(analyst).toContain(words);
  });
});
