/**
 * Line-break opportunities for scripts written without spaces between words. pdfmake breaks
 * lines where the Unicode line-breaking rules allow (the `linebreak` package): between
 * Chinese and Japanese characters, at spaces, but never inside a run of Thai, Lao, Khmer or
 * Myanmar letters, which those rules leave to a dictionary. Such a run would overflow its
 * column. Intl.Segmenter (ICU's dictionaries, in every Node build with full ICU) finds the
 * words; a zero-width space between two of them gives pdfmake a place to break. Segments are
 * whole words, so no grapheme cluster (a vowel sign with its consonant) is split. The bidi
 * pass removes these marks before drawing (bidi-lines.ts), so they never reach the PDF.
 */

/** Thai, Lao, Myanmar, Khmer, New Tai Lue, Tai Tham, Myanmar extensions. */
const DICTIONARY_SCRIPT = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u1980-\u19DF\u1A20-\u1AAF\uA9E0-\uA9FF\uAA60-\uAA7F]/;
export const ZWSP = '\u200B';

let segmenter: Intl.Segmenter | undefined;

/** `text` with a zero-width space between adjacent words of dictionary-broken scripts; unchanged otherwise. */
export function addWordBreaks(text: string): string {
  if (!DICTIONARY_SCRIPT.test(text)) return text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let out = '';
  let previous = '';
  for (const { segment } of segmenter.segment(text)) {
    const last = previous.at(-1) ?? '';
    if (DICTIONARY_SCRIPT.test(last) && DICTIONARY_SCRIPT.test(segment.charAt(0))) out += ZWSP;
    out += segment;
    previous = segment;
  }
  return out;
}
