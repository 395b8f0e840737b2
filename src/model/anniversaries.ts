import type { Relationship } from '../schema/relationship.js';
import { parseDate } from './dates.js';
import { withArticle } from './names.js';

export interface Anniversary {
  /** The milestone or treaty it marks. */
  of: string;
  title: string;
  year: number;
  ordinal: number;
  yearsAway: number;
  sources: string[];
}

/** Round anniversaries (every 5 years) of past milestones and treaties, from the as-of year on. */
export function upcomingAnniversaries(rel: Relationship, asOf: string, horizonYears = 5): Anniversary[] {
  const asOfYear = Number(asOf.slice(0, 4));
  const bases: { id: string; title: string; date: string | number; sources: string[] }[] = [];
  for (const m of rel.milestones ?? []) {
    if (m.kind === 'anniversary' || m.status === 'planned') continue;
    bases.push({ id: m.id, title: anniversaryTitle(m.title), date: m.date, sources: m.sources ?? [] });
  }
  const out: Anniversary[] = [];
  for (const b of bases) {
    const base = parseDate(b.date).year;
    if (base > asOfYear) continue;
    for (let y = asOfYear; y <= asOfYear + horizonYears; y++) {
      const n = y - base;
      if (n > 0 && n % 5 === 0) out.push({ of: b.id, title: b.title, year: y, ordinal: n, yearsAway: y - asOfYear, sources: b.sources });
    }
  }
  return out.sort((a, b) => a.year - b.year || a.title.localeCompare(b.title));
}

export function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** "Treaty X signed" → "the signing of the Treaty X"; "Diplomatic relations established" → "the establishment of diplomatic relations". */
function anniversaryTitle(title: string): string {
  const signed = /^(.*) signed$/i.exec(title);
  if (signed) return `the signing of ${withArticle(signed[1]!)}`;
  const est = /^(.*) established$/i.exec(title);
  if (est) return `the establishment of ${est[1]!.charAt(0).toLowerCase()}${est[1]!.slice(1)}`;
  return title;
}
