/**
 * Images a template names by a path relative to its own folder (`<img src="logo.png">`), and
 * the audience's logo (audience.yaml `logo:`). Each is read once at compile time and written
 * into the template as a data: URI, so the HTML stays one self-contained file (its CSP allows
 * data: images only) and the PDF converter embeds the same bytes. A missing or unusable image
 * is a template error at the tag that names it.
 */
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { Parser } from 'htmlparser2';
import type { TextKind } from '../data/read-file.js';
import { readInputBytes } from '../data/read-file.js';
import { BilatError } from '../errors.js';
import { type ImageMime, jpegSize, pngSize, sniff, svgSize } from '../render/image-size.js';

export interface TemplateImage {
  file: string;
  mime: ImageMime;
  dataUri: string;
  /** Intrinsic size in CSS px, when the file says. */
  width?: number;
  height?: number;
}

const IMAGE: TextKind = { format: 'PNG, JPEG or SVG', extensions: '.png, .jpg or .svg', needs: 'an image', tooLarge: 'make the image smaller' };

/** Reads and checks one image; errors name `at` (the template tag or audience.yaml entry). */
export function readImage(file: string, at: { file: string; line?: number; column?: number }, what = 'image'): TemplateImage {
  let bytes: Buffer;
  try {
    bytes = readInputBytes(file, what, IMAGE);
  } catch (e) {
    const reason = e instanceof BilatError ? e.message : (e as Error).message;
    throw new BilatError('E_TEMPLATE', `${what} "${file}": ${reason} (paths are relative to the template's folder)`, { ...at, cause: e });
  }
  const kind = sniff(bytes);
  if (kind === undefined) {
    throw new BilatError('E_TEMPLATE', `${what} "${file}" is not a PNG, JPEG or SVG file (${extname(file) || 'no extension'}); convert it to one of those`, at);
  }
  const size = kind === 'image/png' ? pngSize(bytes) : kind === 'image/jpeg' ? jpegSize(bytes) : svgSize(bytes.toString('utf8'));
  if (kind !== 'image/svg+xml' && size === undefined) throw new BilatError('E_TEMPLATE', `${what} "${file}" is damaged (its size cannot be read); export it again`, at);
  return { file, mime: kind, dataUri: `data:${kind};base64,${bytes.toString('base64')}`, ...size };
}

/** A src that names a file of the template folder (not a URL, not a data: URI, not computed by {{…}}). */
export function isLocalSrc(src: string): boolean {
  return src !== '' && !src.includes('{{') && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//') && !src.startsWith('#');
}

/**
 * Rewrites every `<img src="relative/path">` of a template's text to a data: URI. Returns the
 * new text and the image files read (template inputs, for --incremental). Offsets outside the
 * rewritten values are unchanged, so Handlebars' own line numbers stay those of the file.
 */
/**
 * `source` with its Handlebars comments ({{!-- … --}}, {{! … }}) blanked to spaces, offsets
 * kept: an <img> or <video> written in a comment is documentation, not markup.
 */
export function withoutComments(source: string): string {
  if (!source.includes('{{!')) return source;
  let out = '';
  let i = 0;
  for (;;) {
    const start = source.indexOf('{{!', i);
    if (start === -1) return out + source.slice(i);
    const long = source.startsWith('{{!--', start);
    const endMark = long ? '--}}' : '}}';
    const end = source.indexOf(endMark, start + 3);
    const stop = end === -1 ? source.length : end + endMark.length;
    out += source.slice(i, start) + source.slice(start, stop).replace(/[^\n]/g, ' ');
    i = stop;
  }
}

export function inlineTemplateImages(source: string, file: string): { source: string; images: string[] } {
  const scanned = withoutComments(source);
  const found: { start: number; end: number; src: string }[] = [];
  let tagStart = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name !== 'img') return;
        const tag = scanned.slice(tagStart, parser.endIndex + 1);
        const m = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
        if (!m) return;
        const value = m[1] ?? m[2] ?? m[3] ?? '';
        if (!isLocalSrc(value)) return;
        const valueStart = tagStart + m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
        found.push({ start: valueStart, end: valueStart + value.length, src: value });
      },
      onopentagname() {
        tagStart = parser.startIndex;
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.write(scanned);
  parser.end();
  if (found.length === 0) return { source, images: [] };
  let out = '';
  let last = 0;
  const images: string[] = [];
  for (const f of found) {
    const abs = resolveInside(f.src, file);
    const { line, column } = lineCol(source, f.start);
    const img = readImage(abs, { file, line, column }, 'image');
    images.push(img.file);
    out += source.slice(last, f.start) + img.dataUri;
    last = f.end;
  }
  return { source: out + source.slice(last), images };
}

function resolveInside(src: string, templateFile: string): string {
  let path = src;
  try {
    path = decodeURIComponent(src);
  } catch {
    // keep as written
  }
  return isAbsolute(path) ? path : resolve(dirname(templateFile), path);
}

export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
