/**
 * The data read in one language. Free text may be a string (in the data's `language`) or a
 * map per language (schema/common.ts localizedText); this walks the data along its schema
 * and puts in each such field the text of the language asked for, or, lacking it, the data's
 * own language's, recording where it fell back. Rules and the model then read plain strings.
 */
import type { z } from 'zod';
import { LOCALIZED } from '../schema/common.js';
import type { PlainText } from '../schema/plain-text.js';

export interface Fallback {
  path: PropertyKey[];
  /** The language the text is shown in instead. */
  lang: string;
}

export interface LocalizeOptions {
  /** The language wanted. */
  want: string;
  /** The language of plain strings (the data's `language`, default en). */
  dataLanguage: string;
  /** Wrap each text shown in another language in markers the brief turns into a tagged span (fallbackMarker). */
  mark?: boolean;
}

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

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  items?: z.ZodType[];
  in?: z.ZodType;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export function localize<T>(schema: z.ZodType<T>, value: T, opts: LocalizeOptions): { value: PlainText<T>; fallbacks: Fallback[] } {
  const fallbacks: Fallback[] = [];
  const pick = (v: unknown, path: PropertyKey[]): unknown => {
    if (typeof v === 'string') {
      if (opts.want === opts.dataLanguage) return v;
      fallbacks.push({ path, lang: opts.dataLanguage });
      return opts.mark ? fallbackMarker(opts.dataLanguage, v) : v;
    }
    if (v === null || typeof v !== 'object') return v;
    const map = v as Record<string, string>;
    if (Object.hasOwn(map, opts.want)) return map[opts.want];
    const lang = Object.hasOwn(map, opts.dataLanguage) ? opts.dataLanguage : Object.keys(map)[0];
    if (lang === undefined) return v;
    fallbacks.push({ path, lang });
    return opts.mark ? fallbackMarker(lang, map[lang]!) : map[lang];
  };
  const walk = (s: z.ZodType, v: unknown, path: PropertyKey[]): unknown => {
    if (v === undefined || v === null) return v;
    if (LOCALIZED.has(s)) return pick(v, path);
    const d = defOf(s);
    switch (d.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return walk(d.innerType!, v, path);
      case 'pipe':
        return walk(d.in!, v, path);
      case 'object': {
        if (typeof v !== 'object' || Array.isArray(v)) return v;
        const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
        for (const [k, fs] of Object.entries(d.shape ?? {})) if (Object.hasOwn(out, k)) out[k] = walk(fs, out[k], [...path, k]);
        return out;
      }
      case 'array':
        return Array.isArray(v) ? v.map((x, i) => walk(d.element!, x, [...path, i])) : v;
      case 'tuple':
        return Array.isArray(v) ? v.map((x, i) => (d.items?.[i] ? walk(d.items[i], x, [...path, i]) : x)) : v;
      default:
        return v;
    }
  };
  return { value: walk(schema, value, []) as PlainText<T>, fallbacks };
}
