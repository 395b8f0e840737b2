/**
 * The data read in one language. Free text may be a string (in the data's `language`) or a
 * map per language (schema/common.ts localizedText); this walks the data along its schema
 * and puts in each such field the text of the language asked for, or, lacking it, the data's
 * own language's, recording where it fell back. Rules and the model then read plain strings.
 */
import type { z } from 'zod';
import { LOCALIZED } from '../schema/common.js';
import type { PlainText } from '../schema/plain-text.js';
import { fallbackMarker } from './fallback-marks.js';

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

export { fallbackMarker, placeFallbacks, plainStrings, withoutMarkers } from './fallback-marks.js';

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
