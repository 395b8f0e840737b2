import type { Relationship } from '../schema/relationship.js';
import { parseDate } from './dates.js';
import { createGrammar, milestoneEvent, type Grammar } from './grammar/index.js';

export interface Anniversary {
  /** The milestone or treaty it marks. */
  of: string;
  /** What it marks, worded from the milestone's kind: "the establishment of diplomatic relations". */
  title: string;
  year: number;
  ordinal: number;
  yearsAway: number;
  sources: string[];
}

/** Round anniversaries (every 5 years) of past milestones and treaties, from the as-of year on. */
export function upcomingAnniversaries(rel: Relationship, asOf: string, horizonYears = 5, g: Grammar = createGrammar()): Anniversary[] {
  const asOfYear = Number(asOf.slice(0, 4));
  const bases: { id: string; title: string; date: string | number; sources: string[] }[] = [];
  const treaties = new Map((rel.agreements?.treaties ?? []).map((t) => [t.id, t.title]));
  for (const m of rel.milestones ?? []) {
    if (m.kind === 'anniversary' || m.status === 'planned') continue;
    const title = milestoneEvent(g, { kind: m.kind, title: m.title, treaty: m.treaty === undefined ? undefined : treaties.get(m.treaty) });
    bases.push({ id: m.id, title, date: m.date, sources: m.sources ?? [] });
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

/** "25th": kept for callers outside the view; the words come from the grammar module. */
export function ordinal(n: number): string {
  return createGrammar().ordinal(n);
}
