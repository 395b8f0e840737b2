/**
 * Line breaking for scripts written without spaces: a Thai sentence breaks between words
 * (Intl.Segmenter) and stays inside its column; clusters are never split.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { convertHtml, docDefinitionFrom, renderDocDefinition } from '../../src/render/pdf/index.js';
import { pageMargins } from '../../src/render/pdf/styles.js';
import { addWordBreaks, ZWSP } from '../../src/render/pdf/word-breaks.js';
import { assignRtlFonts, registerRtlFonts } from '../helpers/rtl-fonts.js';
import { meta, writeTemp } from '../render/pdf-helpers.js';

// Synthetic text (about relations between two countries), long enough for several lines.
const THAI =
  'ความสัมพันธ์ทางการทูตระหว่างสองประเทศเริ่มต้นขึ้นอย่างเป็นทางการและทั้งสองฝ่ายได้ตกลงที่จะส่งเสริมความร่วมมือด้านการค้าการลงทุนการศึกษาและวัฒนธรรมอย่างต่อเนื่องในอนาคต';
const graphemes = (s: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

describe('word breaks for scripts without spaces', () => {
  it('puts a zero-width break between Thai words, never inside a cluster', () => {
    const out = addWordBreaks(THAI);
    const pieces = out.split(ZWSP);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(THAI);
    // Every piece is whole graphemes: a vowel sign or tone mark never starts one.
    for (const p of pieces) expect(graphemes(p).join('')).toBe(p);
    const starts = new Set<number>();
    let at = 0;
    for (const g of graphemes(THAI)) starts.add((at += g.length));
    at = 0;
    for (const p of pieces) expect(starts.has((at += p.length))).toBe(true);
  });

  it('leaves spaced scripts and joiners alone', () => {
    for (const s of ['नमस्ते दुनिया किताब', 'می‌خواهم بروم', 'Azerbaijan – Kyrgyzstan', '中华人民共和国外交部'])
      expect(addWordBreaks(s)).toBe(s);
  });

  it('breaks long Thai paragraphs between words, inside the page width, in the PDF', async () => {
    registerRtlFonts();
    // The same words rotated: each paragraph's lines fall at other places.
    const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(THAI)].map((w) => w.segment);
    const paragraphs = [0, 3, 7, 11, 16].map((k) => [...words.slice(k), ...words.slice(0, k)].join(''));
    const { content } = convertHtml(
      `<article><section id="t"><h2>Thai</h2>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</section></article>`,
    );
    assignRtlFonts(content);
    const file = writeTemp(await renderDocDefinition(docDefinitionFrom(content, meta)));
    const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const page = Number(/<page width="([\d.]+)"/.exec(xml)![1]);
    const right = page - pageMargins[2];
    for (const m of xml.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>[^<]*[\u0E00-\u0E7F][^<]*<\/word>/g)) {
      expect(Number(m[1])).toBeLessThanOrEqual(right + 0.5);
    }
    // The text layer, in drawing order, is the text without the break marks (poppler's layout
    // mode, without -raw, moves the raised tone marks, which pdfkit draws at their own offsets).
    const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(raw).not.toContain(ZWSP);
    const lines = raw
      .split('\n')
      .filter((l) => /[\u0E00-\u0E7F]/.test(l))
      .map((l) => l.trim());
    let cuts = 0;
    for (const p of paragraphs) {
      const bounds = new Set([...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(p)].map((w) => w.index));
      let at = 0;
      while (at < p.length) {
        const l = lines.shift() ?? '';
        expect(p.startsWith(l, at), `line "${l}"`).toBe(true);
        expect(l).not.toMatch(/^\p{M}/u);
        at += l.length;
        // Lines end where words end (pdfmake alone cuts an over-long word wherever the line is full).
        if (at < p.length) expect(bounds.has(at), `line ends inside a word: …${l.slice(-6)}`).toBe(true);
        if (at < p.length) cuts++;
        if (l === '') break;
      }
    }
    expect(cuts).toBeGreaterThanOrEqual(paragraphs.length);
  });
});
