import type { ChartConfiguration } from 'chart.js';
import { planContactsByYear } from './contacts-by-year.js';
import { planTradeSeries } from './trade-series.js';
import { planTradeSplit } from './trade-split.js';
import type { ChartSpec } from './types.js';

/**
 * What a spec becomes before anything is drawn: a Chart.js config of plain data (no
 * callbacks), its size, and the words. Pure, so it can be golden-tested without a canvas.
 */
export interface ChartPlan {
  config: ChartConfiguration;
  width: number;
  height: number;
  title: string;
  alt: string;
}

export function planChart(spec: ChartSpec): ChartPlan {
  switch (spec.kind) {
    case 'trade-split':
      return planTradeSplit(spec);
    case 'trade-series':
      return planTradeSeries(spec);
    case 'contacts-by-year':
      return planContactsByYear(spec);
    default: {
      // Specs may come from untyped JavaScript callers.
      const kind = (spec as { kind?: unknown }).kind;
      throw new TypeError(`unknown chart kind ${JSON.stringify(kind)}`);
    }
  }
}
