/**
 * pdfmake measures the whole document again on every layout pass: each run of text is split
 * into words, each word shaped and its ~20 style properties looked up through the style stack.
 * keep-with-next lays a brief out up to a few times more to move a heading or try a smaller
 * chart, and measuring was two thirds of those passes. Between our passes only page breaks and
 * a chart's width change, never a text or its styles, so a text node's measured words can be
 * reused: we remember them per node for the duration of one `layoutDocument` call (the
 * caller opens and closes the memo) and hand each later pass fresh copies. Laying out consumes
 * the list and edits its words: pdfmake 0.3 sets `x` and `justifyShift` and, to split a word
 * too long for the line, cuts its `text` and `width`. So the first pass keeps the list and
 * those two fields (cheap: no word is copied unless a later pass asks for it), and a copy
 * puts them back and clears the justification.
 */
import { applied, patchStats, skipped, type PatchResult } from './result.js';

interface LeafNode {
  text?: unknown;
  _textRef?: unknown;
  _inlines?: Inline[];
  _minWidth?: number;
  _maxWidth?: number;
}
interface Inline {
  text?: unknown;
  width?: unknown;
  justifyShift?: unknown;
}
interface Measured {
  text: unknown;
  inlines: Inline[];
  texts: unknown[];
  widths: unknown[];
  minWidth: number | undefined;
  maxWidth: number | undefined;
}
type MeasureLeaf = (this: unknown, node: LeafNode) => LeafNode;

let memo: WeakMap<LeafNode, Measured> | undefined;

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

/** The words as measured: each a copy of the one the first pass laid out, its cut fields restored. */
const asMeasured = (m: Measured): Inline[] => m.inlines.map((inline, i) => ({ ...inline, text: m.texts[i], width: m.widths[i], justifyShift: undefined }));

export function rememberMeasuredText(docMeasureClass: { prototype: object }): PatchResult {
  const proto = docMeasureClass.prototype as { measureLeaf?: MeasureLeaf };
  const measureLeaf = proto.measureLeaf;
  if (typeof measureLeaf !== 'function') return skipped('DocMeasure.measureLeaf is not a function');
  proto.measureLeaf = function (this: unknown, node: LeafNode): LeafNode {
    // A text that refers to another node's text (pdfmake's table of contents) can change.
    if (memo === undefined || node._textRef !== undefined) return measureLeaf.call(this, node);
    const known = memo.get(node);
    if (known !== undefined && known.text === node.text) {
      patchStats.measureHits++;
      node._inlines = asMeasured(known);
      node._minWidth = known.minWidth;
      node._maxWidth = known.maxWidth;
      return node;
    }
    const measured = measureLeaf.call(this, node);
    const inlines = measured._inlines;
    if (Array.isArray(inlines)) {
      memo.set(node, {
        text: node.text,
        inlines: inlines.slice(),
        texts: inlines.map((i) => i.text),
        widths: inlines.map((i) => i.width),
        minWidth: measured._minWidth,
        maxWidth: measured._maxWidth,
      });
    }
    return measured;
  };
  return applied;
}
