/**
 * What a relationship file says, read straight from the YAML (not through src/), so the
 * brief tests follow the data instead of hard-coded lists.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Doc = Record<string, any>;

export function readRelationship(file: string, language?: string): Doc {
  const doc = parse(readFileSync(file, 'utf8')) as Doc;
  return inLanguage(doc, language ?? (typeof doc.language === 'string' ? doc.language : 'en'));
}

/** Free text written per language ({en: …, ru: …}) read in one of them, as the briefs in that language show it. */
function inLanguage(v: unknown, lang: string): any {
  if (Array.isArray(v)) return v.map((x) => inLanguage(x, lang));
  if (typeof v !== 'object' || v === null) return v;
  const entries = Object.entries(v);
  if (entries.length > 0 && entries.every(([k, x]) => /^[a-z]{2,3}$/.test(k) && typeof x === 'string') && Object.hasOwn(v, 'en'))
    return (v as Record<string, string>)[lang] ?? (v as Record<string, string>).en;
  return Object.fromEntries(entries.map(([k, x]) => [k, inLanguage(x, lang)]));
}

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInternal = (v: unknown) => isObject(v) && v.visibility === 'internal';

/** Enumerations: their values are labels every brief shares ("meeting", "info"), not content. */
const ENUM_KEYS = new Set(['visibility', 'severity', 'kind', 'status', 'topics']);

/** Every string and number in a value, as the strings a brief could print. */
function leaves(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number') out.push(...numberForms(v));
  else if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) if (!ENUM_KEYS.has(k)) leaves(x, out);
  return out;
}

const enGB = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });
/** 1444.3 may be printed as "1444.3" or "1,444.3". */
const numberForms = (n: number) => [...new Set([String(n), enGB.format(n)])];

/** Leaves of everything a press-safe brief may show: no internal item, no notes. */
function publicLeaves(doc: Doc): Set<string> {
  const out: string[] = [];
  const visit = (v: unknown, top: boolean) => {
    if (isInternal(v)) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, false));
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) if (!(top && k === 'notes')) visit(x, false);
    } else leaves(v, out);
  };
  visit(doc, true);
  return new Set(out);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Secret {
  /** Where the item sits, e.g. engagements[1] or notes[0]. */
  where: string;
  id?: string;
  /** Its strings that nothing public also says (so finding one in a public brief is a leak). */
  texts: string[];
}

/**
 * Items a public brief must not show: everything marked `visibility: internal` (at any depth)
 * and every data-quality note. Strings a public item also says (a place, a role, a source
 * id, a year) are left out, and so are words too short to be meaningful on their own.
 */
export function secretsOf(doc: Doc): Secret[] {
  const pub = [...publicLeaves(doc)];
  // "2019" is no secret when a public contact is dated 2019-01-15.
  const saidInPublic = (t: string) =>
    pub.some((p) => p === t || new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(t)}(?![\\p{L}\\p{N}])`, 'u').test(p));
  const keep = (xs: string[]) => [...new Set(xs)].filter((t) => t.trim().length >= 4 && !saidInPublic(t));
  const out: Secret[] = [];
  const visit = (v: unknown, path: string) => {
    if (isInternal(v)) {
      out.push({ where: path, id: (v as Doc).id, texts: keep(leaves(v)) });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) if (!(path === '' && k === 'notes')) visit(x, path ? `${path}.${k}` : k);
  };
  visit(doc, '');
  (doc.notes ?? []).forEach((n: Doc, i: number) => out.push({ where: `notes[${i}]`, id: n.id, texts: keep(leaves(n)) }));
  return out.filter((s) => s.texts.length > 0);
}

/** Proper names the data gives: people (and their other spellings), countries, capitals, organizations. */
export function namesOf(doc: Doc): string[] {
  const names: string[] = [];
  for (const c of doc.pair?.countries ?? []) names.push(c.name, c.officialName, c.capital);
  for (const p of doc.people ?? []) names.push(p.name, ...(p.aliases ?? []));
  for (const o of doc.organizations ?? []) names.push(o.name, ...(o.abbreviation ? [o.abbreviation] : []));
  return [...new Set(names.filter((n): n is string => typeof n === 'string'))];
}

/** Latest trade period that states a turnover (what the key figures lead with). */
export function latestTrade(doc: Doc): Doc | undefined {
  const withTurnover = (doc.trade ?? []).filter((t: Doc) => t.visibility !== 'internal' && typeof t.turnover === 'number');
  return withTurnover.sort((a: Doc, b: Doc) => String(a.end ?? a.start).localeCompare(String(b.end ?? b.start))).at(-1);
}

export const formatFigure = (n: number) => enGB.format(n);
