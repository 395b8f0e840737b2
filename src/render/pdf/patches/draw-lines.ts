/**
 * Two fixes to pdfmake 0.3's line drawing (Renderer.renderLine), installed once:
 * - Words: pdfmake draws every word with its own pdfkit `text()` call (its Renderer carries a
 *   TODO to write same-styled inlines as one). We join adjacent, identically styled words that
 *   already abut exactly, a third of the calls and ~13% of render time. Glyph positions do not
 *   move: pdfkit shapes text word by word either way.
 * - Bookmarks: pdfmake adds outline entries without a position, so pdfkit points them at the
 *   page's top right corner. We add them ourselves, aimed at the heading's own line.
 * - Direction: a line holding right-to-left text is reordered by the bidi pass (bidi-lines.ts).
 */
import { reorderLine, type LineInline } from '../bidi-lines.js';
import { applied, patchStats, skipped, type PatchResult } from './result.js';

interface Inline {
  text: string;
  x: number;
  width: number;
  [key: string]: unknown;
}
interface LineLike {
  inlines?: Inline[];
  _outline?: { id?: string; parentId?: string; text: string; expanded: boolean };
}
interface OutlineItem {
  addItem(title: string, options: { expanded: boolean; top: number; left: number }): OutlineItem;
}
interface RendererLike {
  pdfDocument: { outline: OutlineItem; page: { width: number } };
  outlineMap: Record<string, OutlineItem>;
}
type RenderLine = (this: RendererLike, line: LineLike, x: number, y: number) => unknown;

/** Everything `renderLine` and the text decorator read from an inline, besides text, x and width. */
const drawState = [
  'font',
  'fontSize',
  'color',
  'opacity',
  'characterSpacing',
  'fontFeatures',
  'sup',
  'sub',
  'link',
  'linkToDestination',
  'linkToPage',
  'background',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
] as const;

/** Page references are rewritten per inline while drawing; leave such lines alone. */
const special = (i: Inline): boolean => i._pageNodeRef !== undefined || i._tocItemRef !== undefined;

function joinable(a: Inline, b: Inline): boolean {
  if (Math.abs(a.x + a.width - b.x) > 0.001) return false;
  // pdfmake measures letter spacing within words only; drawn as one string it would drift.
  if (typeof a.characterSpacing === 'number' && a.characterSpacing !== 0) return false;
  for (const key of drawState) if (a[key] !== b[key]) return false;
  return true;
}

export function mergeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let lastIsCopy = false; // never mutate pdfmake's own inline objects
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (last !== undefined && joinable(last, inline)) {
      const joined = lastIsCopy ? last : { ...last };
      joined.text += inline.text;
      joined.width += inline.width;
      out[out.length - 1] = joined;
      lastIsCopy = true;
    } else {
      out.push(inline);
      lastIsCopy = false;
    }
  }
  return out;
}

export function patchLineDrawing(rendererClass: { prototype: object }): PatchResult {
  const proto = rendererClass.prototype as { renderLine?: RenderLine };
  const renderLine = proto.renderLine;
  if (typeof renderLine !== 'function') return skipped('Renderer.renderLine is not a function');
  proto.renderLine = function (this: RendererLike, line: LineLike, x: number, y: number): unknown {
    // Views of the line; pdfmake's own line object (used again for page references) is untouched.
    const overrides: PropertyDescriptorMap = {};
    const outline = line._outline;
    if (outline !== undefined && this.pdfDocument?.outline !== undefined && this.outlineMap !== undefined) {
      addBookmark(this, outline, y);
      overrides._outline = { value: undefined };
    }
    const inlines = line.inlines;
    // Reordered runs are not merged: a run's string is in the order pdfkit must draw it.
    const reordered = Array.isArray(inlines) && !inlines.some(special) ? reorderLine(inlines as unknown as LineInline[]) : undefined;
    if (reordered !== undefined) overrides.inlines = { value: reordered };
    else if (Array.isArray(inlines) && inlines.length > 1 && !inlines.some(special)) {
      const merged = mergeInlines(inlines);
      if (merged.length < inlines.length) {
        overrides.inlines = { value: merged };
        patchStats.wordsMerged += inlines.length - merged.length;
      }
    }
    const view = Object.keys(overrides).length === 0 ? line : (Object.create(line, overrides) as LineLike);
    return renderLine.call(this, view, x, y);
  };
  return applied;
}

function addBookmark(renderer: RendererLike, outline: NonNullable<LineLike['_outline']>, y: number): void {
  const doc = renderer.pdfDocument;
  const parent = (outline.parentId !== undefined && renderer.outlineMap[outline.parentId]) || doc.outline;
  // pdfkit subtracts both options from the page size: left = width - width = 0, top = the line's top.
  const item = parent.addItem(outline.text, { expanded: outline.expanded, top: y, left: doc.page.width });
  if (outline.id !== undefined) renderer.outlineMap[outline.id] = item;
  patchStats.bookmarksPlaced++;
}
