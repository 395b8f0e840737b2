import { crc32, deflateSync } from 'node:zlib';

/**
 * An RGB PNG (colour type 2, no alpha) from the canvas's premultiplied RGBA pixels.
 * Skia always writes RGBA; pdfkit then inflates and splits the alpha channel of every PNG
 * it embeds. Without alpha, pdfkit copies the compressed data into the PDF as it is.
 */

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number, ppi: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 2; // filter "Up": charts are mostly vertical runs of one colour
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const o = row + 1 + x * 3;
      // Premultiplied over white is c + (255 − a); a is 255 wherever the background was drawn.
      const lift = 255 - rgba[i + 3]!;
      raw[o] = rgba[i]! + lift;
      raw[o + 1] = rgba[i + 1]! + lift;
      raw[o + 2] = rgba[i + 2]! + lift;
    }
  }
  // Apply "Up" bottom-up so each row still reads its unfiltered predecessor.
  for (let y = height - 1; y > 0; y--) {
    const row = y * stride;
    for (let i = 1; i < stride; i++) raw[row + i] = (raw[row + i]! - raw[row - stride + i]!) & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, adaptive filtering, no interlace
  const phys = Buffer.alloc(9);
  const ppm = Math.round(ppi / 0.0254);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1; // unit: metre
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('pHYs', phys),
    // Level 1: a third faster than 6 on chart pixels (long flat runs), for ~25% more bytes.
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
