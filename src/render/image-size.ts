/** What the image formats bilat embeds say about themselves: their kind and intrinsic size (CSS px). */
export type ImageMime = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export function sniff(b: Buffer): ImageMime | undefined {
  if (b.length > 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const head = b
    .subarray(0, 2048)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/<svg[\s>]/.test(head)) return 'image/svg+xml';
  return undefined;
}

export function pngSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    const len = b.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return undefined;
}

/** width/height of the root <svg> in px (unitless or px), else its viewBox. */
export function svgSize(text: string): { width?: number; height?: number } {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  const px = (v: string | undefined) => (v !== undefined && /^\d+(\.\d+)?(px)?$/.test(v.trim()) ? Number.parseFloat(v) : undefined);
  const w = px(attr('width'));
  const h = px(attr('height'));
  const box = attr('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) {
    const [, , bw, bh] = box as [number, number, number, number];
    if (w !== undefined && h === undefined) return { width: w, height: (w * bh) / bw };
    if (h !== undefined && w === undefined) return { width: (h * bw) / bh, height: h };
    return { width: w ?? bw, height: h ?? bh };
  }
  return { ...(w !== undefined ? { width: w } : {}), ...(h !== undefined ? { height: h } : {}) };
}

/** Intrinsic size of image bytes of a known kind. */
export function imageSize(mime: ImageMime, b: Buffer): { width?: number; height?: number } | undefined {
  return mime === 'image/png' ? pngSize(b) : mime === 'image/jpeg' ? jpegSize(b) : svgSize(b.toString('utf8'));
}
