/**
 * What a PDF's text layer says a glyph means. pdfkit maps each glyph of the embedded subset
 * to the characters it was first drawn for (the font's ToUnicode map). Arabic fonts share
 * glyphs between letters (Noto Sans Arabic draws ز as the glyph of ر plus a dot glyph, and ي
 * and ى share a body), so copying or searching the PDF would give the wrong letter. For text
 * in scripts from Hebrew on (U+0590 and up), a glyph met again for other characters gets a
 * second slot in the subset with its own mapping. Other text goes through pdfkit unchanged,
 * so a Latin brief's bytes do not move.
 */

import { inLogicalOrder } from '../cluster-text.js';
import { applied, lateResult, skipped, type PatchResult } from './result.js';

interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface EmbeddedFont {
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  unicode: number[][];
  widths: number[];
  scale: number;
  [copies]?: Map<string, number>;
  [sawCyrillic]?: true;
}
type Encode = (this: EmbeddedFont, text: string, features?: unknown) => [string[], unknown[]];

const copies = Symbol('bilat.glyphCopies');
const patched = Symbol('bilat.exactGlyphText');
const BEYOND_CYRILLIC = /[\u0590-\uFFFF\u{10000}-\u{10FFFF}]/u;
/** Where shared glyphs are not expected: Latin, Greek, Cyrillic (Roboto maps a space and a no-break space to one glyph). */
const BELOW_HEBREW = /^[\u0000-\u058F]*$/;
/**
 * Roboto draws Cyrillic р, с, у, х… with the Latin glyphs: in a brief with Cyrillic text the
 * first one drawn named the glyph, so "Republic" after "Республика" read back wrong. Once a
 * font has drawn Cyrillic, Latin and Cyrillic are told apart too; only spaces may share.
 */
const CYRILLIC = /[\u0400-\u052F]/;
const SPACES = /^[\s\u00A0]*$/;
const sawCyrillic = Symbol('bilat.sawCyrillic');
const LATIN = /[A-Za-z\u00C0-\u024F]/;
/** Characters that may share one glyph and one text mapping: not a Latin letter with a Cyrillic one. */
const mayShare = (chars: string): boolean =>
  SPACES.test(chars) || (BELOW_HEBREW.test(chars) && !(CYRILLIC.test(chars) && LATIN.test(chars)));

const hex = (gid: number): string => `0000${gid.toString(16)}`.slice(-4);
const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);

/** Installs the mapping fix on the class of `font` (pdfkit's EmbeddedFont), once. */
export function mapGlyphsExactly(font: object): void {
  const proto = Object.getPrototypeOf(font) as { encode?: Encode; [patched]?: true } | null;
  if (proto === null || proto[patched]) return;
  if (typeof proto.encode !== 'function') {
    lateResult('exact glyph text', skipped("pdfkit's EmbeddedFont.encode is not a function"));
    return;
  }
  const encode = proto.encode;
  proto.encode = function (this: EmbeddedFont, text: string, features?: unknown) {
    if (CYRILLIC.test(text)) this[sawCyrillic] = true;
    if (!(BEYOND_CYRILLIC.test(text) || this[sawCyrillic]) || typeof this.layout !== 'function' || this.subset?.glyphs === undefined)
      return encode.call(this, text, features);
    const { glyphs: shaped, positions } = this.layout(text, features);
    const glyphs = inLogicalOrder(text, shaped, positions as { xAdvance: number; yOffset: number }[]);
    const ids: string[] = [];
    for (const glyph of glyphs) {
      let gid = this.subset.includeGlyph(glyph.id);
      const mapped = this.unicode[gid];
      if (
        mapped !== undefined &&
        mapped !== null &&
        !same(mapped, glyph.codePoints) &&
        !mayShare(String.fromCodePoint(...mapped, ...glyph.codePoints))
      ) {
        gid = copyOf(this, glyph);
      }
      ids.push(hex(gid));
      this.widths[gid] ??= glyph.advanceWidth * this.scale;
      this.unicode[gid] ??= glyph.codePoints;
    }
    return [ids, positions];
  };
  proto[patched] = true;
  lateResult('exact glyph text', applied);
}

/** The subset slot that draws `glyph` and maps to its own characters, made on first need. */
function copyOf(font: EmbeddedFont, glyph: Glyph): number {
  const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
  const map = (font[copies] ??= new Map());
  let gid = map.get(key);
  if (gid === undefined) {
    font.subset.glyphs.push(glyph.id);
    gid = font.subset.glyphs.length - 1;
    map.set(key, gid);
  }
  return gid;
}

interface GlyphInfo {
  codePoints: number[];
}
interface ShapingEngine {
  glyphInfos?: GlyphInfo[] | null;
  substitute(run: { glyphs: Glyph[] }): void;
  [patched]?: true;
}
interface FontkitFont {
  _layoutEngine?: { engine?: ShapingEngine };
}

/**
 * fontkit keeps one Glyph object per glyph id, carrying the characters it was first made
 * for, and hands those out after shaping: the body glyph of ت then says it is ي. The shaper's
 * own records know better; a glyph whose characters differ gets a view with the right ones
 * (only for scripts from Hebrew on, see above).
 */
function keepShapedCodePoints(font: FontkitFont): void {
  const engine = font._layoutEngine?.engine;
  const proto = engine === undefined ? null : (Object.getPrototypeOf(engine) as ShapingEngine);
  if (proto === null || proto[patched]) return;
  if (typeof proto.substitute !== 'function') {
    lateResult('shaped code points', skipped("fontkit's shaping engine has no substitute()"));
    return;
  }
  const substitute = proto.substitute;
  proto.substitute = function (this: ShapingEngine, run: { glyphs: Glyph[] }): void {
    substitute.call(this, run);
    const infos = this.glyphInfos;
    if (!Array.isArray(infos) || infos.length !== run.glyphs.length) return;
    run.glyphs = run.glyphs.map((g, i) => {
      const cps = infos[i]!.codePoints;
      if (same(g.codePoints, cps) || mayShare(String.fromCodePoint(...cps, ...g.codePoints))) return g;
      return Object.create(g, { codePoints: { value: cps } }) as Glyph;
    });
  };
  proto[patched] = true;
  lateResult('shaped code points', applied);
}

/** Hooks pdfmake's font provider so every embedded font gets the fix when first used. */
export function exactGlyphText(pdfDocumentClass: { prototype: object }): PatchResult {
  const proto = pdfDocumentClass.prototype as { provideFont?: (...args: unknown[]) => object };
  const provideFont = proto.provideFont;
  if (typeof provideFont !== 'function') return skipped('PDFDocument.provideFont is not a function');
  proto.provideFont = function (this: unknown, ...args: unknown[]): object {
    const font = provideFont.apply(this, args) as { font?: FontkitFont };
    mapGlyphsExactly(font);
    if (font.font !== undefined) keepShapedCodePoints(font.font);
    return font;
  };
  return applied;
}
