/**
 * Very long words in PDF layout: cut into glued pieces at safe places, laid out to the line's
 * edge, and the shaping cache that sees them stays within its byte budget.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.js';
import { shaping } from '../../src/render/pdf/patches/font-cache.js';
import { LONG_WORD, PIECE, pieceBounds, splitLongWord } from '../../src/render/pdf/patches/long-words.js';
import { loadPdfmake } from '../../src/render/pdf/runtime.js';
import { BYTES_PER_GLYPH, ShapingCache } from '../../src/render/pdf/shaping-cache.js';
import { meta, writeTemp } from './pdf-helpers.js';
import { execFileSync } from 'node:child_process';

const pieces = (text: string): string[] => {
  const cuts = [0, ...pieceBounds(text), text.length];
  return cuts.slice(1).map((to, i) => text.slice(cuts[i], to));
};

describe('cutting a long word', () => {
  it('keeps surrogate pairs, combining marks and joined emoji whole', () => {
    const family = '👨‍👩‍👧'; // three people joined by zero-width joiners
    const texts = [
      'x'.repeat(1000),
      '𝔸'.repeat(300),
      `${'é'.repeat(200)}`,
      'e\u0301'.repeat(300),
      `a${family}`.repeat(60),
      'q' + '\u0301'.repeat(400),
    ];
    for (const text of texts) {
      const parts = pieces(text);
      expect(parts.join('')).toBe(text);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(PIECE + 16);
        expect(/^[\uDC00-\uDFFF]/.test(part)).toBe(false);
        if (!text.startsWith('q')) expect(/^[\u0301\u200D]/u.test(part) || /\u200D$/.test(part)).toBe(false);
      }
    }
  });

  it('glues the pieces and leaves line end and outer glue on the last one', () => {
    const word = { text: `${'ab'.repeat(100)} `, lineEnd: true, bold: true };
    const out = splitLongWord(word);
    expect(out.map((p) => p.text).join('')).toBe(word.text);
    expect(out.slice(0, -1).every((p) => p.noNewLine === true && p.lineEnd === undefined && p.bold === true)).toBe(true);
    expect(out.at(-1)).toMatchObject({ lineEnd: true, bold: true });
    expect(out.at(-1)?.noNewLine).toBeUndefined();
    expect(splitLongWord({ text: 'x'.repeat(LONG_WORD) })).toHaveLength(1);
  });

  it('is installed in the pdfmake this process loads', () => {
    loadPdfmake();
    const TextBreaker = (
      createRequire(import.meta.url)('pdfmake/js/TextBreaker.js') as { default: new () => { getBreaks(t: string): { text: string }[] } }
    ).default;
    const words = new TextBreaker().getBreaks(`short ${'z'.repeat(1000)} end`);
    expect(words.map((w) => w.text).join('')).toBe(`short ${'z'.repeat(1000)} end`);
    expect(words.length).toBeGreaterThan(10);
  });
});

describe('a PDF with a 30,000-character word', () => {
  it('holds every character, on lines filled to the edge, with the shaping cache in budget', async () => {
    const token = Array.from({ length: 3000 }, (_, i) => `w${String(i).padStart(4, '0')}Qk`.slice(0, 10).padEnd(10, 'x')).join('');
    expect(token).toHaveLength(30_000);
    const file = writeTemp(await renderPdf(`<article><h1>Long</h1><p>Before ${token} after.</p></article>`, meta));
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const furniture = [meta.headerLeft, meta.headerRight, meta.footerNote].map(squeeze);
    let text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })).replace(/Page\d+of\d+/g, '');
    for (const f of furniture) text = text.split(f).join('');
    // A boolean, not toContain: a failure would print 30,000 characters.
    expect(text.includes(`Before${token}after.`)).toBe(true);
    // Every line that is only the word (not its first or last) ends at the same right edge, within a character.
    const bbox = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const ends = [
      ...bbox.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">\s*<word[^>]*>([^<]*)<\/word>\s*<\/line>/g),
    ]
      .filter((m) => /^[\dwQkx]{20,}$/.test(m[2]!))
      .map((m) => Number(m[1]));
    expect(ends.length).toBeGreaterThan(100);
    const edge = Math.max(...ends);
    expect(ends.slice(0, -1).every((x) => edge - x < 8)).toBe(true);
    expect(shaping.bytes).toBeLessThanOrEqual(shaping.maxBytes);
  });
});

describe('the shaping cache', () => {
  const run = (glyphs: number) => ({ glyphs: new Array<unknown>(glyphs) });
  const regular = {};
  const bold = {};

  it('never holds more than its byte cap, dropping the oldest words first', () => {
    const cache = new ShapingCache({ maxBytes: 20_000, maxChars: 40 });
    for (let i = 0; i < 1000; i++) {
      cache.set(regular, `word${i}`, run(8));
      expect(cache.bytes).toBeLessThanOrEqual(20_000);
    }
    expect(cache.get(regular, 'word999')).toBeDefined();
    expect(cache.get(regular, 'word0')).toBeUndefined();
    // 20,000 bytes hold only a few of these 8-glyph words.
    expect(cache.size).toBeLessThan(20_000 / (8 * BYTES_PER_GLYPH));
    expect(cache.size).toBeGreaterThan(5);
  });

  it('never keeps a long word, nor a run bigger than the whole cap', () => {
    const cache = new ShapingCache({ maxBytes: 20_000, maxChars: 40 });
    cache.set(regular, 'x'.repeat(41), run(41));
    cache.set(regular, 'short', run(1000));
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('keeps a word per font, and evicting the word frees both', () => {
    const cache = new ShapingCache({ maxBytes: 5_000, maxChars: 40 });
    const a = run(3);
    const b = run(3);
    cache.set(regular, 'the ', a);
    cache.set(bold, 'the ', b);
    expect(cache.get(regular, 'the ')).toBe(a);
    expect(cache.get(bold, 'the ')).toBe(b);
    const held = cache.bytes;
    for (let i = 0; cache.get(regular, 'the ') !== undefined; i++) cache.set(regular, `w${i}`, run(3));
    expect(cache.get(bold, 'the ')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(5_000);
    expect(held).toBeGreaterThan(0);
  });
});
