/**
 * pdfmake measures the whole document again on every layout pass: each run of text is split
 * into words, each word shaped and its ~20 style properties looked up through the style stack.
 * keep-with-next lays a brief out up to a few times more to move a heading or try a smaller
 * chart, and measuring was two thirds of those passes. Between our passes only page breaks and
 * a chart's width change, never a text or its styles, so a text node's measured words can be
 * reused: we remember them per node for the duration of one `layoutDocument` call (the
 * caller opens the memo) and give them to the next pass as they were first measured.
 *
 * Laying out consumes the list and edits its words: pdfmake 0.3 sets `x` and `justifyShift`
 * and, to split a word too long for the line, cuts its `text` and `width`. The pages of the
 * pass before are thrown away when the next pass starts, so its words can be put back as
 * measured (those two fields restored, the justification cleared) instead of copied. A node
 * measured twice in one pass (a header a function hands out again) is measured afresh, since
 * its words are still on a page of this pass.
 */
import { applied, patchStats, skipped, type PatchResult } from './result.js';

interface Inline {
  text?: unknown;
  width?: unknown;
  justifyShift?: unknown;
}
interface LeafNode {
  text?: unknown;
  _textRef?: unknown;
  _inlines?: Inline[];
  _minWidth?: number;
  _maxWidth?: number;
}
interface Measured {
  text: unknown;
  inlines: Inline[];
  texts: unknown[];
  widths: unknown[];
  minWidth: number | undefined;
  maxWidth: number | undefined;
  /** The pass that last used these words. */
  pass: number;
}
type MeasureLeaf = (this: unknown, node: LeafNode) => LeafNode;
type MeasureDocument = (this: unknown, doc: unknown) => unknown;

let memo: WeakMap<LeafNode, Measured> | undefined;
/** Counts measureDocument calls: one per layout pass. */
let pass = 0;

/** Runs `fn` (one document's layout passes) with measured text remembered between passes. */
export function withMeasureMemo<T>(fn: () => T): T {
  const outer = memo;
  memo = new WeakMap();
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

function record(node: LeafNode, inlines: Inline[]): void {
  memo!.set(node, {
    text: node.text,
    inlines: inlines.slice(),
    texts: inlines.map((i) => i.text),
    widths: inlines.map((i) => i.width),
    minWidth: node._minWidth,
    maxWidth: node._maxWidth,
    pass,
  });
}

export function rememberMeasuredText(docMeasureClass: { prototype: object }): PatchResult {
  const proto = docMeasureClass.prototype as { measureLeaf?: MeasureLeaf; measureDocument?: MeasureDocument };
  const { measureLeaf, measureDocument } = proto;
  if (typeof measureLeaf !== 'function' || typeof measureDocument !== 'function')
    return skipped('DocMeasure.measureLeaf or measureDocument is not a function');

  proto.measureDocument = function (this: unknown, doc: unknown): unknown {
    pass++;
    return measureDocument.call(this, doc);
  };

  proto.measureLeaf = function (this: unknown, node: LeafNode): LeafNode {
    // A text that refers to another node's text (pdfmake's table of contents) can change.
    if (memo === undefined || node._textRef !== undefined) return measureLeaf.call(this, node);
    const known = memo.get(node);
    if (known !== undefined && known.text === node.text && known.pass !== pass) {
      patchStats.measureHits++;
      const { inlines, texts, widths } = known;
      for (let i = 0; i < inlines.length; i++) {
        const inline = inlines[i]!;
        inline.text = texts[i];
        inline.width = widths[i];
        if (inline.justifyShift !== undefined) inline.justifyShift = undefined;
      }
      known.pass = pass;
      node._inlines = inlines.slice();
      node._minWidth = known.minWidth;
      node._maxWidth = known.maxWidth;
      return node;
    }
    const measured = measureLeaf.call(this, node);
    if (Array.isArray(measured._inlines)) record(measured, measured._inlines);
    return measured;
  };
  return applied;
}
