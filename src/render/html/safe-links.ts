/**
 * Defence in depth behind the schema's http/https/mailto rule: whatever a template or a value
 * put in the brief, no link or source in the HTML uses another scheme (javascript:, data:,
 * file:, vbscript:…). Such an attribute is dropped from its tag; the text it wrapped stays.
 * Only tags that need it are rewritten, so every other byte of the document is unchanged.
 */
import { Parser } from 'htmlparser2';

/** Attributes a browser follows or loads as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'ping']);
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
/** Inline images (charts, figures) are the one data: URL a brief has; they cannot run code as an <img>. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp);/i;
/** An SVG runs no script as an <img> (a template's logo or seal), but could in a frame or object: on <img> only. */
const DATA_SVG = /^data:image\/svg\+xml;/i;

/** The scheme a browser would see: it ignores surrounding spaces and controls, and tabs or line breaks inside. */
function schemeOf(value: string): string | undefined {
  let v = '';
  for (const c of value) if (c !== '\t' && c !== '\n' && c !== '\r') v += c;
  v = v.replace(/^[\u0000-\u0020]+/, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v)?.[1]?.toLowerCase();
}

export function isSafeUrl(attribute: string, value: string, tag?: string): boolean {
  const scheme = schemeOf(value);
  if (scheme === undefined || LINK_SCHEMES.has(scheme)) return true; // relative, #fragment, or an allowed scheme
  return attribute === 'src' && scheme === 'data' && (DATA_IMAGE.test(value.trim()) || (tag === 'img' && DATA_SVG.test(value.trim())));
}

const escapeAttribute = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `html` with every URL attribute of a refused scheme removed from its tag. */
export function dropUnsafeLinks(html: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const entries = Object.entries(attribs);
        const kept = entries.filter(([k, v]) => !URL_ATTRIBUTES.has(k.toLowerCase()) || isSafeUrl(k.toLowerCase(), v, name.toLowerCase()));
        if (kept.length === entries.length) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const close = html.slice(start, end).endsWith('/>') ? ' />' : '>';
        edits.push({ start, end, text: `<${name}${kept.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}${close}` });
      },
    },
    { recognizeSelfClosing: true },
  );
  parser.end(html);
  let out = html;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
