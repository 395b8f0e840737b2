/**
 * Text the data lacks in the brief's language travels through the model and the template
 * wrapped in markers (localize.ts puts them in); the HTML turns them into a tagged span, and
 * places that cannot carry markup drop them. Apart from localize.ts, which walks the schema,
 * so that compiling a template does not load zod.
 */

const START = '\uFDD2';
const MID = '\uFDD3';
const END = '\uFDD4';
const MARKERS = /\uFDD2([a-z]{2,3})\uFDD3([\s\S]*?)\uFDD4/g;

/** The text as the brief shows it when it is in `lang`, not the brief's language. */
export const fallbackMarker = (lang: string, text: string): string => `${START}${lang}${MID}${text}${END}`;

/** Text for places that cannot carry markup (titles, PDF metadata, charts): the markers removed. */
export const withoutMarkers = (s: string): string => (s.includes(START) ? s.replace(MARKERS, '$2') : s);

/** An object's strings (and lists of strings) without markers or isolates; other values as they are. */
export function plainStrings<T extends object>(o: T): T {
  // Metadata held no direction isolates before the grammar wrote it either: they go too.
  const clean = (v: unknown): unknown =>
    typeof v === 'string' ? withoutMarkers(v).replace(/[\u2068\u2069]/g, '') : Array.isArray(v) ? v.map(clean) : v;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, clean(v)])) as T;
}

/** HTML text with each marked run as `<span lang="en">…</span>` and a small tag naming the language. */
export function placeFallbacks(html: string, tagTitle: string): string {
  if (!html.includes(START)) return html;
  let out = '';
  for (let i = 0; i < html.length;) {
    const lt = html.indexOf('<', i);
    const gt = lt === -1 ? -1 : html.indexOf('>', lt);
    if (gt === -1) return out + inText(html.slice(i), tagTitle);
    out += inText(html.slice(i, lt), tagTitle) + withoutMarkers(html.slice(lt, gt + 1));
    i = gt + 1;
  }
  return out;
}

const inText = (text: string, title: string) =>
  text.replace(
    MARKERS,
    (_, lang: string, t: string) => `<span lang="${lang}">${t}</span><sup class="lang-tag" lang="${lang}" title="${title}">${lang}</sup>`,
  );
