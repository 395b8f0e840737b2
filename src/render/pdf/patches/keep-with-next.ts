/**
 * No page ends on a heading. pdfmake's own hook for this (`pageBreakBefore`) cannot be trusted
 * here: nodes inside unbreakable blocks (figures, boxed notes) and unbroken table rows report
 * the page where the block *started*, so a chart or table that moved on to the next page still
 * looks as if it followed its heading. So we check the laid-out pages instead: a heading with
 * nothing below it in the page body gets `pageBreak: 'before'`, and the document is laid out
 * again, as pdfmake does for its own hook. Headings are the nodes with a `headlineLevel`
 * (and an `id`, which is how pdfmake links a laid-out line back to its node).
 */
import { chartForGap, chartOnPage, type GapPage, type SvgNode } from '../fill-gaps.js';
import { withMeasureMemo } from './measure-memo.js';
import { applied, patchStats, skipped, type PatchResult } from './result.js';

interface HeadlineNode {
  headlineLevel?: number;
  pageBreak?: string;
  positions?: { pageNumber: number; top: number }[];
}
interface PageItem {
  type: string;
  item: { x?: number; y?: number; y1?: number; y2?: number; h?: number; getHeight?: () => number; _node?: HeadlineNode };
}
interface LaidOutPage {
  items: PageItem[];
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
}
interface LayoutBuilderLike {
  linearNodeList?: { resetXY?: () => void }[];
}
type LayoutDocument = (this: LayoutBuilderLike, ...args: unknown[]) => LaidOutPage[];

/**
 * One heading per pass, first page first: moving it shifts everything after it, so later
 * headings are judged again on the new layout. Usually zero or one pass is needed.
 */
const MAX_PASSES = 6;
/** Charts tried against a gap per document (each costs one or two layouts). */
const MAX_SHRINKS = 4;
const EPSILON = 0.5;

const top = (it: PageItem): number => it.item.y ?? Math.min(it.item.y1 ?? Infinity, it.item.y2 ?? Infinity);
const drawn = (it: PageItem): boolean => it.type === 'line' || it.type === 'vector' || it.type === 'image' || it.type === 'svg';
const isHeading = (it: PageItem): boolean => it.type === 'line' && it.item._node?.headlineLevel !== undefined;

/** Bottom of a heading's last line on this page (a heading may wrap onto several lines). */
function headingBottom(it: PageItem, pageNumber: number): number {
  const lineHeight = it.item.getHeight?.() ?? 0;
  const own = (it.item._node?.positions ?? []).filter((p) => p.pageNumber === pageNumber);
  // Positions recorded inside an unbreakable block are where the block started, not where it
  // landed; they only agree with the line's own place when they can be trusted.
  const trusted = own.length > 0 && Math.abs(own[0]!.top - top(it)) < EPSILON;
  return (trusted ? Math.max(...own.map((p) => p.top)) : top(it)) + lineHeight;
}

/** The heading to move from this page, if the page body ends on one (or on a run of them). */
export function strandedHeading(page: LaidOutPage, pageNumber: number): HeadlineNode | undefined {
  const bodyTop = page.pageMargins.top;
  const bodyBottom = page.pageSize.height - page.pageMargins.bottom;
  const inBody = (it: PageItem): boolean => drawn(it) && top(it) >= bodyTop - EPSILON && top(it) < bodyBottom;
  const headings = page.items.filter((it) => isHeading(it) && inBody(it)).sort((a, b) => top(b) - top(a));
  let target = headings[0];
  if (target === undefined) return undefined;
  const bottom = headingBottom(target, pageNumber);
  if (page.items.some((it) => inBody(it) && top(it) >= bottom - EPSILON)) return undefined;
  // Take the headings directly above along (an h2 followed only by its h3).
  for (const above of headings.slice(1)) {
    const gapStart = headingBottom(above, pageNumber) - EPSILON;
    const gapEnd = top(target) - EPSILON;
    if (page.items.some((it) => inBody(it) && !isHeading(it) && top(it) >= gapStart && top(it) < gapEnd)) break;
    target = above;
  }
  // At the top of the body already: a new page would not help.
  const first = target;
  if (!page.items.some((it) => inBody(it) && top(it) < top(first) - EPSILON)) return undefined;
  const node = target.item._node;
  return node?.pageBreak === 'before' ? undefined : node;
}

export function keepHeadingsWithNext(layoutBuilderClass: { prototype: object }): PatchResult {
  const proto = layoutBuilderClass.prototype as { layoutDocument?: LayoutDocument };
  if (typeof proto.layoutDocument !== 'function') return skipped('LayoutBuilder.layoutDocument is not a function');
  const layoutDocument: LayoutDocument = proto.layoutDocument;
  proto.layoutDocument = function (this: LayoutBuilderLike, ...args: unknown[]): LaidOutPage[] {
    // Passes after the first reuse the text measured by the first (measure-memo.ts).
    return withMeasureMemo(() => layoutWithHeadingsKept.call(this, args));
  };
  return applied;

  function layoutWithHeadingsKept(this: LayoutBuilderLike, args: unknown[]): LaidOutPage[] {
    let pages = layoutDocument.apply(this, args);
    const relayout = (): void => {
      for (const node of this.linearNodeList ?? []) node.resetXY?.();
      patchStats.layoutReruns++;
      pages = layoutDocument.apply(this, args);
    };
    const ours = new Set<HeadlineNode>();
    // A laid-out chart inside a figure is a shallow copy; its SVG text names the node it came from.
    const resolve = (copy: SvgNode): SvgNode =>
      ((this.linearNodeList ?? []) as SvgNode[]).find((n) => n.svg !== undefined && n.svg === copy.svg) ?? copy;
    const tried = new Set<SvgNode>();
    let moves = 0;
    // Each shrink may lift the breaks of earlier moves and start the moves afresh (below).
    for (let pass = 0; pass < (MAX_PASSES + 2) * (MAX_SHRINKS + 1); pass++) {
      let move: HeadlineNode | undefined;
      for (let i = 0; i < pages.length && move === undefined && moves < MAX_PASSES; i++) move = strandedHeading(pages[i]!, i + 1);
      if (move !== undefined) {
        move.pageBreak = 'before';
        ours.add(move);
        moves++;
        relayout();
        continue;
      }
      if (tried.size >= MAX_SHRINKS || !shrinkOne()) break;
    }
    return pages;

    /**
     * A chart drawn smaller pulls everything after it up, so a heading moved on before may no
     * longer need its page break (the page before it would be left part empty for nothing).
     * Lift the breaks we added; the moves that are still needed are found again.
     */
    function liftOurBreaks(): void {
      const lifted = [...ours].filter((h) => h.pageBreak === 'before');
      if (lifted.length === 0) return;
      for (const h of lifted) delete h.pageBreak;
      ours.clear();
      moves = 0;
      relayout();
    }

    /** One chart drawn smaller so it fits the gap before it; put back if it did not help. */
    function shrinkOne(): boolean {
      for (let i = 0; i < pages.length - 1; i++) {
        const s = chartForGap(pages as GapPage[], i, tried, resolve);
        if (s === undefined) continue;
        tried.add(s.node);
        // A page break the template asked for is not ours to lift.
        if (s.headings.some((h) => h.pageBreak === 'before' && !ours.has(h))) return true;
        const width = s.node.width;
        const lifted = s.headings.filter((h) => h.pageBreak === 'before');
        s.node.width = s.width;
        for (const h of lifted) delete h.pageBreak;
        relayout();
        if (chartOnPage(pages as GapPage[], i, s.node, resolve)) {
          liftOurBreaks();
          return true;
        }
        s.node.width = width;
        for (const h of lifted) h.pageBreak = 'before';
        relayout();
        return true;
      }
      return false;
    }
  }
}
