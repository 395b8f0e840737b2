import type { Engagement } from '../../schema/relationship.js';
import { ownValue } from '../../own-key.js';
import { parseDate, sortKey } from '../dates.js';
import { isHighLevel } from '../mechanisms.js';
import type { BriefView, EngagementView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** Every engagement the audience may see, in date order. */
export function engagementsView(ctx: ViewContext): EngagementView[] {
  return [...(ctx.rel.engagements ?? [])].sort((x, y) => sortKey(x.date).localeCompare(sortKey(y.date))).map((e) => engagementView(ctx, e));
}

function engagementView(ctx: ViewContext, e: Engagement): EngagementView {
  const { g, kinds, people, orgs, refs, flags, extra } = ctx;
  return {
    id: e.id,
    date: ctx.itemDate(e),
    kind: e.kind,
    kindLabel: ownValue(kinds, e.kind) ?? e.kind,
    title: e.title === undefined ? (ownValue(kinds, e.kind) ?? e.kind) : ctx.titled(e.id, e.title),
    status: e.status ?? 'held',
    participants: (e.participants ?? []).map((p) => {
      const person = people.get(p.person);
      // A v2 participant may hold several roles that day ("Minister …; Co-chair of …").
      const roles = (p as { roles?: string[] }).roles;
      return { name: person?.name ?? p.person, role: p.role ?? roles?.join('; '), country: person?.country ?? '' };
    }),
    place: e.place,
    occasion: e.occasion,
    organizations: (e.organizations ?? []).map((id) => ({ id, label: orgs.get(id)?.abbreviation ?? orgs.get(id)?.name ?? id })),
    topics: (e.topics ?? []).map((t) => g.label('topic', t)),
    tags: e.tags ?? [],
    summary: e.summary,
    outcomes: (e.outcomes ?? []).map((o) => ({ kind: o.kind, text: o.text, refs: refs(o.sources ?? e.sources) })),
    refs: refs(e.sources),
    flags: flags(e.quality),
    internal: e.visibility === 'internal',
    highLevel: isHighLevel({ kind: e.kind, participants: e.participants ?? [], organizations: e.organizations ?? [] }),
    ...(extra.documents.has(e.id) ? { documents: extra.documents.get(e.id) } : {}),
  };
}

/** The contacts part of the view: the latest and recent high-level contacts, and the per-year counts the chart draws. */
export function contactsView(
  ctx: ViewContext,
  engagements: EngagementView[],
): Pick<BriefView, 'latestEngagement' | 'recentContacts' | 'contactsByYear'> {
  // Contacts per year by kind; items with a questionable date are counted apart, not charted.
  const held = engagements.filter((e) => !e.date.suspect && e.status !== 'planned');
  const counted = held.filter((e) => e.highLevel);
  const perYear = new Map<string, number>();
  for (const e of counted) {
    const k = `${parseDate(e.date.raw).year}|${e.kind}`;
    perYear.set(k, (perYear.get(k) ?? 0) + 1);
  }
  const rows = [...perYear]
    .map(([k, count]) => {
      const [year, kind] = k.split('|');
      return { year: Number(year), kind: kind!, count };
    })
    .sort((x, y) => x.year - y.year || x.kind.localeCompare(y.kind));
  return {
    latestEngagement: [...counted].reverse()[0],
    recentContacts: [...counted].reverse(),
    contactsByYear: {
      rows,
      kindLabels: ctx.kinds,
      excluded: engagements.length - held.length,
      forums: held.length - counted.length,
      refs: ctx.refs([...new Set(counted.flatMap((e) => e.refs.map((r) => r.id)))]),
    },
  };
}

/** Invitations extended at engagements (outcomes of kind `invitation`). */
export function invitationsView(engagements: EngagementView[]): BriefView['invitations'] {
  return engagements.flatMap((e) =>
    e.outcomes.filter((o) => o.kind === 'invitation').map((o) => ({ text: o.text, date: e.date.label, refs: o.refs })),
  );
}
