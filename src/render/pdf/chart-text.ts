/**
 * Chart text written in logical order (charts/rtl-text.ts) drawn on pdfkit the way body text
 * is: split into runs by the family of the font chain that draws them, ordered with the
 * Unicode Bidirectional Algorithm (bidi-lines.ts), shaped by fontkit, then placed at the
 * anchor the SVG names. Glyphs keep their Unicode mapping, so the text layer reads logically.
 */
import { reorderLine, type LineInline } from './bidi-lines.js';
import { splitByFont } from './font-split.js';

export interface AnchoredText {
  x: number;
  /** Alphabetic baseline. */
  y: number;
  size: number;
  anchor: 'start' | 'middle' | 'end';
  direction: 'ltr' | 'rtl';
  fill: boolean;
  stroke: boolean;
}

interface TextDoc {
  font(src: string): unknown;
  fontSize(size: number): unknown;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: object): unknown;
}

/** Isolates that give a line the text's own base direction (bidi-lines lays lines out left to right). */
const RLI = '\u2067';
const PDI = '\u2069';

/** Draws `text` (logical order) at `at`; `fontOf(family)` is the pdfkit font name of a family (undefined: the main one). */
export function drawAnchoredText(
  doc: TextDoc,
  text: string,
  at: AnchoredText,
  fontOf: (family?: string) => string,
  mainFamily: string,
): void {
  const runs = splitByFont(text, mainFamily) ?? [{ text }];
  const widthIn = (family: string | undefined) => ({
    widthOfString(s: string, size: number): number {
      doc.font(fontOf(family));
      doc.fontSize(size);
      return doc.widthOfString(s);
    },
  });
  const inlines: LineInline[] = runs.map((run) => ({
    text: run.text,
    x: 0,
    width: 0,
    font: widthIn(run.family),
    fontSize: at.size,
    family: run.family,
  }));
  let x = 0;
  for (const inline of inlines) {
    inline.x = x;
    x += inline.width = inline.font.widthOfString(inline.text, at.size);
  }
  if (at.direction === 'rtl') {
    inlines[0]!.text = RLI + inlines[0]!.text;
    inlines[inlines.length - 1]!.text += PDI;
  }
  // Always through the bidi pass: it also turns each right-to-left run into what fontkit draws in visual order.
  const pieces = reorderLine(inlines) ?? inlines;
  const width = pieces.reduce((w, p) => w + p.width, 0);
  const left = at.anchor === 'middle' ? at.x - width / 2 : (at.anchor === 'start') === (at.direction === 'ltr') ? at.x : at.x - width;
  for (const piece of pieces) {
    doc.font(fontOf(piece.family as string | undefined));
    doc.fontSize(at.size);
    doc.text(piece.text, left + piece.x, at.y, { lineBreak: false, baseline: 'alphabetic', fill: at.fill, stroke: at.stroke });
  }
}
