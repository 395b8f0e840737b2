import { createHash } from 'node:crypto';
import { BilatError } from '../../errors.js';
import { stableJson } from './cache.js';
import { drawChart } from './draw.js';
import { planChart } from './plan.js';
import type { ChartSpec, RenderedChart } from './types.js';

/**
 * Spec → SVG string, synchronously (Handlebars helpers cannot await).
 * Throws BilatError E_RENDER if ensureChartsReady() was not awaited or drawing fails.
 */
export function renderChart(spec: ChartSpec): RenderedChart {
  try {
    const plan = planChart(spec);
    // Ids derive from the spec: stable across runs, different for different charts on a page.
    const idPrefix = `c${createHash('sha1').update(stableJson(spec)).digest('hex').slice(0, 8)}-`;
    return drawChart(plan, idPrefix);
  } catch (e) {
    if (e instanceof BilatError) throw e;
    const what = (spec as { kind?: unknown }).kind;
    throw new BilatError('E_RENDER', `cannot draw the ${String(what)} chart: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
