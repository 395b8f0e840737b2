/**
 * Font fallback at layout time: before pdfmake breaks a text into words, every run the run's
 * own family cannot fully draw is split into runs with an explicit `font` (see font-split.ts).
 * Doing it here, not in the HTML converter, reaches every text pdfmake sets (body, tables,
 * running header and footer) and leaves the document definition, and its goldens, unchanged.
 */
import { splitByFont } from '../font-split.js';
import { applied, skipped, type PatchResult } from './result.js';

type Item = string | (Record<string, unknown> & { text?: unknown });
interface Stack {
  /** pdfmake's StyleContextStack.getStyleProperty (static). */
}
type GetStyle = (item: Record<string, unknown>, stack: Stack, property: string, defaultValue: unknown) => unknown;
interface TextInlinesClass {
  prototype: { buildInlines?: (textArray: unknown, stack: Stack) => unknown };
}

/** Wraps TextInlines.buildInlines; leaves pdfmake alone if it does not look as expected. */
export function addFontFallback(textInlines: TextInlinesClass, getStyle: GetStyle | undefined, defaultFamily: string): PatchResult {
  const proto = textInlines.prototype;
  const build = proto.buildInlines;
  if (typeof build !== 'function') return skipped('TextInlines.buildInlines is not a function');
  if (typeof getStyle !== 'function') return skipped('StyleContextStack.getStyleProperty is not a function');
  const familyOf = (item: Record<string, unknown>, stack: Stack): string => {
    const f = getStyle(item, stack, 'font', defaultFamily);
    return typeof f === 'string' ? f : defaultFamily;
  };
  const expand = (item: Item, stack: Stack): Item[] | null => {
    if (typeof item === 'string') {
      const runs = splitByFont(item, familyOf({}, stack));
      return runs && runs.map((r) => (r.family === undefined ? r.text : { text: r.text, font: r.family }));
    }
    if (item === null || typeof item !== 'object') return null;
    // A page-number reference is filled in later, in digits the main font has.
    if ('_textRef' in item) return null;
    if (Array.isArray(item.text)) {
      const inner = expandAll(item.text as Item[], stack);
      return inner === item.text ? null : [{ ...item, text: inner }];
    }
    if (typeof item.text !== 'string') return null;
    const runs = splitByFont(item.text, familyOf(item, stack));
    if (runs === null) return null;
    return runs.map((r, i) => {
      const run: Record<string, unknown> = { ...item, text: r.text };
      if (r.family !== undefined) run['font'] = r.family;
      if (i > 0) delete run['id']; // a destination names one place
      return run;
    });
  };
  const expandAll = (items: Item[], stack: Stack): Item[] => {
    let out: Item[] | undefined;
    items.forEach((item, i) => {
      const parts = expand(item, stack);
      if (parts !== null) out ??= items.slice(0, i);
      if (out !== undefined) out.push(...(parts ?? [item]));
    });
    return out ?? items;
  };
  proto.buildInlines = function (this: unknown, textArray: unknown, stack: Stack): unknown {
    const items = Array.isArray(textArray) ? (textArray as Item[]) : [textArray as Item];
    const expanded = expandAll(items, stack);
    return build.call(this, expanded === items ? textArray : expanded, stack);
  };
  return applied;
}

interface Metrics {
  ascender: number;
  descender: number;
  lineGap: number;
}
const matched = Symbol('bilat.mainMetrics');

/**
 * Fallback fonts are drawn with the main font's ascent and descent. Noto Sans Arabic's are
 * 1.37 and 0.74 em (Roboto's 0.93 and 0.24), so one Arabic name would push its whole line
 * apart; with shared metrics every line of a paragraph has the same height, whatever its script.
 */
export function matchFallbackMetrics(pdfDocumentClass: { prototype: object }, mainFamily: string): PatchResult {
  const proto = pdfDocumentClass.prototype as { provideFont?: (family: string, bold: boolean, italics: boolean) => Metrics };
  const provideFont = proto.provideFont;
  if (typeof provideFont !== 'function') return skipped('PDFDocument.provideFont is not a function');
  proto.provideFont = function (this: unknown, family: string, bold: boolean, italics: boolean): Metrics {
    const font = provideFont.call(this, family, bold, italics) as Metrics & { [matched]?: true };
    if (family !== mainFamily && font[matched] === undefined) {
      const main = provideFont.call(this, mainFamily, bold, italics);
      font.ascender = main.ascender;
      font.descender = main.descender;
      font.lineGap = main.lineGap;
      font[matched] = true;
    }
    return font;
  };
  return applied;
}
