import type { ChartType, Plugin } from 'chart.js';
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

/** A darker line at value 0 of a linear axis (the sign of a balance matters); off unless set. */
export interface ZeroLineOptions {
  color: string;
  axis: 'x' | 'y' | null;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    bilatTitle: TextBoxOptions;
    bilatSubtitle: TextBoxOptions;
    bilatSource: TextBoxOptions;
    bilatBackground: { color: string };
    bilatValueLabels: ValueLabelOptions;
    bilatZeroLine: ZeroLineOptions;
  }
}

function drawLabel(ctx: Ctx, text: string, x: number, y: number, align: Ctx['textAlign'], baseline: Ctx['textBaseline']) {
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
  // A white halo keeps a label readable where it crosses a grid line or another series.
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
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
    // Opaque white: PNGs need no alpha (pdfkit would split it, slowly) and SVGs stay
    // readable on a dark page.
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
      const horizontal = chart.options.indexAxis === 'y';
      ctx.save();
      ctx.font = font(FONT_PX.label, WEIGHT.medium);
      ctx.fillStyle = options.color;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 3;
      ctx.lineJoin = 'round';
      for (const item of options.items) {
        const meta = chart.getDatasetMeta(item.datasetIndex);
        const el = meta.data[item.index] as unknown as { x: number; y: number; base?: number } | undefined;
        if (!el || !Number.isFinite(el.x) || !Number.isFinite(el.y)) continue;
        if (el.base === undefined) {
          // A point: label above it, or below when it is under the zero line.
          const zero = chart.scales[meta.yAxisID ?? 'y']?.getPixelForValue(0) ?? Infinity;
          const below = el.y > zero;
          drawLabel(ctx, item.text, el.x, el.y + (below ? 8 : -8), 'center', below ? 'top' : 'bottom');
        }
        else if (horizontal) {
          const end = el.x >= el.base;
          drawLabel(ctx, item.text, el.x + (end ? 5 : -5), el.y, end ? 'left' : 'right', 'middle');
        } else {
          const up = el.y <= el.base;
          drawLabel(ctx, item.text, el.x, el.y + (up ? -4 : 4), 'center', up ? 'bottom' : 'top');
        }
      }
      ctx.restore();
    },
  };

  return [...text, background, zeroLine, valueLabels] as Plugin[];
}
