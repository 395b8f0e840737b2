import { CHART_FONT_FAMILY } from './fonts.js';
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Chart, ChartType, Plugin } from 'chart.js';
import { theme } from '../theme.js';
import { WEIGHT } from './style.js';

/** A block of wrapped text above or below the plot: title, subtitle, source line. */
export interface TextBoxOptions {
  /** One string per paragraph; each wraps to the chart width. Empty: the box takes no space. */
  text: string | string[];
  color: string;
  size: number;
  weight: number;
  /** Space before the first line and after the last, px. */
  padding: { top: number; bottom: number };
}

export type Layouts = typeof import('chart.js').layouts;
/** Charts only ever draw on @napi-rs/canvas (and the repo has no DOM lib). */
export type Ctx = SKRSContext2D;

/** A canvas font string: Roboto, then the fallback chain (charts/fonts.ts). */
export const font = (px: number, weight: number): string => `${weight} ${px}px ${CHART_FONT_FAMILY}`;

/** Greedy word wrap by measured width; a single over-long word gets its own line. */
export function wrapText(measure: (s: string) => number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A category label on lines of at most `max` characters, for axes Chart.js does not wrap:
 * it would clip a long label ("Imports from the United Republic of …") at the chart edge.
 */
export function wrapWords(text: string, max: number): string | string[] {
  const lines = wrapText((s) => s.length, text, max);
  return lines.length > 1 ? lines : text;
}

const LINE_HEIGHT = 1.25;

interface TextBoxPlace {
  id: 'bilatTitle' | 'bilatSubtitle' | 'bilatSource';
  position: 'top' | 'bottom';
  /** Chart.js stacks boxes by weight; larger is further from the plot. */
  weight: number;
}

/**
 * Text as a layout box, wrapped at layout time: Chart.js's own title squeezes a long line
 * into the width (fillText maxWidth) instead of wrapping it.
 */
function createTextBox(chart: Chart, layouts: Layouts, place: TextBoxPlace) {
  const box = {
    position: place.position,
    weight: place.weight,
    fullSize: true,
    options: { text: '', color: theme.color.ink, size: 12, weight: WEIGHT.regular, padding: { top: 0, bottom: 0 } } as TextBoxOptions,
    lines: [] as string[],
    left: 0,
    top: 0,
    right: 0,
    bottom: 0,
    width: 0,
    height: 0,
    isHorizontal: () => true,
    update(maxWidth: number) {
      const o = box.options;
      const ctx = chart.ctx as unknown as Ctx;
      ctx.font = font(o.size, o.weight);
      const paragraphs = Array.isArray(o.text) ? o.text : [o.text];
      box.lines = paragraphs.flatMap((p) => wrapText((s) => ctx.measureText(s).width, p, maxWidth));
      box.width = maxWidth;
      box.height = box.lines.length ? o.padding.top + box.lines.length * o.size * LINE_HEIGHT + o.padding.bottom : 0;
    },
    draw() {
      const o = box.options;
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.font = font(o.size, o.weight);
      ctx.fillStyle = o.color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      const lh = o.size * LINE_HEIGHT;
      box.lines.forEach((l, i) => ctx.fillText(l, box.left, box.top + o.padding.top + (i + 0.5) * lh));
      ctx.restore();
    },
  };
  layouts.addBox(chart, box as never);
  return box;
}

export function textBoxPlugin(layouts: Layouts, place: TextBoxPlace): Plugin<ChartType, TextBoxOptions> {
  const boxes = new WeakMap<Chart, ReturnType<typeof createTextBox>>();
  return {
    id: place.id,
    defaults: { text: '', color: theme.color.ink, size: 12, weight: WEIGHT.regular, padding: { top: 0, bottom: 0 } },
    start(chart) {
      boxes.set(chart, createTextBox(chart, layouts, place));
    },
    beforeUpdate(chart, _args, o) {
      // Copy out of Chart.js's option resolver: the box reads these during layout.
      const box = boxes.get(chart);
      if (box) box.options = { text: o.text, color: o.color, size: o.size, weight: o.weight, padding: { ...o.padding } };
    },
    stop(chart) {
      const box = boxes.get(chart);
      if (box) layouts.removeBox(chart, box as never);
      boxes.delete(chart);
    },
  };
}
