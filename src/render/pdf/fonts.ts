/**
 * The embedded font: Roboto as shipped with pdfmake (Regular, Medium as bold, Italic,
 * MediumItalic). Buffers are read once per process and shared by every document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { theme } from '../theme.js';
import { deferUnusedModules } from './patches/lazy-modules.js';

const require = createRequire(import.meta.url);

export const FONT_FAMILY = theme.font.family;

export const fontFiles = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;
export type FontFace = keyof typeof fontFiles;
export const fontFaces = Object.keys(fontFiles) as FontFace[];

let dir: string | undefined;
/** Resolved lazily so importing this module costs nothing when no PDF is made. */
export function fontDir(): string {
  return (dir ??= join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto'));
}

export function fontPath(face: FontFace): string {
  return join(fontDir(), fontFiles[face]);
}

export function fontBuffer(face: FontFace): Buffer {
  return readFontFile(fontPath(face));
}

const buffers = new Map<string, Buffer>();
/** A font file's bytes, read once per process (one Buffer per file lets the parse cache match by identity). */
export function readFontFile(path: string): Buffer {
  let buf = buffers.get(path);
  if (buf === undefined) {
    buf = readFileSync(path);
    buffers.set(path, buf);
  }
  return buf;
}

export type FontkitFont = { characterSet: number[] };

/** Where pdfkit lives (it is pdfmake's dependency, not ours). */
export function pdfkitPath(): string {
  return createRequire(require.resolve('pdfmake/package.json')).resolve('pdfkit');
}

/** fontkit is pdfkit's font engine; load pdfkit's own copy so the module is parsed once. */
export function requireFontkit(): { create(data: Uint8Array): FontkitFont } {
  const pdfkit = pdfkitPath();
  deferUnusedModules(pdfkit);
  return createRequire(pdfkit)('fontkit') as { create(data: Uint8Array): FontkitFont };
}
