import type { ChartConfiguration } from 'chart.js';
import type { ChartPlan } from './plan.js';
import { getChartRuntime } from './setup.js';
import { finishSvg } from './svg.js';
import { registerChartFonts } from './fonts.js';
import { captureRtlText } from './rtl-text.js';
import type { RenderedChart } from './types.js';

/**
 * Draws one plan synchronously on a fresh SVG canvas, text kept as real <text> in Roboto (a
 * fraction of the size of text as outlines, selectable, and exact wherever Roboto is embedded:
 * the PDF draws the same SVG). Needs ensureChartsReady() first.
 */
export function drawChart(plan: ChartPlan, idPrefix: string): RenderedChart {
  const { Chart, BasicPlatform, canvas } = getChartRuntime();
  const { width, height, alt, title } = plan;
  // Chart.js writes into the config it is given (array listeners, defaults): use a copy.
  const config = structuredClone(plan.config) as ChartConfiguration;
  registerChartFonts(canvas.GlobalFonts, JSON.stringify(plan));
  config.options = { ...config.options, devicePixelRatio: 1 };
  const target = canvas.createCanvas(width, height, canvas.SvgExportFlag.NoPrettyXML);
  const ctx = target.getContext('2d');
  const rtl = captureRtlText(ctx as never);
  // Explicit platform, not detected: there is no DOM, and a test setup could define `window`.
  const chart = new Chart(ctx as never, { ...config, platform: BasicPlatform });
  try {
    const raw = target.getContent().toString('utf8');
    return { svg: finishSvg(raw, { width, height, alt, idPrefix, rtl }), width, height, alt, title };
  } finally {
    chart.destroy(); // drops Chart.js's global instance entry; clears the canvas, so read first
  }
}
