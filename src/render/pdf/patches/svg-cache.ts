/**
 * pdfmake parses every SVG twice per layout pass just to read and rewrite its width and
 * height (SVGMeasure, with xmldoc), and keep-with-next may lay out more than once. Our charts
 * are sized from the parse chart-drawing.ts makes anyway; for any other SVG both functions are
 * pure for string input, so we remember their results (by string, bounded).
 */
import { chartDrawing } from '../chart-drawing.js';
import { applied, patchStats, skipped, type PatchResult } from './result.js';

interface Dimensions {
  width?: number;
  height?: number;
}
interface SvgMeasureLike {
  measureSVG?: (svg: unknown) => Dimensions;
  writeDimensions?: (svg: unknown, dimensions: { width: number; height: number }) => unknown;
}

/** Distinct SVGs we remember; a brief has a handful of charts, a batch run repeats them. */
const MAX_ENTRIES = 16;

const measured = new Map<string, Dimensions>();
/** SVG → (size → rewritten SVG). Nested so the long SVG string is the key itself, never copied. */
const written = new Map<string, Map<string, string>>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

/** Drops the remembered sizes and rewrites. */
export function forgetSvgSizes(): void {
  measured.clear();
  written.clear();
}

export function cacheSvgMeasurement(svgMeasureClass: { prototype: object }): PatchResult {
  const proto = svgMeasureClass.prototype as SvgMeasureLike;
  const { measureSVG, writeDimensions } = proto;
  if (typeof measureSVG !== 'function' || typeof writeDimensions !== 'function')
    return skipped('SVGMeasure.measureSVG or writeDimensions is not a function');

  proto.measureSVG = function (this: unknown, svg: unknown): Dimensions {
    if (typeof svg !== 'string') return measureSVG.call(this, svg);
    // Our charts: the size comes from the parse chart-drawing.ts needs anyway (no xmldoc).
    const chart = chartDrawing(svg);
    if (chart !== null) {
      patchStats.svgMeasureHits++;
      return { ...chart.measured };
    }
    const known = measured.get(svg);
    if (known !== undefined) patchStats.svgMeasureHits++;
    return { ...(known ?? remember(measured, svg, measureSVG.call(this, svg))) };
  };

  proto.writeDimensions = function (this: unknown, svg: unknown, dimensions: { width: number; height: number }): unknown {
    if (typeof svg !== 'string') return writeDimensions.call(this, svg, dimensions);
    // drawChartsDirectly scales our charts to the laid-out box itself: no rewrite needed.
    if (chartDrawing(svg) !== null) return svg;
    const size = `${dimensions.width}x${dimensions.height}`;
    const bySize = written.get(svg) ?? remember(written, svg, new Map<string, string>());
    let out = bySize.get(size);
    if (out === undefined) {
      out = writeDimensions.call(this, svg, dimensions) as string;
      bySize.set(size, out);
      // The next layout pass measures the rewritten SVG: its size is the one we just wrote.
      remember(measured, out, { width: dimensions.width, height: dimensions.height });
    }
    return out;
  };
  return applied;
}
