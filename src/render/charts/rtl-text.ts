/**
 * Right-to-left chart text in the SVG. Skia writes a <text> per word with its glyphs in visual
 * order as presentation forms, and loses letters on the way (ة comes out as ه, a shadda moves);
 * search, copy and screen readers then get nonsense. While Chart.js draws, strings holding a
 * right-to-left letter are drawn as a Latin placeholder instead (so Skia writes a <text> in the
 * right place of the drawing order, clip and transform), and the placeholder's element is then
 * replaced by one <text> whose content is the logical string, cut into <tspan>s per direction
 * run at the positions Skia measured, for the browser (and pdf/chart-text.ts) to shape and
 * order. Other text is drawn as before, so Latin-only charts stay byte-identical.
 */

import bidiModule, { type Bidi } from 'bidi-js';

// bidi-js is CommonJS whose types declare an ES default export: take whichever shape arrives.
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ?? bidiModule) as unknown as () => Bidi;
let bidi: Bidi | undefined;

/** Right-to-left letters (Hebrew, Arabic and its supplements, their presentation forms, other RTL scripts). */
export const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export interface RtlLabel {
  text: string;
  /** Where the string sits relative to the placeholder's x: its left edge, centre or right edge. */
  align: 'left' | 'center' | 'right';
  /**
   * Base direction: the canvas's, as Skia laid it out (left to right in bilat's English
   * charts), so "الأردن – ישראל trade, 2023" keeps its English frame in the same order.
   */
  direction: 'ltr' | 'rtl';
  /** Runs of one direction, left to right as Skia measured them (px from the label's left edge). */
  runs: Run[];
  width: number;
}

interface Run {
  text: string;
  rtl: boolean;
  /** Left edge of each character of a left-to-right run; the run's left edge for a right-to-left one. */
  xs: number[];
  width: number;
}

/** A placeholder no chart text holds: letters only, so Skia writes it as one <text>. */
const placeholder = (n: number): string => `BILATRTL${n.toString(26).replace(/./g, (d) => String.fromCharCode(65 + parseInt(d, 26)))}Q`;
const PLACEHOLDER = /^BILATRTL([A-Z]+)Q$/;

interface TextContext {
  textAlign: string;
  direction?: string;
  measureText(text: string): { width: number };
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  strokeText(text: string, x: number, y: number, maxWidth?: number): void;
}

/** Wraps `ctx`'s fillText and strokeText; the labels it returns fill up as Chart.js draws. */
export function captureRtlText(ctx: TextContext): RtlLabel[] {
  const labels: RtlLabel[] = [];
  for (const name of ['fillText', 'strokeText'] as const) {
    const draw = ctx[name].bind(ctx);
    ctx[name] = (text: string, x: number, y: number, maxWidth?: number) => {
      const s = String(text);
      if (!RTL_LETTER.test(s)) return maxWidth === undefined ? draw(s, x, y) : draw(s, x, y, maxWidth);
      const rtlCanvas = ctx.direction === 'rtl';
      const a = ctx.textAlign;
      const align =
        a === 'center' ? 'center' : a === 'right' || (a === 'end' && !rtlCanvas) || (a === 'start' && rtlCanvas) ? 'right' : 'left';
      const direction = rtlCanvas ? 'rtl' : 'ltr';
      labels.push({ text: s, align, direction, ...measureRuns(ctx, s, direction) });
      ctx.textAlign = 'left'; // the placeholder starts at the anchor point: its first x is that point
      draw(placeholder(labels.length - 1), x, y);
      ctx.textAlign = a;
    };
  }
  return labels;
}

/**
 * The label cut where the base direction's level changes. In a left-to-right label these runs
 * follow each other left to right in logical order (what lies inside a right-to-left run, such
 * as its digits, the browser orders within it).
 */
function measureRuns(ctx: TextContext, text: string, direction: 'ltr' | 'rtl'): { runs: Run[]; width: number } {
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const base = direction === 'rtl' ? 1 : 0;
  const pieces: { text: string; rtl: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const rtl = levels[i]! !== base ? base === 0 : base === 1;
    const last = pieces.at(-1);
    if (last !== undefined && last.rtl === rtl) last.text += text[i];
    else pieces.push({ text: text[i]!, rtl });
  }
  // A right-to-left base puts its runs right to left: measure them in visual order.
  if (direction === 'rtl') pieces.reverse();
  const runs: Run[] = [];
  let x = 0;
  for (const p of pieces) {
    const width = ctx.measureText(p.text).width;
    const chars = [...p.text];
    // Every character of a left-to-right run where Skia put it, as Skia's own text is: a
    // browser with other fonts then never runs a Latin word past the chart's edge.
    const xs = p.rtl ? [x] : chars.map((_c, i) => x + (i === 0 ? 0 : ctx.measureText(chars.slice(0, i).join('')).width));
    runs.push({ text: p.text, rtl: p.rtl, xs, width });
    x += width;
  }
  return { runs, width: ctx.measureText(text).width };
}

const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The <text> for a placeholder Skia wrote (attributes as Skia wrote them, content), or
 * undefined when `content` is not one of ours.
 */
export function rtlTextElement(attrs: string, content: string, labels: readonly RtlLabel[]): string | undefined {
  const m = PLACEHOLDER.exec(content);
  if (m === null) return undefined;
  const n = parseInt([...m[1]!].map((c) => (c.charCodeAt(0) - 65).toString(26)).join(''), 26);
  const label = labels[n];
  if (label === undefined) return undefined;
  const rtl = label.direction === 'rtl';
  // text-anchor start/end follow the text's direction: start is the right edge of rtl text.
  const anchor = label.align === 'center' ? 'middle' : (label.align === 'left') !== rtl ? 'start' : 'end';
  const at = Number(/ x="(-?[\d.e+-]+)/i.exec(attrs)?.[1] ?? 0);
  const open = attrs.replace(/ x="([^"]*)"/, ` x="${at}"`);
  const left = at - (label.align === 'center' ? label.width / 2 : label.align === 'right' ? label.width : 0);
  const last = label.runs.length - 1;
  // One <tspan> per run, positioned where Skia measured it; a right-to-left run is kept whole
  // (the browser shapes it) and anchored on the side that borders the chart's edge or axis.
  const spans = label.runs.map((r, i) => {
    const end = r.rtl && i === last && label.align !== 'left';
    const xs = end ? [left + r.xs[0]! + r.width] : r.xs.map((x) => left + x);
    return `<tspan x="${xs.map((x) => Math.round(x * 100) / 100).join(' ')}" text-anchor="${end ? 'end' : 'start'}">${escapeText(r.text)}</tspan>`;
  });
  return `<text${open} text-anchor="${anchor}" direction="${label.direction}" unicode-bidi="isolate">${spans.join('')}</text>`;
}
