/**
 * Server-side charts: Chart.js 4 on @napi-rs/canvas, loaded lazily.
 *
 *   await ensureChartsReady();                 // once, before any synchronous render
 *   const { svg, alt } = renderChart(spec);
 */
export type {
  ChartCommon,
  ChartKind,
  ChartSpec,
  ContactRow,
  ContactsByYearSpec,
  RenderedChart,
  TradePeriod,
  TradeSeriesSpec,
  TradeSplitLabels,
  TradeSplitSpec,
} from './types.js';
export type { ChartPlan } from './plan.js';
export type { ChartCache, RenderFn } from './cache.js';
export { ensureChartsReady, chartsReady } from './setup.js';
export { renderChart } from './render.js';
export { planChart } from './plan.js';
export { createChartCache, stableJson } from './cache.js';
export { CHART_WIDTH_PX } from './style.js';
