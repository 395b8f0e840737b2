import { createHash } from 'node:crypto';
import { BilatError } from '../../errors.js';
import { stableJson } from './cache.js';
import { drawChart } from './draw.js';
import { planChart } from './plan.js';
import type { ChartSpec, RenderOptions, RenderedChart } from './types.js';

const MAX_SCALE = 8;

/**
 * Spec → SVG string or PNG Buffer, synchronously (Handlebars helpers cannot await).
 * Throws BilatError E_RENDER if ensureChartsReady() was not awaited or drawing fails.
 */
export function renderChart(spec: ChartSpec, options: RenderOptions): RenderedChart {
  const scale = options.scale ?? 1;
  if (options.format !== 'svg' && options.format !== 'png') {
    throw new BilatError('E_RENDER', `chart format must be "svg" or "png", got ${JSON.stringify(options.format)}`);
  }
  if (!(scale > 0 && scale <= MAX_SCALE)) {
    throw new BilatError('E_RENDER', `chart scale must be > 0 and ≤ ${MAX_SCALE}, got ${scale}`);
  }
  try {
    const plan = planChart(spec);
    // Ids derive from the spec: stable across runs, different for different charts on a page.
    const idPrefix = `c${createHash('sha1').update(stableJson(spec)).digest('hex').slice(0, 8)}-`;
    return drawChart(plan, { format: options.format, scale, idPrefix, svgText: options.svgText });
  } catch (e) {
    if (e instanceof BilatError) throw e;
    const what = (spec as { kind?: unknown }).kind;
    throw new BilatError('E_RENDER', `cannot draw the ${String(what)} chart: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
