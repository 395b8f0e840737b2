import type { Relationship } from '../schema/relationship.js';
import { parseDate } from './dates.js';
import { createGrammar, milestoneEvent, type Grammar } from './grammar/index.js';

export interface Anniversary {
  /** The milestone it marks. */
  of: string;
  /** What it marks, worded from the milestone's kind and dated: "the establishment of diplomatic relations in 1993". */
  title: string;
  year: number;
  ordinal: number;
  yearsAway: number;
  sources: string[];
}

/**
 * Milestone kinds whose round anniversaries are marked: events that found or raise a
 * relationship. A summit, a visit, a themed year or any "other" milestone has a date but no
 * anniversary. v1 has two such kinds; the other names are those a later schema may add
 * (embassies opened, partnership or alliance declared), listed so they count once they exist.
 */
export const FOUNDING_KINDS: ReadonlySet<string> = new Set([
  'diplomatic-relations',
  'treaty-signing',
  'embassy-opening',
  'strategic-partnership',
  'alliance',
]);

const RANK = { year: 0, month: 1, day: 2 } as const;

export const hasAnniversaries = (kind: string): boolean => FOUNDING_KINDS.has(kind);

/** Round anniversaries (every 5 years) of past founding milestones, from the as-of year on. */
/** `descriptive`: ids whose titles the data marks as descriptive (src/model/descriptive.ts); their wording says so. */
export function upcomingAnniversaries(
  rel: Relationship,
  asOf: string,
  horizonYears = 5,
  g: Grammar = createGrammar(),
  descriptive: ReadonlySet<string> = new Set(),
): Anniversary[] {
  const titled = (id: string, title: string) => (descriptive.has(id) ? g.t('title.descriptive', { title }) : title);
  const asOfYear = Number(asOf.slice(0, 4));
  const treaties = new Map((rel.agreements?.treaties ?? []).map((t) => [t.id, t]));
  const out: Anniversary[] = [];
  for (const m of rel.milestones ?? []) {
    if (!hasAnniversaries(m.kind) || m.status === 'planned') continue;
    const treaty = m.treaty === undefined ? undefined : treaties.get(m.treaty);
    // The treaty's own signing date when it is the same year given more precisely.
    const t = treaty?.signed === undefined ? undefined : parseDate(treaty.signed);
    const date = t && t.year === parseDate(m.date).year && RANK[t.precision] > RANK[parseDate(m.date).precision] ? treaty!.signed! : m.date;
    const title = milestoneEvent(g, {
      kind: m.kind,
      title: titled(m.id, m.title),
      treaty: treaty && titled(treaty.id, treaty.title),
      date,
    });
    const base = parseDate(m.date).year;
    if (base > asOfYear) continue;
    for (let y = asOfYear; y <= asOfYear + horizonYears; y++) {
      const n = y - base;
      if (n > 0 && n % 5 === 0) out.push({ of: m.id, title, year: y, ordinal: n, yearsAway: y - asOfYear, sources: m.sources ?? [] });
    }
  }
  return out.sort((a, b) => a.year - b.year || a.title.localeCompare(b.title));
}

/** "25th": kept for callers outside the view; the words come from the grammar module. */
export function ordinal(n: number): string {
  return createGrammar().ordinal(n);
}
