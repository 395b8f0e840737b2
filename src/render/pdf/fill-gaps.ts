/**
 * No page left half empty before a chart. A figure (chart + caption) is unbreakable, so when it
 * does not fit below the text it moves on, with its heading, and leaves the rest of the page
 * blank. When the shortfall is small, the chart is drawn slightly smaller (down to MIN_SCALE of
 * its width, so its 8–9 pt labels stay above ~7 pt) and the page is laid out again; if the chart
 * still does not land on the earlier page, its size is put back. Reading order never changes:
 * text that follows a chart is not pulled into the gap before it.
 */

export const MIN_SCALE = 0.8;
/** Largest space between a chart and its caption, or between caption lines (pt). */
const CAPTION_GAP = 6;
/** What the estimate below leaves out: the figure's bottom margin, the bottom margin of the
 * block before it (both up to ~14 pt in styles.ts) and rounding (pt). */
const SLACK = 30;
const EPSILON = 0.5;

export interface SvgNode {
  svg: unknown;
  width?: number;
  _width?: number;
  _height?: number;
  headlineLevel?: number;
  pageBreak?: string;
}
export interface GapItem {
  type: string;
  item: {
    y?: number;
    y1?: number;
    y2?: number;
    h?: number;
    _height?: number;
    getHeight?: () => number;
    _node?: SvgNode;
  } & Partial<SvgNode>;
}
export interface GapPage {
  items: GapItem[];
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
}

const drawn = (it: GapItem): boolean => it.type === 'line' || it.type === 'vector' || it.type === 'image' || it.type === 'svg';
const top = (it: GapItem): number => it.item.y ?? Math.min(it.item.y1 ?? Infinity, it.item.y2 ?? Infinity);
function bottom(it: GapItem): number {
  if (it.type === 'line') return top(it) + (it.item.getHeight?.() ?? 0);
  if (it.type === 'svg' || it.type === 'image') return top(it) + (it.item._height ?? 0);
  if (it.item.h !== undefined) return top(it) + it.item.h;
  return Math.max(it.item.y1 ?? top(it), it.item.y2 ?? top(it));
}
const isHeading = (it: GapItem): boolean => it.type === 'line' && it.item._node?.headlineLevel !== undefined;
const body = (page: GapPage) => {
  const from = page.pageMargins.top;
  const to = page.pageSize.height - page.pageMargins.bottom;
  return { from, to, items: page.items.filter((it) => drawn(it) && top(it) >= from - EPSILON && top(it) < to) };
};

export interface Shrink {
  node: SvgNode;
  width: number;
  /** Headings that travel with the chart (their `pageBreak: 'before'` is lifted when it shrinks). */
  headings: SvgNode[];
}

/**
 * The chart that opens page `index + 1` (after nothing but headings) and would fit at the
 * bottom of page `index` if drawn at no less than MIN_SCALE, with the width that makes it fit.
 */
export function chartForGap(
  pages: GapPage[],
  index: number,
  tried: ReadonlySet<SvgNode>,
  resolve: (copy: SvgNode) => SvgNode,
): Shrink | undefined {
  const here = pages[index];
  const next = pages[index + 1];
  if (here === undefined || next === undefined) return undefined;
  const a = body(here);
  const b = body(next);
  if (a.items.length === 0) return undefined;
  const chart = b.items.filter((it) => it.type === 'svg').sort((x, y) => top(x) - top(y))[0];
  // Items of an unbreakable block are copies of their node: size the node itself.
  const node = chart === undefined ? undefined : resolve(chart.item as SvgNode);
  if (chart === undefined || node === undefined || tried.has(node) || !(node._width! > 0) || !(node._height! > 0)) return undefined;
  const above = b.items.filter((it) => top(it) < top(chart) - EPSILON);
  if (above.some((it) => !isHeading(it))) return undefined;
  // The caption: text lines that follow the chart without a gap (the next block starts after one).
  let blockBottom = bottom(chart);
  const lines = b.items
    .filter((it) => it.type === 'line' && !isHeading(it) && top(it) >= blockBottom - EPSILON)
    .sort((x, y) => top(x) - top(y));
  for (const line of lines) {
    if (top(line) > blockBottom + CAPTION_GAP) break;
    blockBottom = Math.max(blockBottom, bottom(line));
  }
  const needed = blockBottom - b.from;
  const free = a.to - Math.max(...a.items.map(bottom));
  // Fitting by the estimate yet moved on all the same: the shortfall is within SLACK. The
  // layout that follows is the real test; the smallest size is tried when the slack tips it.
  const short = Math.max(0, needed - free);
  if ((node._height! - short) / node._height! < MIN_SCALE) return undefined;
  const scale = Math.max(MIN_SCALE, (node._height! - short - SLACK) / node._height!);
  const headings = above.map((it) => it.item._node).filter((n): n is SvgNode => n !== undefined);
  return { node, width: Math.floor(node._width! * scale * 2) / 2, headings };
}

/** Whether the chart now sits on page `index` (1 less than where it was). */
export const chartOnPage = (pages: GapPage[], index: number, node: SvgNode, resolve: (copy: SvgNode) => SvgNode): boolean =>
  (pages[index]?.items ?? []).some((it) => it.type === 'svg' && resolve(it.item as SvgNode) === node);
