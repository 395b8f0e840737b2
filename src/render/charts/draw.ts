import type { ChartConfiguration } from 'chart.js';
import type { ChartPlan } from './plan.js';
import { encodeOpaquePng } from './png.js';
import { getChartRuntime } from './setup.js';
import { finishSvg } from './svg.js';
import { registerChartFonts } from './fonts.js';
import { captureRtlText } from './rtl-text.js';
import type { RenderedChart } from './types.js';

export interface DrawOptions {
  format: 'svg' | 'png';
  scale: number;
  idPrefix: string;
  svgText?: 'paths' | 'text';
}

/** Draws one plan synchronously on a fresh canvas; needs ensureChartsReady() first. */
export function drawChart(plan: ChartPlan, o: DrawOptions): RenderedChart {
  const { Chart, BasicPlatform, canvas } = getChartRuntime();
  const { width, height, alt, title } = plan;
  const svg = o.format === 'svg';
  // Chart.js writes into the config it is given (array listeners, defaults): use a copy.
  const config = structuredClone(plan.config) as ChartConfiguration;
  registerChartFonts(canvas.GlobalFonts, JSON.stringify(plan));
  config.options = { ...config.options, devicePixelRatio: svg ? 1 : o.scale };
  // Explicit platform, not detected: there is no DOM, and a test setup could define `window`.
  const draw = (ctx: unknown) => new Chart(ctx as never, { ...config, platform: BasicPlatform });

  if (svg) {
    const flag = o.svgText === 'text' ? canvas.SvgExportFlag.NoPrettyXML : canvas.SvgExportFlag.ConvertTextToPaths;
    const target = canvas.createCanvas(width, height, flag);
    const ctx = target.getContext('2d');
    // Real text only: text as paths is Skia's own shaping, already drawn right.
    const rtl = o.svgText === 'text' ? captureRtlText(ctx as never) : undefined;
    const chart = draw(ctx);
    try {
      const raw = target.getContent().toString('utf8');
      return { svg: finishSvg(raw, { width, height, alt, idPrefix: o.idPrefix, rtl }), width, height, alt, title };
    } finally {
      chart.destroy(); // drops Chart.js's global instance entry; clears the canvas, so read first
    }
  }
  const target = canvas.createCanvas(width, height);
  const chart = draw(target.getContext('2d'));
  try {
    // Chart.js resized the canvas to width × scale for the device pixel ratio.
    const png = encodeOpaquePng(target.data(), target.width, target.height, 96 * o.scale);
    return { png, width, height, alt, title };
  } finally {
    chart.destroy(); // drops Chart.js's global instance entry; clears the canvas, so read first
  }
}
