/** Which family draws which run: the real fonts of the chain, read from node_modules. */
import { describe, expect, it } from 'vitest';
import { logicalArabic } from '../../src/render/pdf/chart-drawing.js';
import { splitByFont } from '../../src/render/pdf/font-split.js';

const split = (text: string) => splitByFont(text, 'Roboto');

describe('splitByFont', () => {
  it('leaves text the main font draws alone (the common case costs no runs)', () => {
    expect(split('Əliyev, Жогорку Кеңеш — 1 234 ₼ Łódź Přehled Việt Nam')).toBeNull();
  });

  it('keeps a phrase in one fallback family, spaces included, and gives punctuation between scripts to the main font', () => {
    expect(split('ნინო ბერიძე')).toEqual([{ text: 'ნინო ბერიძე', family: 'Noto Sans Georgian' }]);
    expect(split('Call (სატრანზიტო) — Հայաստան.')).toEqual([
      { text: 'Call (' },
      { text: 'სატრანზიტო', family: 'Noto Sans Georgian' },
      { text: ') — ' },
      { text: 'Հայաստան', family: 'Noto Sans Armenian' },
      { text: '.' },
    ]);
  });

  it('never splits a cluster: Devanagari conjuncts and vowel signs, Persian ZWNJ, emoji sequences', () => {
    expect(split('प्रिया क्षत्रिय')).toEqual([{ text: 'प्रिया क्षत्रिय', family: 'Noto Sans Devanagari' }]);
    expect(split('می‌خواهم')).toEqual([{ text: 'می‌خواهم', family: 'Noto Sans Arabic' }]);
    const runs = split('ok 👍🏽')!;
    expect(runs.map((r) => r.text).join('')).toBe('ok 👍🏽');
    expect(runs.at(-1)).toEqual({ text: '👍🏽', family: 'Noto Emoji' });
  });

  it('sends Han and kana to one CJK family and Hangul to the Korean one', () => {
    expect(split('東京での会談 서울')).toEqual([
      { text: '東京での会談', family: 'Noto Sans SC' },
      { text: ' ' },
      { text: '서울', family: 'Noto Sans KR' },
    ]);
  });

  it('leaves a character no family has in the main font (the glyph check reports it)', () => {
    expect(split('a \uE000 b')).toBeNull();
  });
});

describe('logicalArabic (chart text as Skia writes it)', () => {
  it('turns visual-order presentation forms back into letters in logical order', () => {
    // "دولة" as Skia writes it: final teh marbuta first, as presentation forms.
    expect(logicalArabic('\uFE94\uFEDF\uFEEE\uFEA9')).toBe('دولة');
    expect(logicalArabic('\uFEFB')).toBe('لا'); // lam-alef ligature
    expect(logicalArabic('Exports')).toBe('Exports');
    expect(logicalArabic('دولة')).toBe('دولة'); // already logical letters: untouched
  });
});
