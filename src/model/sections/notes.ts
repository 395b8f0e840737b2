import { sourceCredit } from '../grammar/index.js';
import { aboutLabel, readableLabels } from '../readable.js';
import type { BriefView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** The numbered sources, in the file's order (the numbers refs point at). */
export function sourcesView(ctx: ViewContext): BriefView['sources'] {
  const { fmt, g } = ctx;
  return ctx.rel.sources.map((s, i) => ({
    n: i + 1,
    id: s.id,
    title: ctx.titled(s.id, s.title),
    publisher: s.publisher,
    relays: s.relays ?? [],
    via: s.via,
    credit: sourceCredit(g, s),
    published: s.published === undefined ? undefined : fmt.date(s.published),
    publishedInferred: s.publishedInferred,
    kind: s.kind,
    url: s.url,
  }));
}

/**
 * Data-quality notes, numbered; what each is about named by the items' titles and dates
 * (src/model/readable.ts), read from the sections already built.
 */
export function notesView(ctx: ViewContext, items: Parameters<typeof readableLabels>[0]): BriefView['notes'] {
  const { rel, g, refs } = ctx;
  const notes = rel.notes ?? [];
  const labels = readableLabels(
    items,
    notes.map((n, i) => ({ id: n.id, n: i + 1 })),
    g,
    rel.pair.id,
  );
  return notes.map((n, i) => ({
    id: n.id,
    n: i + 1,
    about: n.about,
    aboutLabels: n.about.map((x) => aboutLabel(x, labels, g)),
    says: n.says,
    problem: n.problem,
    action: n.action,
    severity: n.severity ?? 'info',
    refs: refs(n.sources),
  }));
}
