/**
 * Right-to-left chart text in the SVG. Skia writes a <text> per word with its glyphs in visual
 * order as presentation forms, and loses letters on the way (ة comes out as ه, a shadda moves);
 * search, copy and screen readers then get nonsense. While Chart.js draws, strings holding a
 * right-to-left letter are drawn as a Latin placeholder instead (so Skia writes a <text> in the
 * right place of the drawing order, clip and transform), and the placeholder's element is then
 * replaced by one <text> holding the logical string, anchored where Skia would have set it, for
 * the browser (and pdf/chart-drawing.ts) to shape and order. Other text is drawn as before.
 */

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
}

/** A placeholder no chart text holds: letters only, so Skia writes it as one <text>. */
const placeholder = (n: number): string => `BILATRTL${n.toString(26).replace(/./g, (d) => String.fromCharCode(65 + parseInt(d, 26)))}Q`;
const PLACEHOLDER = /^BILATRTL([A-Z]+)Q$/;

interface TextContext {
  textAlign: string;
  direction?: string;
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
      const align = a === 'center' ? 'center' : a === 'right' || (a === 'end' && !rtlCanvas) || (a === 'start' && rtlCanvas) ? 'right' : 'left';
      labels.push({ text: s, align, direction: rtlCanvas ? 'rtl' : 'ltr' });
      ctx.textAlign = 'left'; // the placeholder starts at the anchor point: its first x is that point
      draw(placeholder(labels.length - 1), x, y);
      ctx.textAlign = a;
    };
  }
  return labels;
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
  const open = attrs.replace(/ x="([^"]*)"/, (_a, list: string) => ` x="${list.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/i)?.[0] ?? '0'}"`);
  return `<text${open} text-anchor="${anchor}" direction="${label.direction}" unicode-bidi="isolate">${escapeText(label.text)}</text>`;
}
