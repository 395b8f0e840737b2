/**
 * Right-to-left text in pdfmake's lines. pdfmake breaks lines and places words left to right;
 * fontkit shapes each word (Arabic joining, lam-alef) and hands back an RTL word's glyphs in
 * visual order. What is missing is the order of runs within a line: after line breaking,
 * the Unicode Bidirectional Algorithm (bidi-js) resolves each character's level over the
 * line's logical text, and the line's words are cut into runs of one direction and placed in
 * visual order. Glyphs keep their Unicode mapping, so text extraction (pdftotext, pdf.js)
 * reads each name in logical order.
 *
 * Lines with no right-to-left letter and no direction control are left untouched, so a
 * Latin brief is laid out (and written) exactly as before.
 */
import bidiModule, { type Bidi } from 'bidi-js';

// bidi-js is CommonJS whose types declare an ES default export: take whichever shape arrives.
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ?? bidiModule) as unknown as () => Bidi;

export interface LineFont {
  widthOfString(text: string, size: number, features?: unknown): number;
}
export interface LineInline {
  text: string;
  x: number;
  width: number;
  font: LineFont;
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
  [key: string]: unknown;
}

let bidi: Bidi | undefined;

/** Right-to-left letters and the controls that change direction or only steer layout. */
const NEEDS_BIDI =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** Never drawn: direction controls and the zero-width break opportunities the converter inserts. */
const CONTROLS = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Scripts fontkit lays out right to left (it reverses their glyphs itself). */
const FONTKIT_RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
// Script=Unknown is spelt out (unassigned, private use, surrogates): the regex lint's parser does not know it.
const NEUTRAL_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Cn}\p{Co}\p{Cs}]/u;

export function needsBidi(inlines: readonly { text: string }[]): boolean {
  return inlines.some((i) => NEEDS_BIDI.test(i.text));
}

/** True when fontkit will reverse this text's glyphs: its first non-neutral character is in a right-to-left script. */
function fontkitReverses(text: string): boolean {
  for (const ch of text) if (!NEUTRAL_SCRIPT.test(ch)) return FONTKIT_RTL.test(ch);
  return false;
}

interface Piece {
  owner: number;
  from: number;
  to: number;
  rtl: boolean;
}

/**
 * The line's inlines in visual order, cut where direction changes, each with the string that
 * makes pdfkit draw its glyphs left to right in visual order; undefined when the line needs
 * no bidi. The inlines given are not modified.
 */
export function reorderLine(inlines: readonly LineInline[]): LineInline[] | undefined {
  if (inlines.length === 0 || !needsBidi(inlines)) return undefined;
  bidi ??= bidiFactory();
  const text = inlines.map((i) => i.text).join('');
  const owner = new Int32Array(text.length);
  const starts: number[] = [];
  let at = 0;
  inlines.forEach((inline, k) => {
    starts.push(at);
    owner.fill(k, at, at + inline.text.length);
    at += inline.text.length;
  });
  // The brief is left to right; <bdi> and dir="…" arrive as isolate marks in the text.
  const levels = bidi.getEmbeddingLevels(text, 'ltr');
  const order = bidi.getReorderedIndices(text, levels);
  const direction = lineLevels(text, levels.levels, bidi);

  const pieces: Piece[] = [];
  for (const i of order) {
    const rtl = (direction[i]! & 1) === 1;
    const last = pieces[pieces.length - 1];
    if (last !== undefined && last.owner === owner[i] && last.rtl === rtl && (rtl ? i === last.from - 1 : i === last.to)) {
      if (rtl) last.from = i;
      else last.to = i + 1;
    } else pieces.push({ owner: owner[i]!, from: i, to: i + 1, rtl });
  }

  const out: LineInline[] = [];
  let x = inlines[0]!.x;
  for (const p of pieces) {
    const inline = inlines[p.owner]!;
    const whole = p.from === starts[p.owner] && p.to === starts[p.owner]! + inline.text.length;
    const logical = text.slice(p.from, p.to);
    const drawn = visualString(logical.replace(CONTROLS, ''), p.rtl, bidi);
    if (drawn !== '') {
      const width = whole && drawn === logical ? inline.width : measure(inline, drawn);
      out.push({ ...inline, text: drawn, x, width });
      x += width;
    }
    // A justified line spreads its words: keep the gap pdfmake put after this word.
    const next = inlines[p.owner + 1];
    if (p.to === starts[p.owner]! + inline.text.length && next !== undefined) x += Math.max(0, next.x - inline.x - inline.width);
  }
  return out;
}

/** Levels after rule L1: trailing spaces and isolate marks take the paragraph's level. */
function lineLevels(text: string, levels: Uint8Array, b: Bidi): Uint8Array {
  const out = levels.slice();
  for (let i = text.length - 1; i >= 0; i--) {
    const type = b.getBidiCharTypeName(text[i]!);
    if (
      type !== 'WS' &&
      type !== 'S' &&
      type !== 'B' &&
      type !== 'BN' &&
      type !== 'FSI' &&
      type !== 'LRI' &&
      type !== 'RLI' &&
      type !== 'PDI'
    )
      break;
    out[i] = 0;
  }
  return out;
}

/**
 * What to hand pdfkit so the glyphs come out in visual order. fontkit reverses runs in
 * right-to-left scripts on its own (after shaping them in logical order); brackets in a
 * right-to-left run are mirrored first, and a run it would not reverse (punctuation and
 * spaces only) is reversed here.
 */
function visualString(logical: string, rtl: boolean, b: Bidi): string {
  if (logical === '') return '';
  if (!rtl) return fontkitReverses(logical) ? [...logical].reverse().join('') : logical;
  let mirrored = '';
  for (const ch of logical) mirrored += b.getMirroredCharacter(ch) ?? ch;
  return fontkitReverses(mirrored) ? mirrored : [...mirrored].reverse().join('');
}

function measure(inline: LineInline, text: string): number {
  const spacing = typeof inline.characterSpacing === 'number' ? inline.characterSpacing : 0;
  return inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures ?? undefined) + spacing * (text.length - 1);
}
