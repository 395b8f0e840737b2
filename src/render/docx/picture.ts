/**
 * Charts arrive as inline SVG in the article; Word gets that same SVG (drawn by Word 2016 and
 * later) with a PNG at print resolution rasterised from it as the fallback other readers show,
 * so the picture cannot differ from the HTML chart.
 */
import { createRequire } from 'node:module';
import { ImageRun, Paragraph } from 'docx';
import { BilatError } from '../../errors.js';
import { attr, collapse, isElement, serializeSvg, tagName, type DomElement, type DomNode } from '../pdf/dom.js';

const require = createRequire(import.meta.url);
/** SVG user units are CSS px (96 per inch); 3× gives 288 ppi, print resolution. */
const SCALE = 3;
/** Widest picture on an A4 page between 18 mm margins, in px at 96 ppi. */
export const MAX_WIDTH_PX = Math.floor(((210 - 2 * 18) / 25.4) * 96);

export function chartPicture(svg: DomElement, caption: string, maxWidthPx = MAX_WIDTH_PX): Paragraph | null {
  const box = attr(svg, 'viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = parseFloat(attr(svg, 'width') ?? '') || box?.[2];
  const height = parseFloat(attr(svg, 'height') ?? '') || box?.[3];
  if (!width || !height || !(width > 0) || !(height > 0)) return null;
  const source = serializeSvg(svg);
  const png = rasterise(source, width, height);
  // The SVG's <title> states the chart and its figures; a caption adds what was left out.
  const title = svg.children.find((c): c is DomElement => isElement(c) && tagName(c) === 'title');
  // textContent() skips <title> (never rendered as text), so its words are read directly.
  const titleText = title ? collapse(title.children.map(text).join('')).trim() : '';
  const name = titleText.split(':')[0] || 'Chart';
  const alt = [titleText, caption].filter(Boolean).join(' ') || 'Chart';
  const shown = Math.min(width, maxWidthPx);
  return new Paragraph({
    style: 'Figure',
    keepNext: caption !== '',
    children: [
      // The SVG itself where Word draws it (2016 and later: vectors, real text); the PNG for the rest.
      new ImageRun({
        type: 'svg',
        data: Buffer.from(source, 'utf8'),
        fallback: { type: 'png', data: png },
        transformation: { width: shown, height: Math.round((height * shown) / width) },
        altText: { name, title: name, description: alt },
      }),
    ],
  });
}

function rasterise(svg: string, width: number, height: number): Buffer {
  try {
    const { Image, createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
    const img = new Image();
    img.src = Buffer.from(svg);
    const canvas = createCanvas(Math.round(width * SCALE), Math.round(height * SCALE));
    const ctx = canvas.getContext('2d');
    // Opaque white: Word and LibreOffice show transparent pixels against the page anyway.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toBuffer('image/png');
  } catch (e) {
    throw new BilatError('E_RENDER', `cannot draw a chart for the Word brief: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

const text = (n: DomNode): string => (n.type === 'text' ? (n.data ?? '') : isElement(n) ? n.children.map(text).join('') : '');
