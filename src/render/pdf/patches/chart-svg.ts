/**
 * Our charts drawn straight onto pdfkit (chart-drawing.ts) instead of through pdfmake's SVG
 * engine, which resolves styles for every element (~15 ms a chart against ~1 ms).
 */
import { chartDrawing, drawChart, type PdfkitLike } from '../chart-drawing.js';
import { applied, skipped, type PatchResult } from './result.js';

interface SvgNode {
  svg: unknown;
  x: number;
  y: number;
  _width: number;
  _height: number;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
}
interface PdfmakeDocumentLike extends PdfkitLike {
  provideFont(family: string, bold: boolean, italics: boolean): { name: string };
}

/**
 * Routes pdfmake's SVG drawing through drawChart for SVGs parseChartSvg understands; every
 * other SVG goes to pdfmake's own renderer unchanged.
 */
export function drawChartsDirectly(rendererClass: { prototype: object }, family: string): PatchResult {
  const proto = rendererClass.prototype as { renderSVG?: (svg: SvgNode) => void; pdfDocument?: PdfmakeDocumentLike };
  const renderSVG = proto.renderSVG;
  if (typeof renderSVG !== 'function') return skipped('Renderer.renderSVG is not a function');
  proto.renderSVG = function (this: { pdfDocument: PdfmakeDocumentLike }, node: SvgNode): void {
    const doc = this.pdfDocument;
    const drawing = typeof node.svg === 'string' && typeof doc.provideFont === 'function' ? chartDrawing(node.svg) : null;
    if (drawing === null) return renderSVG.call(this, node);
    const fontFor = (bold: boolean, other = family) => doc.provideFont(other, bold, false).name;
    drawChart(doc, drawing, { x: node.x, y: node.y, width: node._width, height: node._height }, fontFor, family);
    // A linked chart: pdfmake adds the link areas itself, for an empty SVG of the same box.
    if (node.link !== undefined || node.linkToPage !== undefined || node.linkToDestination !== undefined) {
      renderSVG.call(this, { ...node, svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${node._width}" height="${node._height}"/>` });
    }
  };
  return applied;
}
