import type { ChartSpec, RenderedChart } from './types.js';

/**
 * JSON with object keys sorted at every depth, so two specs that are equal as data give
 * the same string whatever order their keys were written in. `undefined` members are
 * dropped, as JSON.stringify does.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export type RenderFn = (spec: ChartSpec) => RenderedChart;

export interface ChartCache {
  render: RenderFn;
  readonly size: number;
  clear(): void;
}

/**
 * Renders each distinct spec once, so a pair's charts are drawn once and shared by every
 * audience and output format of one build. Make one per build: entries are kept until `max`
 * is reached, then the oldest goes first.
 */
export function createChartCache(render: RenderFn, max = 256): ChartCache {
  const entries = new Map<string, RenderedChart>();
  return {
    render(spec) {
      const key = stableJson(spec);
      let hit = entries.get(key);
      if (!hit) {
        hit = Object.freeze(render(spec));
        if (entries.size >= max) entries.delete(entries.keys().next().value as string);
        entries.set(key, hit);
      }
      return hit;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
