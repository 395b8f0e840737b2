/**
 * Draws bilat's chart SVGs straight onto pdfkit, as vectors with real Roboto text.
 *
 * pdfmake hands every SVG to svg-to-pdfkit, a general SVG engine: it resolves CSS-like
 * styles for every element and lays out text glyph by glyph, ~15 ms per chart here, which
 * was a third of a charted brief's PDF time. The charts Skia writes use a handful of
 * elements (rect, path, text, clipPath, g) with plain attributes; this module parses
 * exactly that subset once per SVG string and replays it with pdfkit calls (~1 ms).
 * Anything outside the subset (an SVG a template author inlined) returns null from
 * parseChartSvg, and pdfmake's own SVG engine draws it as before.
 */
import { splitByFont } from './font-split.js';
import { drawAnchoredText } from './chart-text.js';

export type Paint = string | undefined;

interface ShapeOp {
  t: 'shape';
  /** Path data; a rect is turned into one. */
  d: string;
  fill: Paint;
  fillOpacity: number;
  evenOdd: boolean;
  stroke: Paint;
  strokeWidth: number;
  miterLimit: number | undefined;
  lineJoin: string | undefined;
}

interface TextOp {
  t: 'text';
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  fill: Paint;
  stroke: Paint;
  strokeWidth: number;
  lineJoin: string | undefined;
  matrix: number[] | undefined;
  /** Set on the logical-order text rtl-text.ts writes; Skia's own text has neither. */
  anchor?: 'start' | 'middle' | 'end';
  direction?: 'ltr' | 'rtl';
}

interface ClipOp {
  t: 'clip';
  /** Path data of the clip region (union of the clipPath's shapes). */
  d: string[];
  children: Op[];
}

type Op = ShapeOp | TextOp | ClipOp;

export interface ChartDrawing {
  /** User-space size (the viewBox). */
  width: number;
  height: number;
  /** The size pdfmake's SVGMeasure would read: width/height attributes, else the viewBox. */
  measured: { width: number; height: number };
  ops: Op[];
}

/** The pdfkit calls used; pdfmake's document is a pdfkit PDFDocument. */
export interface PdfkitLike {
  save(): this;
  restore(): this;
  translate(x: number, y: number): this;
  scale(x: number, y?: number): this;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
  path(d: string): this;
  clip(rule?: string): this;
  fill(rule?: string): this;
  stroke(): this;
  fillAndStroke(rule?: string): this;
  fillColor(color: string): this;
  strokeColor(color: string): this;
  fillOpacity(opacity: number): this;
  lineWidth(w: number): this;
  miterLimit(m: number): this;
  opacity(o: number): this;
  undash(): this;
  lineCap(c: string): this;
  lineJoin(j: string): this;
  font(src: string): this;
  fontSize(size: number): this;
  text(text: string, x: number, y: number, options: object): this;
  widthOfString(text: string): number;
}

const ATTR = /\s([\w:-]+)="([^"]*)"/g;
// regex-safe: not input: the SVG our chart renderer wrote; each attribute repeat needs name=" so \s splits one way
const TOKEN = /<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(ENTITY, (_all, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name!.toLowerCase()]!,
  );
}

function attrs(source: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const [, name, value] of source.matchAll(ATTR)) m.set(name!, unescapeXml(value!));
  return m;
}

const num = (v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : fallback;
};

/** Skia writes fill="none" for strokes and no fill for black (the SVG default). */
function paint(v: string | undefined, fallback: Paint): Paint | null {
  if (v === undefined) return fallback;
  if (v === 'none') return undefined;
  // pdfkit understands hex and named colours; rgb(), hsl() or currentColor it would silently
  // ignore (drawing in the previous colour), so those SVGs go to pdfmake's engine instead.
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(v) || (/^[a-z]+$/i.test(v) && !/^(?:currentcolor|transparent|inherit)$/i.test(v))
    ? v
    : null;
}

/** Attributes each element may carry; any other means "not one of ours": let pdfmake draw it. */
const KNOWN: Record<string, Set<string>> = {
  svg: new Set(['role', 'viewBox', 'xmlns', 'xmlns:xlink', 'width', 'height', 'aria-label', 'focusable']),
  title: new Set(['id']),
  g: new Set(['clip-path']),
  clipPath: new Set(['id']),
  rect: new Set(['x', 'y', 'width', 'height', 'fill', 'fill-opacity']),
  path: new Set(['d', 'fill', 'fill-rule', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-miterlimit', 'stroke-linejoin']),
  // The runs of a logical-order label (charts/rtl-text.ts): the PDF sets the whole label from the <text>'s anchor.
  tspan: new Set(['x', 'text-anchor']),
  text: new Set([
    'x',
    'y',
    'fill',
    'stroke',
    'stroke-width',
    'stroke-linejoin',
    'font-size',
    'font-family',
    'font-weight',
    'transform',
    'text-anchor',
    'direction',
    'unicode-bidi',
  ]),
};

function rectPath(a: Map<string, string>): string {
  const x = num(a.get('x'), 0),
    y = num(a.get('y'), 0),
    w = num(a.get('width'), 0),
    h = num(a.get('height'), 0);
  return `M${x} ${y}h${w}v${h}h${-w}z`;
}

function matrixOf(v: string | undefined): number[] | undefined | null {
  if (v === undefined) return undefined;
  const m = v.match(/^\s*(matrix|translate)\(([^)]*)\)\s*$/);
  if (!m) return null;
  const n = m[2]!
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (n.some((x) => !Number.isFinite(x))) return null;
  if (m[1] === 'translate') return [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0];
  return n.length === 6 ? n : null;
}

/**
 * The drawing an SVG string describes, or null if it uses anything beyond the subset
 * (unknown element or attribute, nested <svg>, a clip-path to an unknown id, …).
 */
export function parseChartSvg(svg: string): ChartDrawing | null {
  let width = 0;
  let height = 0;
  let measured = { width: 0, height: 0 };
  const root: Op[] = [];
  const stack: Op[][] = [root];
  const clips = new Map<string, string[]>();
  let clipId: string | undefined; // inside <clipPath id=…>
  let text: TextOp | undefined; // inside <text>
  let inTitle = false;
  let seenSvg = false;
  let depth = 0;
  for (const m of svg.matchAll(TOKEN)) {
    const [, close, tag, attrSource, selfClose, chars] = m;
    if (chars !== undefined) {
      if (text) text.text += unescapeXml(chars);
      else if (!inTitle && chars.trim() !== '') return null;
      continue;
    }
    if (tag === undefined) continue; // comment
    if (close) {
      if (tag === 'text' && text) {
        if (text.text.trim() !== '') stack.at(-1)!.push(text);
        text = undefined;
      } else if (tag === 'tspan') {
        if (text?.anchor === undefined) return null;
      } else if (tag === 'title') inTitle = false;
      else if (tag === 'clipPath') clipId = undefined;
      else if (tag === 'g') {
        if (stack.length < 2) return null;
        stack.pop();
      } else if (tag === 'svg') depth--;
      continue;
    }
    const known = KNOWN[tag];
    if (known === undefined || (text !== undefined) !== (tag === 'tspan') || (tag === 'tspan' && (text?.anchor === undefined || selfClose)))
      return null;
    const a = attrs(attrSource ?? '');
    for (const k of a.keys()) if (!known.has(k)) return null;
    switch (tag) {
      case 'tspan':
        break;
      case 'svg': {
        if (seenSvg) return null;
        seenSvg = true;
        depth++;
        const box = a
          .get('viewBox')
          ?.trim()
          .split(/[\s,]+/)
          .map(Number);
        width = box?.[2] ?? num(a.get('width'), 0);
        height = box?.[3] ?? num(a.get('height'), 0);
        if (!(width > 0 && height > 0) || (box && (box[0] !== 0 || box[1] !== 0))) return null;
        measured = { width: num(a.get('width'), width), height: num(a.get('height'), height) };
        // pdfmake keeps the aspect ratio of a box that differs from the viewBox; we stretch.
        if (Math.abs(measured.width * height - measured.height * width) > 1e-6 * width * height) return null;
        break;
      }
      case 'title':
        if (!selfClose) inTitle = true;
        break;
      case 'clipPath': {
        const id = a.get('id');
        if (id === undefined || selfClose) return null;
        clipId = id;
        clips.set(id, []);
        break;
      }
      case 'g': {
        const ref = a.get('clip-path')?.match(/^url\(#([^)]+)\)$/)?.[1];
        const region = ref === undefined ? undefined : clips.get(ref);
        if (region === undefined) return null;
        const op: ClipOp = { t: 'clip', d: region, children: [] };
        stack.at(-1)!.push(op);
        if (!selfClose) stack.push(op.children);
        break;
      }
      case 'rect':
      case 'path': {
        const d = tag === 'rect' ? rectPath(a) : (a.get('d') ?? '');
        if (clipId !== undefined) {
          clips.get(clipId)!.push(d);
          break;
        }
        if (d.trim() === '') break;
        const fill = paint(a.get('fill'), 'black');
        const stroke = paint(a.get('stroke'), undefined);
        if (fill === null || stroke === null) return null;
        stack.at(-1)!.push({
          t: 'shape',
          d,
          fill,
          fillOpacity: num(a.get('fill-opacity'), 1),
          evenOdd: a.get('fill-rule') === 'evenodd',
          stroke,
          strokeWidth: num(a.get('stroke-width'), 1),
          miterLimit: a.has('stroke-miterlimit') ? num(a.get('stroke-miterlimit'), 10) : undefined,
          lineJoin: a.get('stroke-linejoin'),
        });
        break;
      }
      case 'text': {
        const matrix = matrixOf(a.get('transform'));
        if (matrix === null || clipId !== undefined) return null;
        const weight = a.get('font-weight');
        const fill = paint(a.get('fill'), 'black');
        const stroke = paint(a.get('stroke'), undefined);
        if (fill === null || stroke === null) return null;
        const op: TextOp = {
          t: 'text',
          text: '',
          x: num(a.get('x'), 0),
          y: num(a.get('y'), 0),
          size: num(a.get('font-size'), 16),
          // Our bold face is Roboto Medium (500), as in the rest of the PDF.
          bold: weight === 'bold' || num(weight, 400) >= 500,
          fill,
          stroke,
          strokeWidth: num(a.get('stroke-width'), 1),
          lineJoin: a.get('stroke-linejoin'),
          matrix,
        };
        const anchor = a.get('text-anchor');
        const direction = a.get('direction');
        if (anchor !== undefined || direction !== undefined) {
          if (!(anchor === 'start' || anchor === 'middle' || anchor === 'end') || !(direction === 'ltr' || direction === 'rtl'))
            return null;
          op.anchor = anchor;
          op.direction = direction;
        }
        if (!selfClose) text = op;
        break;
      }
    }
  }
  if (!seenSvg || depth !== 0 || stack.length !== 1 || text !== undefined) return null;
  return { width, height, measured, ops: root };
}

/** Font (as registered with pdfkit) for regular or bold text in a family (default: the main one). */
export type FontFor = (bold: boolean, family?: string) => string;

function drawOps(doc: PdfkitLike, ops: Op[], fontFor: FontFor, mainFamily: string): void {
  for (const op of ops) {
    if (op.t === 'clip') {
      if (op.d.length === 0) continue; // an empty clip region shows nothing
      doc.save();
      for (const d of op.d) doc.path(d);
      doc.clip();
      drawOps(doc, op.children, fontFor, mainFamily);
      doc.restore();
    } else if (op.t === 'shape') {
      const fill = op.fill !== undefined && op.fillOpacity > 0;
      if (!fill && op.stroke === undefined) continue;
      const local = op.fillOpacity < 1 && fill;
      if (local) doc.save().fillOpacity(op.fillOpacity);
      doc.path(op.d);
      if (op.stroke !== undefined) {
        doc.strokeColor(op.stroke).lineWidth(op.strokeWidth);
        if (op.miterLimit !== undefined) doc.miterLimit(op.miterLimit);
        if (op.lineJoin !== undefined) doc.lineJoin(op.lineJoin);
      }
      if (fill) doc.fillColor(op.fill!);
      const rule = op.evenOdd ? 'even-odd' : undefined;
      if (fill && op.stroke !== undefined) doc.fillAndStroke(rule);
      else if (fill) doc.fill(rule);
      else doc.stroke();
      if (local) doc.restore();
    } else {
      const fill = op.fill !== undefined;
      if (!fill && op.stroke === undefined) continue;
      doc.save();
      if (op.matrix) doc.transform(op.matrix[0]!, op.matrix[1]!, op.matrix[2]!, op.matrix[3]!, op.matrix[4]!, op.matrix[5]!);
      doc.font(fontFor(op.bold)).fontSize(op.size);
      if (fill) doc.fillColor(op.fill!);
      if (op.stroke !== undefined) {
        doc.strokeColor(op.stroke).lineWidth(op.strokeWidth);
        if (op.lineJoin !== undefined) doc.lineJoin(op.lineJoin);
      }
      if (op.anchor !== undefined) {
        drawAnchoredText(
          doc,
          op.text,
          { x: op.x, y: op.y, size: op.size, anchor: op.anchor, direction: op.direction ?? 'ltr', fill, stroke: op.stroke !== undefined },
          (family) => fontFor(op.bold, family),
          mainFamily,
        );
        doc.restore();
        continue;
      }
      // Characters the main font lacks are drawn run by run in the family of the chain that has them.
      const text = logicalArabic(op.text);
      const runs = splitByFont(text, mainFamily) ?? [{ text }];
      let x = op.x;
      for (const run of runs) {
        if (run.family !== undefined) doc.font(fontFor(op.bold, run.family));
        doc.text(run.text, x, op.y, { lineBreak: false, baseline: 'alphabetic', fill, stroke: op.stroke !== undefined });
        if (runs.length > 1) x += doc.widthOfString(run.text);
        if (run.family !== undefined) doc.font(fontFor(op.bold));
      }
      doc.restore();
    }
  }
}

const presentationForms = /^[\uFB50-\uFDFF\uFE70-\uFEFF\u0600-\u06FF]+$/;
/**
 * Skia writes an Arabic word as its shaped presentation forms in visual (reversed) order;
 * drawn as such, pdfkit would set them left to right, mirrored. Back to the letters in logical
 * order, fontkit shapes and orders the word itself, as it does in body text.
 */
export function logicalArabic(text: string): string {
  if (!presentationForms.test(text) || !/[\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text)) return text;
  return [...text].reverse().join('').normalize('NFKC');
}

/** Draws `drawing` into the box (x, y, width, height), user units stretched to fit as pdfmake does. */
export function drawChart(
  doc: PdfkitLike,
  drawing: ChartDrawing,
  box: { x: number; y: number; width: number; height: number },
  fontFor: FontFor,
  mainFamily = 'Roboto',
): void {
  doc.save();
  // Whatever pdfmake drew before may have left a dash, caps or opacity set: start from SVG's defaults.
  doc.opacity(1).undash().lineCap('butt').lineJoin('miter').miterLimit(4);
  doc.translate(box.x, box.y).scale(box.width / drawing.width, box.height / drawing.height);
  drawOps(doc, drawing.ops, fontFor, mainFamily);
  doc.restore();
}

/** Parsed drawings by SVG string (null: not ours); a batch repeats a handful of charts. */
const parsed = new Map<string, ChartDrawing | null>();
const MAX_PARSED = 16;

/** Drops the parsed drawings (their path data are slices of, and so keep alive, the whole SVG). */
export function forgetChartDrawings(): void {
  parsed.clear();
}

/** The drawing of one of our chart SVGs (null for any other SVG), parsed once per string. */
export function chartDrawing(svg: string): ChartDrawing | null {
  let hit = parsed.get(svg);
  if (hit === undefined) {
    hit = parseChartSvg(svg);
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
    parsed.set(svg, hit);
  }
  return hit;
}
