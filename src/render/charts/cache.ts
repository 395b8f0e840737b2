import type { ChartSpec, RenderOptions, RenderedChart } from './types.js';

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

export type RenderFn = (spec: ChartSpec, options: RenderOptions) => RenderedChart;

export interface ChartCache {
  render: RenderFn;
  readonly size: number;
  clear(): void;
}

/**
 * Renders each distinct (spec, format, scale, SVG text mode) once, so a pair's charts are drawn once and
 * shared by every audience and output format of one build. Make one per build: entries
 * are kept until `max` is reached, then the oldest goes first.
 * Callers must not modify a returned PNG Buffer: it is shared.
 */
export function createChartCache(render: RenderFn, max = 256): ChartCache {
  const entries = new Map<string, RenderedChart>();
  return {
    render(spec, options) {
      const key = stableJson({ spec, format: options.format, scale: options.format === 'png' ? (options.scale ?? 1) : 1, text: options.format === 'svg' ? (options.svgText ?? 'paths') : '' });
      let hit = entries.get(key);
      if (!hit) {
        hit = Object.freeze(render(spec, options));
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
