import type { Chart, ChartType, Plugin } from 'chart.js';
import { placeLabels, type Box, type Spot } from './label-place.js';
import { theme } from '../theme.js';
import { FONT_PX, WEIGHT } from './style.js';
import { font, textBoxPlugin, type Ctx, type Layouts, type TextBoxOptions } from './text-box.js';

/**
 * Small Chart.js plugins, configured by plain data in `options.plugins` so a chart plan
 * stays JSON (callbacks would make configs impossible to compare or cache by value).
 */
export interface ValueLabel {
  datasetIndex: number;
  index: number;
  text: string;
}
export interface ValueLabelOptions {
  items: ValueLabel[];
  color: string;
}

/** Diagonal hatching over some bars of one dataset: partial periods, marked by more than lightness. */
export interface HatchOptions {
  datasetIndex: number;
  indices: number[];
  color: string;
  /** Further datasets to hatch (one per reporter when a series is drawn per reporter). */
  more?: { datasetIndex: number; indices: number[]; color: string }[];
}

/** A darker line at value 0 of a linear axis (the sign of a balance matters); off unless set. */
export interface ZeroLineOptions {
  color: string;
  axis: 'x' | 'y' | null;
}

declare module 'chart.js' {
  // The type parameter must match Chart.js's own declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    bilatTitle: TextBoxOptions;
    bilatSubtitle: TextBoxOptions;
    bilatSource: TextBoxOptions;
    bilatBackground: { color: string };
    bilatValueLabels: ValueLabelOptions;
    bilatZeroLine: ZeroLineOptions;
    bilatHatch: HatchOptions;
  }
}

function drawLabel(ctx: Ctx, text: string, x: number, y: number, align: Ctx['textAlign'], baseline: Ctx['textBaseline'], halo: boolean) {
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
  if (halo) ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

/** The parts of a Chart.js bar or point element the labels need. */
interface BarLike {
  x: number;
  y: number;
  base: number;
  width: number;
  height: number;
}

/** Candidate spots for one value label, best first; null when its element is not drawn. */
function labelSpots(chart: Chart, item: ValueLabel): { spots: Spot[]; fits?: (s: Spot, b: Box) => boolean } | null {
  const meta = chart.getDatasetMeta(item.datasetIndex);
  const el = meta.data[item.index] as unknown as BarLike | undefined;
  if (!el || !Number.isFinite(el.x) || !Number.isFinite(el.y)) return null;
  const at = (x: number, y: number, align: Spot['align'], baseline: Spot['baseline'], inside = false): Spot => ({
    x,
    y,
    align,
    baseline,
    inside,
  });
  if (el.base === undefined) {
    // A point: above it, or below when it is under the zero line; then beside it.
    const zero = chart.scales[meta.yAxisID ?? 'y']?.getPixelForValue(0) ?? Infinity;
    const above = at(el.x, el.y - 8, 'center', 'bottom');
    const below = at(el.x, el.y + 8, 'center', 'top');
    return {
      spots: [
        ...(el.y > zero ? [below, above] : [above, below]),
        at(el.x + 9, el.y, 'left', 'middle'),
        at(el.x - 9, el.y, 'right', 'middle'),
      ],
    };
  }
  if (chart.options.indexAxis === 'y') {
    const end = el.x >= el.base;
    const s = end ? 1 : -1;
    // Inside the bar only when the whole label fits between its base and its end.
    const fits = (spot: Spot, b: Box) => !spot.inside || (end ? b.left >= el.base : b.right <= el.base);
    return {
      spots: [at(el.x + 5 * s, el.y, end ? 'left' : 'right', 'middle'), at(el.x - 5 * s, el.y, end ? 'right' : 'left', 'middle', true)],
      fits,
    };
  }
  const up = el.y <= el.base;
  const half = el.width / 2;
  const fits = (spot: Spot, b: Box) =>
    !spot.inside || (b.left >= el.x - half && b.right <= el.x + half && (up ? b.bottom <= el.base : b.top >= el.base));
  return {
    spots: up
      ? [at(el.x, el.y - 4, 'center', 'bottom'), at(el.x, el.y + 4, 'center', 'top', true)]
      : [at(el.x, el.y + 4, 'center', 'top'), at(el.x, el.y - 4, 'center', 'bottom', true)],
    fits,
  };
}

/** Ink or white, whichever reads better on the bar a label sits in. */
function insideInk(chart: Chart, item: ValueLabel): string {
  const el = chart.getDatasetMeta(item.datasetIndex).data[item.index] as unknown as { options?: { backgroundColor?: unknown } };
  const bg = el?.options?.backgroundColor;
  return typeof bg === 'string' && luminance(bg) < 0.35 ? '#ffffff' : theme.color.ink;
}

/** Relative luminance of `#RRGGBB[AA]`, an alpha blended over white. */
export function luminance(hex: string): number {
  const v = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  const alpha = hex.length >= 9 ? v(7) : 1;
  const lin = (c: number) => {
    const over = c * alpha + (1 - alpha);
    return over <= 0.04045 ? over / 12.92 : ((over + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(v(1)) + 0.7152 * lin(v(3)) + 0.0722 * lin(v(5));
}

/** Plugins registered once in setup; `layouts` comes from the lazily loaded chart.js. */
export function createPlugins(layouts: Layouts): Plugin[] {
  const text = [
    textBoxPlugin(layouts, { id: 'bilatTitle', position: 'top', weight: 3000 }),
    textBoxPlugin(layouts, { id: 'bilatSubtitle', position: 'top', weight: 2500 }),
    textBoxPlugin(layouts, { id: 'bilatSource', position: 'bottom', weight: 3000 }),
  ];

  const background: Plugin<ChartType, { color: string }> = {
    id: 'bilatBackground',
    defaults: { color: '#ffffff' },
    // Opaque white: the SVG stays readable on a dark page, and Word's PNG fallback
    // (docx/picture.ts) needs no alpha.
    beforeDraw(chart, _args, options) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = options.color;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };

  const zeroLine: Plugin<ChartType, ZeroLineOptions> = {
    id: 'bilatZeroLine',
    defaults: { color: theme.color.muted, axis: null },
    beforeDatasetsDraw(chart, _args, options) {
      const scale = options.axis ? chart.scales[options.axis] : undefined;
      const area = chart.chartArea;
      if (!scale || scale.type !== 'linear' || scale.min > 0 || scale.max < 0) return;
      const p = Math.round(scale.getPixelForValue(0)) + 0.5;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = options.color;
      ctx.lineWidth = 1;
      ctx.beginPath();
      if (options.axis === 'y') {
        ctx.moveTo(area.left, p);
        ctx.lineTo(area.right, p);
      } else {
        ctx.moveTo(p, area.top);
        ctx.lineTo(p, area.bottom);
      }
      ctx.stroke();
      ctx.restore();
    },
  };

  const valueLabels: Plugin<ChartType, ValueLabelOptions> = {
    id: 'bilatValueLabels',
    defaults: { items: [], color: theme.color.ink },
    afterDatasetsDraw(chart, _args, options) {
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.font = font(FONT_PX.label, WEIGHT.medium);
      const a = chart.chartArea;
      const labels = options.items.flatMap((item) => {
        const spots = labelSpots(chart, item);
        const width = ctx.measureText(item.text).width;
        return spots ? [{ item, size: { width, height: FONT_PX.label }, spots: spots.spots, fits: spots.fits }] : [];
      });
      const placed = placeLabels(labels, { left: a.left, top: a.top, right: a.right, bottom: a.bottom });
      ctx.lineWidth = 3;
      ctx.lineJoin = 'round';
      for (const { item, spot } of placed) {
        const fill = spot.inside ? insideInk(chart, item) : options.color;
        ctx.fillStyle = fill;
        // A halo keeps a label readable where it crosses a grid line or another series.
        ctx.strokeStyle = fill === '#ffffff' ? theme.color.ink : '#ffffff';
        drawLabel(ctx, item.text, spot.x, spot.y, spot.align, spot.baseline, !spot.inside);
      }
      ctx.restore();
    },
  };

  const hatch: Plugin<ChartType, HatchOptions> = {
    id: 'bilatHatch',
    defaults: { datasetIndex: -1, indices: [], color: theme.color.ink },
    afterDatasetDraw(chart, args, all) {
      const options = [all, ...(all.more ?? [])].find((o) => o.datasetIndex === args.index);
      if (!options || !options.indices.length) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = options.color;
      ctx.lineWidth = 1;
      for (const i of options.indices) {
        const el = args.meta.data[i] as unknown as BarLike | undefined;
        if (!el || !Number.isFinite(el.y) || !Number.isFinite(el.base)) continue;
        const top = Math.min(el.y, el.base);
        const h = Math.abs(el.base - el.y);
        const left = el.x - el.width / 2;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, el.width, h);
        ctx.clip();
        ctx.beginPath();
        // Diagonals every 6 px, long enough to cross the whole bar once clipped.
        for (let d = -h; d < el.width; d += 6) {
          ctx.moveTo(left + d, top + h);
          ctx.lineTo(left + d + h, top);
        }
        ctx.stroke();
        ctx.restore();
      }
      ctx.restore();
    },
  };

  return [...text, background, zeroLine, hatch, valueLabels] as Plugin[];
}
