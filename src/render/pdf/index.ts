/**
 * PDF output: the same semantic HTML as the HTML brief, converted to a pdfmake document.
 * Importing this module is cheap; pdfmake itself loads on the first render.
 */
import { forgetChartDrawings } from './chart-drawing.js';
import { forgetSvgSizes } from './patches/svg-cache.js';

export { convertHtml, type Conversion } from './convert.js';
export { buildDocDefinition, docDefinitionFrom } from './doc-definition.js';
export { checkGlyphs, findMissingGlyphs, GlyphError, type GlyphOccurrence, type GlyphSource, type MissingGlyph } from './glyphs.js';
export { renderDocDefinition, renderPdf } from './render.js';
export { allowLocalAssets } from './runtime.js';
export type { Content, ContentNode, DocDefinition, PageSizeName, PdfMeta } from './types.js';
/** Drops the parsed chart drawings and remembered SVG sizes (a batch worker's finished file). */
export function forgetDrawings(): void {
  forgetChartDrawings();
  forgetSvgSizes();
}
