/**
 * Keeps parsed fonts and shaped words across documents. pdfkit parses every font anew for
 * each document (fontkit.create) and keeps its word-shaping cache on a per-document object;
 * without these two caches a five-page brief takes ~2.4 times as long. Both hooks lean on
 * pdfkit 0.19 / pdfmake 0.3 internals, and each one silently falls back to the stock
 * behaviour if the internals it expects are not there.
 */
import type { Module } from 'node:module';
import { ShapingCache, type ShapedRun } from '../shaping-cache.js';
import { applied, lateResult, missing, patchStats, skipped, type PatchResult } from './result.js';

type Fontkit = { create(data: Uint8Array, postscriptName?: string): object };
interface EmbeddedFont {
  font?: object;
  layoutCache?: object;
  layoutRun?: (text: string) => ShapedRun;
  layoutCached?: (text: string) => ShapedRun;
  [shapingPatched]?: true;
}

/**
 * Shaped words of every document, by parsed font. 12 MB holds ~5,000 words (24 MB cost a batch
 * worker ~10 MB more at its peak, README: Performance), the vocabulary
 * of many briefs (a 10-page analyst brief fills ~2 MB); words over 48 characters are shaped
 * each time they are measured.
 */
export const shaping = new ShapingCache({ maxBytes: 12 * 1024 * 1024, maxChars: 48 });

/** Parsed fonts by their file's bytes; only a handful of files are ever parsed. */
const parsed: { data: Uint8Array; font: object }[] = [];
const shapingPatched = Symbol('bilat.sharedShaping');

/**
 * fontkit.create with memory. Lookup is by identity first (our buffers are read once per
 * process), then by content, because SVG text makes pdfkit read the same font file again.
 */
export function parseFont<T extends object>(fontkit: { create(data: Uint8Array): T }, data: Uint8Array): T {
  const hit =
    parsed.find((p) => p.data === data) ?? parsed.find((p) => p.data.byteLength === data.byteLength && Buffer.from(p.data).equals(data));
  if (hit !== undefined) {
    patchStats.parsedFontHits++;
    return hit.font as T;
  }
  const font = fontkit.create(data);
  parsed.push({ data, font });
  return font;
}

/**
 * Must run before pdfkit is first required: pdfkit reads `fontkit.create` from the module
 * object it required, so we hand it a copy whose `create` goes through `parseFont`.
 */
export function shareParsedFonts(requireFromPdfkit: NodeJS.Require, pdfkitPath: string): PatchResult {
  if (requireFromPdfkit.cache[pdfkitPath] !== undefined)
    return skipped('pdfkit was loaded before the patch (it keeps the fontkit it required)');
  const fontkit = requireFromPdfkit('fontkit') as Fontkit;
  const entry = requireFromPdfkit.cache[requireFromPdfkit.resolve('fontkit')] as Module | undefined;
  if (entry === undefined) return skipped('fontkit is not in the module cache');
  const no = missing(fontkit, 'create', 'fontkit');
  if (no !== undefined) return no;
  const create = (data: Uint8Array, postscriptName?: string): object =>
    postscriptName === undefined ? parseFont(fontkit, data) : fontkit.create(data, postscriptName);
  entry.exports = { ...fontkit, create };
  return applied;
}

/** Routes every embedded font's word shaping through the shared, byte-bounded cache. */
export function shareShaping(pdfDocumentClass: { prototype: object }): PatchResult {
  const proto = pdfDocumentClass.prototype as { provideFont?: (...args: unknown[]) => EmbeddedFont };
  const provideFont = proto.provideFont;
  if (typeof provideFont !== 'function') return skipped('PDFDocument.provideFont is not a function');
  proto.provideFont = function (this: unknown, ...args: unknown[]): EmbeddedFont {
    const font = provideFont.apply(this, args);
    cacheEncoding(font);
    cacheShaping(font);
    forgetSubsetGlyphs(font);
    return font;
  };
  return applied;
}

interface SubsettingFont {
  font?: { _glyphs?: Record<string, unknown> };
  embed?: () => void;
  [subsetPatched]?: true;
}
const subsetPatched = Symbol('bilat.forgetSubsetGlyphs');

/**
 * fontkit keeps one Glyph object per glyph id, with the characters it was first made for, and
 * pdfkit writes those characters into the PDF's text layer. When a document is finished,
 * fontkit's subsetter makes the glyphs of its subset (and the parts of composite glyphs:
 * Roboto builds Cyrillic о out of Latin o) with no characters. A parsed font is shared by the
 * documents of a process, so the next brief that drew such a glyph wrote no characters for it:
 * a Russian batch's briefs copied, searched and read aloud "ld v – r ti" for "Moldova –
 * Croatia", and a brief's bytes depended on the briefs before it. The glyphs the subsetter
 * made are forgotten once it is done, so the next document makes its own, as a fresh process
 * would.
 */
function forgetSubsetGlyphs(font: object): void {
  const proto = Object.getPrototypeOf(font) as SubsettingFont | null;
  if (proto === null || proto[subsetPatched]) return;
  const embed = proto.embed;
  if (typeof embed !== 'function') {
    lateResult('subset glyphs kept to their document', skipped("pdfkit's EmbeddedFont.embed is not a function"));
    return;
  }
  proto.embed = function (this: SubsettingFont): void {
    const glyphs = this.font?._glyphs;
    if (glyphs === undefined || glyphs === null || typeof glyphs !== 'object') return embed.call(this);
    const before = new Set(Object.keys(glyphs));
    try {
      embed.call(this);
    } finally {
      for (const id of Object.keys(glyphs)) if (!before.has(id)) delete glyphs[id];
    }
  };
  proto[subsetPatched] = true;
  lateResult('subset glyphs kept to their document', applied);
}

/**
 * pdfkit keeps shaped words on each document's font object (`layoutCache`), so every brief
 * shaped its words anew; this keeps them per parsed font (one per process, see parseFont),
 * whose glyph positions are the same for every document.
 */
function cacheShaping(font: EmbeddedFont): void {
  const proto = Object.getPrototypeOf(font) as EmbeddedFont | null;
  if (proto === null || proto[shapingPatched]) return;
  if (typeof proto.layoutCached !== 'function' || typeof proto.layoutRun !== 'function') {
    lateResult('shared word shaping', skipped("pdfkit's EmbeddedFont has no layoutCached/layoutRun"));
    return;
  }
  const layoutCached = proto.layoutCached;
  proto.layoutCached = function (this: EmbeddedFont, text: string): ShapedRun {
    const parsedFont = this.font;
    // No cache object means the document asked for none (pdfkit's fontLayoutCache: false).
    if (parsedFont === undefined || this.layoutCache === undefined || this.layoutRun === undefined) return layoutCached.call(this, text);
    let run = shaping.get(parsedFont, text);
    if (run !== undefined) patchStats.shapingHits++;
    else {
      run = this.layoutRun(text);
      shaping.set(parsedFont, text, run);
    }
    return run;
  };
  proto[shapingPatched] = true;
  lateResult('shared word shaping', applied);
}

type Encoded = [string[], unknown[]];
interface EncodingFont {
  encode?: (text: string, features?: unknown) => Encoded;
  [encodings]?: Map<string, Encoded>;
  [patched]?: true;
}
const encodings = Symbol('bilat.encodings');
const MAX_ENCODED_CHARS = 64;
const patched = Symbol('bilat.encodePatched');

/**
 * pdfkit turns every text run into glyph ids anew (`encode`: shaping lookup, then a hex string
 * and a subset lookup per glyph), and a brief repeats its words and labels many times; it was
 * the second largest source of garbage. An embedded font belongs to one document, and so does
 * its subset numbering, so the result is remembered per font object. pdfkit only reads the
 * arrays it gets back (a run with word spacing is copied first).
 */
function cacheEncoding(font: object): void {
  const proto = Object.getPrototypeOf(font) as EncodingFont | null;
  if (proto === null || proto[patched]) return;
  if (typeof proto.encode !== 'function') {
    lateResult('glyph encoding cache', skipped("pdfkit's EmbeddedFont.encode is not a function"));
    return;
  }
  const encode = proto.encode;
  proto.encode = function (this: EncodingFont, text: string, features?: unknown): Encoded {
    // Long runs (a line of a very long word) are rarely repeated: not worth their memory.
    if (features || text.length > MAX_ENCODED_CHARS) return encode.call(this, text, features);
    const cache = (this[encodings] ??= new Map<string, Encoded>());
    let hit = cache.get(text);
    if (hit !== undefined) patchStats.encodingHits++;
    else {
      hit = encode.call(this, text);
      cache.set(text, hit);
    }
    return hit;
  };
  proto[patched] = true;
  lateResult('glyph encoding cache', applied);
}
