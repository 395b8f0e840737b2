/**
 * What a template writes that the PDF cannot draw, found in the template's text before
 * anything renders, so each is reported once, at its file, line and column, with what is lost
 * and what to use instead. (The HTML → PDF converter, src/render/pdf/, keeps the text of any
 * element it does not know; what it cannot keep is listed here.)
 */
import { Parser } from 'htmlparser2';
import type { Diagnostic } from '../diagnostics.js';
import { isLocalSrc, lineCol, withoutComments } from './images.js';

const DROPPED: Record<string, string> = {
  video: 'use an <img> of a still (PNG, JPEG or SVG) and a link',
  audio: 'use a link to the recording',
  iframe: 'use a link, or an <img> of what it shows',
  object: 'use an <img> (PNG, JPEG or SVG)',
  embed: 'use an <img> (PNG, JPEG or SVG)',
  canvas: 'draw it as an SVG or a PNG and use <img>',
  picture: 'use one <img> with a PNG, JPEG or SVG file',
  math: 'write the formula as text, or use an <img> of it',
  input: 'write the value as text',
  button: 'write the label as text or a link',
  select: 'write the chosen value as text',
  textarea: 'write the text as a <p>',
  script: 'scripts do not run in the HTML either (its Content-Security-Policy blocks them)',
  style: 'the HTML\'s Content-Security-Policy blocks this <style> too: put the rules in theme.css',
  link: 'the HTML loads nothing from outside: put styles in theme.css',
  marquee: 'use a <p>',
};
/** Their content is kept; only the look is lost. */
const LOOK_LOST: Record<string, string> = {
  font: 'give the element a class and style it in theme.css',
  center: 'use a class with text-align: center in theme.css',
  big: 'use a class with a font-size in theme.css',
  tt: 'use <code>',
  blink: 'use <strong>',
};
const PRESENTATIONAL = new Set(['align', 'bgcolor', 'color', 'border', 'cellpadding', 'cellspacing', 'valign', 'face', 'size', 'background', 'hspace', 'vspace', 'nowrap']);

/** Warnings by file and text: the audiences share their partials, each is read once per process. */
const checked = new Map<string, Map<string, Diagnostic[]>>();

export function pdfSupportWarnings(file: string, source: string): Diagnostic[] {
  let byText = checked.get(file);
  if (byText === undefined) checked.set(file, (byText = new Map()));
  let found = byText.get(source);
  if (found === undefined) {
    // An edited file (a watch session) keeps one entry: its latest text.
    byText.clear();
    byText.set(source, (found = scan(file, source)));
  }
  return found.map((d) => ({ ...d }));
}

function scan(file: string, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let tagStart = 0;
  const warn = (offset: number, path: string, message: string) => out.push({ severity: 'warning', rule: 'pdf-unsupported', code: 'E_TEMPLATE', file, ...lineCol(source, offset), path, message });
  let svgDepth = 0;
  const parser = new Parser(
    {
      onopentagname() {
        tagStart = parser.startIndex;
      },
      onopentag(name, attribs) {
        if (name === 'svg') svgDepth++;
        if (svgDepth > 0) {
          if (name === 'svg' && svgDepth === 1 && attribs.width === undefined && attribs.height === undefined && attribs.viewBox === undefined && attribs.viewbox === undefined)
            warn(tagStart, '<svg>', '<svg> has no width, height or viewBox: the PDF cannot size it and leaves it out (give it width and height)');
          return;
        }
        const instead = DROPPED[name];
        if (instead !== undefined) warn(tagStart, `<${name}>`, `<${name}> is not drawn in the PDF${name === 'script' || name === 'style' || name === 'link' ? '' : ' (the HTML shows it)'}: ${instead}`);
        const look = LOOK_LOST[name];
        if (look !== undefined) warn(tagStart, `<${name}>`, `<${name}>: its text is kept but its look is lost in the PDF; ${look}`);
        // One warning per place: an element already reported says it all.
        if (instead !== undefined || look !== undefined) return;
        for (const [key, value] of Object.entries(attribs)) {
          const k = key.toLowerCase();
          if (k === 'style') warn(tagStart, `<${name} style>`, `style="${short(value)}" is not drawn in the PDF, and the HTML's Content-Security-Policy blocks style attributes: give the element a class and style it in theme.css`);
          else if (PRESENTATIONAL.has(k) && !(name === 'img' && (k === 'border' || k === 'align')) && !(k === 'size' && (name === 'input' || name === 'select')))
            warn(tagStart, `<${name} ${k}>`, `${k}="${short(value)}" is not drawn in the PDF: give the element a class and style it in theme.css`);
          else if ((k === 'width' || k === 'height') && name !== 'img' && name !== 'svg' && name !== 'col' && name !== 'canvas' && name !== 'video' && name !== 'iframe')
            warn(tagStart, `<${name} ${k}>`, `${k}="${short(value)}" is not drawn in the PDF: tables and blocks take the page's width`);
        }
        if (name === 'img') {
          const src = attribs.src ?? '';
          if (src !== '' && !src.includes('{{') && !isLocalSrc(src) && !/^data:image\/(png|jpe?g|svg\+xml);base64,/i.test(src))
            warn(tagStart, '<img>', `<img src="${short(src)}"> is not drawn in the PDF and not loaded by the HTML (it loads nothing from outside): save the image in the template folder and name it by its path there`);
          if (attribs.alt === undefined) warn(tagStart, '<img>', '<img> has no alt text: screen readers and the PDF\'s text have nothing for it (write alt="…", or alt="" for decoration)');
        }
      },
      onclosetag(name) {
        if (name === 'svg' && svgDepth > 0) svgDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
  );
  parser.write(withoutComments(source));
  parser.end();
  return out;
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}
