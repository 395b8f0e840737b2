/**
 * `<img>` in the PDF: the data: URI the template engine put in its src (PNG, JPEG or SVG),
 * sized as a browser sizes it — width/height attributes in CSS px, else the image's own
 * size, one CSS px being 0.75 pt (96 px to the inch, as when the HTML is printed) — and
 * scaled down, proportions kept, to the width available.
 */
import { imageSize, sniff } from '../image-size.js';
import type { ConvertContext } from './context.js';
import { attr, type DomElement } from './dom.js';
import type { ContentNode } from './types.js';

const PT_PER_PX = 0.75;
const DATA_URI = /^data:(image\/(?:png|jpeg|jpg|svg\+xml));base64,([A-Za-z0-9+/=\s]*)$/i;

/** The bytes of an image src, when it is an embedded PNG, JPEG or SVG. */
export function embeddedImage(src: string | undefined): { mime: 'image/png' | 'image/jpeg' | 'image/svg+xml'; bytes: Buffer } | undefined {
  const m = src === undefined ? null : DATA_URI.exec(src.trim());
  if (!m) return undefined;
  const bytes = Buffer.from(m[2]!, 'base64');
  const mime = sniff(bytes);
  return mime === undefined ? undefined : { mime, bytes };
}

/** A pdfmake image or svg node for an <img>; null when its src is not an embedded image. */
export function imageNode(el: DomElement, ctx: ConvertContext, heightPt?: number): ContentNode | null {
  const img = embeddedImage(attr(el, 'src'));
  if (img === undefined) return null;
  const own = imageSize(img.mime, img.bytes) ?? {};
  const ratio = own.width && own.height ? own.height / own.width : undefined;
  let w = px(attr(el, 'width'));
  let h = px(attr(el, 'height'));
  if (heightPt !== undefined) {
    h = heightPt / PT_PER_PX;
    w = ratio ? h / ratio : w;
  }
  if (w === undefined && h !== undefined && ratio) w = h / ratio;
  if (h === undefined && w !== undefined && ratio) h = w * ratio;
  if (w === undefined && h === undefined) {
    w = own.width;
    h = own.height;
  }
  // An SVG with no size at all: pdfmake needs one; the available width, as a browser would.
  let width = w === undefined ? ctx.maxWidth : w * PT_PER_PX;
  let height = h === undefined ? (ratio ? width * ratio : undefined) : h * PT_PER_PX;
  if (width > ctx.maxWidth) {
    if (height !== undefined) height = (height * ctx.maxWidth) / width;
    width = ctx.maxWidth;
  }
  const size = { width: round(width), ...(height !== undefined ? { height: round(height) } : {}) };
  if (img.mime === 'image/svg+xml') return { svg: img.bytes.toString('utf8'), ...size };
  return { image: `data:${img.mime};base64,${img.bytes.toString('base64')}`, ...size };
}

function px(value: string | undefined): number | undefined {
  const v = value?.trim();
  if (v === undefined || !/^\d+(\.\d+)?(px)?$/i.test(v)) return undefined;
  const n = Number.parseFloat(v);
  return n > 0 ? n : undefined;
}

const round = (n: number): number => Math.round(n * 100) / 100;
