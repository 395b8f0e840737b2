import type { Grammar } from './grammar/index.js';
import type { BriefView } from './view-types.js';

/**
 * What a reader sees instead of a data id: the titled entity, with its date where it has one
 * ("Official visit (2018)", "Trade in January–October 2018, as reported by Azerbaijan"). Ids
 * are the data's internal keys; they never appear in a brief (tests/model/no-ids.test.ts).
 */
export function readableLabels(
  v: Pick<BriefView, 'engagements' | 'people' | 'trade' | 'agreements' | 'organizations' | 'milestones' | 'sources' | 'meta'>,
  notes: readonly { id: string; n: number }[],
  g: Grammar,
  pairId: string,
): Map<string, string> {
  const m = new Map<string, string>();
  const dated = (title: string, date: string) => g.t('label.dated', { title, date });
  for (const s of v.sources) m.set(s.id, g.t('label.source', { n: s.n }));
  for (const o of v.organizations) m.set(o.id, o.abbreviation ?? o.name);
  for (const p of v.people) m.set(p.id, p.name);
  for (const t of v.agreements.treaties) m.set(t.id, t.signed === undefined ? t.title : dated(t.title, t.signed));
  for (const x of [...v.milestones.past, ...v.milestones.planned]) m.set(x.id, dated(x.title, x.date.label));
  for (const t of v.trade.periods) m.set(t.id, g.t('label.trade', { during: t.during, reporter: t.reporterName }));
  for (const e of v.engagements) m.set(e.id, dated(e.title, e.date.label));
  for (const n of notes) m.set(n.id, g.t('label.note', { n: n.n }));
  m.set(pairId, v.meta.title);
  return m;
}

/**
 * A note's `about` entry as a reader should see it: an item id becomes the item's label; a
 * path into an item (`az-2018.balance`) the label with the field; anything else (a free data
 * path the note was written against) stays as written, for it names no item.
 */
export function aboutLabel(entry: string, labels: ReadonlyMap<string, string>, g: Grammar): string {
  const whole = labels.get(entry);
  if (whole !== undefined) return whole;
  // Ids may hold dots themselves: try the longest id first.
  for (let i = entry.lastIndexOf('.'); i > 0; i = entry.lastIndexOf('.', i - 1)) {
    const item = labels.get(entry.slice(0, i));
    if (item !== undefined) return g.t('label.field', { item, field: entry.slice(i + 1) });
  }
  return entry;
}
