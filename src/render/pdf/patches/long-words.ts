/**
 * Very long words in linear time. pdfmake fits a word wider than the line by binary search
 * over prefixes, measuring (shaping) each prefix from the word's start, then measures the
 * rest again; per line that is O(word length), so a 10,000-character token took ~10 s and a
 * 100,000-character one minutes, and every measured prefix landed in the shaping cache.
 * Here a word longer than LONG_WORD is cut, after pdfmake's own line breaking, into pieces
 * of about PIECE characters that stay glued (`noNewLine`): the word still starts on a new
 * line when it does not fit, and each line is still filled to its edge, but pdfmake's
 * search and re-measuring now only ever see one piece. Shorter words are left untouched, so
 * ordinary briefs lay out exactly as before.
 */
import { applied, skipped, type PatchResult } from './result.js';

/** Longest word laid out as one piece; longer ones are cut. No word in a real brief comes near. */
export const LONG_WORD = 128;
/** Length of the pieces a long word is cut into (code units, moved to a grapheme boundary). */
export const PIECE = 64;

interface Word {
  text: string;
  lineEnd?: boolean;
  noNewLine?: boolean;
  [style: string]: unknown;
}
interface TextBreakerLike {
  getBreaks?: (texts: unknown, styleContextStack: unknown) => Word[];
}
const patched = Symbol('bilat.longWords');

/** Characters that join the one before them: marks, joiners, variation selectors, skin tones, tags. */
const JOINS_PREVIOUS = /[\p{M}\u200C\u200D\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u;
/** How far around a cut we look for a place to cut; a longer cluster is cut at a code point. */
const WINDOW = 16;

/** True when cutting `text` before index `i` keeps every character and cluster whole. */
function canCutBefore(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit >= 0xdc00 && unit <= 0xdfff) return false; // second half of a surrogate pair
  if (text.charCodeAt(i - 1) === 0x200d) return false; // after a zero-width joiner
  return !JOINS_PREVIOUS.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

/** A place to cut near `at` (back first, then forward), looking at a few characters only. */
function cutNear(text: string, at: number, min: number): number {
  for (let i = at; i > min && i > at - WINDOW; i--) if (canCutBefore(text, i)) return i;
  for (let i = at + 1; i < text.length && i < at + WINDOW; i++) if (canCutBefore(text, i)) return i;
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff ? at + 1 : at;
}

/**
 * Where to cut `text` into pieces of about `size` code units, never inside a grapheme
 * (a surrogate pair, a letter and its combining marks, an emoji sequence stay whole).
 * Each cut looks at a few characters only, so this is linear in the text's length. (Rare
 * clusters such as a flag's two regional indicators may be cut; they still print.)
 */
export function pieceBounds(text: string, size = PIECE): number[] {
  const bounds: number[] = [];
  let at = 0;
  while (text.length - at > size) {
    const next = cutNear(text, at + size, at);
    if (next >= text.length) break;
    bounds.push(next);
    at = next;
  }
  return bounds;
}

/** `word` as glued pieces; the last one keeps the word's own line end and glue to what follows. */
export function splitLongWord(word: Word, size = PIECE): Word[] {
  if (word.text.length <= LONG_WORD) return [word];
  const cuts = [...pieceBounds(word.text, size), word.text.length];
  const pieces: Word[] = [];
  let from = 0;
  for (const to of cuts) {
    const last = to === word.text.length;
    const piece: Word = { ...word, text: word.text.slice(from, to) };
    if (!last) {
      piece.noNewLine = true;
      delete piece.lineEnd;
    }
    pieces.push(piece);
    from = to;
  }
  return pieces;
}

/** Wraps pdfmake's TextBreaker so its words come out with long ones cut. Stock behaviour if its shape changed. */
export function breakLongWords(textBreakerClass: { prototype: object }): PatchResult {
  const proto = textBreakerClass.prototype as TextBreakerLike & { [patched]?: true };
  const getBreaks = proto.getBreaks;
  if (proto[patched]) return applied;
  if (typeof getBreaks !== 'function') return skipped('TextBreaker.getBreaks is not a function');
  proto.getBreaks = function (this: unknown, texts: unknown, styleContextStack: unknown): Word[] {
    const words = getBreaks.call(this, texts, styleContextStack);
    if (!Array.isArray(words) || !words.some((w) => typeof w?.text === 'string' && w.text.length > LONG_WORD)) return words;
    return words.flatMap((w) => (typeof w?.text === 'string' ? splitLongWord(w) : [w]));
  };
  proto[patched] = true;
  return applied;
}

/** Pieces of a glued run pdfmake adds up to decide whether it fits; 32 pieces are wider than any line. */
const MAX_GLUED = 32;
interface Inline {
  noNewLine?: boolean;
}
interface LineLike {
  hasEnoughSpaceForInline?: (inline: Inline, nextInlines?: Inline[]) => boolean;
  [patched]?: true;
}

/**
 * pdfmake's Line adds up the widths of a whole glued run on every fit check, and a long
 * word is one run of thousands of pieces, checked on every line: quadratic again. The sum
 * only has to pass the line's width, so a run longer than MAX_GLUED is cut short there.
 * Ordinary text never glues that many runs, and is checked exactly as before.
 */
export function boundGluedRuns(lineClass: { prototype: object }): PatchResult {
  const proto = lineClass.prototype as LineLike;
  const check = proto.hasEnoughSpaceForInline;
  if (proto[patched]) return applied;
  if (typeof check !== 'function') return skipped('Line.hasEnoughSpaceForInline is not a function');
  proto.hasEnoughSpaceForInline = function (this: unknown, inline: Inline, nextInlines?: Inline[]): boolean {
    const long = inline?.noNewLine === true && Array.isArray(nextInlines) && nextInlines[MAX_GLUED - 1]?.noNewLine === true;
    return check.call(this, inline, long ? nextInlines.slice(0, MAX_GLUED) : nextInlines);
  };
  proto[patched] = true;
  return applied;
}
