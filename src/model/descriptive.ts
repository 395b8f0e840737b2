import type { Relationship } from '../schema/relationship.js';

/**
 * Titles the data marks as descriptive (written by the desk, not the official name). With v1
 * data the mark is a data-quality note whose `about` lists the item's title as a path,
 * `<id>.title`. Every brief, public ones included (which print no notes), then shows the
 * title with a short mark saying so (src/model/grammar/catalog-en.ts "title.descriptive").
 */
export function descriptiveTitles(rel: Pick<Relationship, 'notes'>): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const n of rel.notes ?? []) for (const a of n.about) if (a.endsWith('.title') && a.length > 6) ids.add(a.slice(0, -6));
  return ids;
}
