import { extrasOf } from '../../schema/v2/normalize.js';
import { sortKey } from '../dates.js';
import { latestTotal, leadTreaty } from '../headline.js';
import { numberLabel } from '../quantity-label.js';
import type { BriefView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** Agreement counts in date order, the treaties, and the count and treaty the summary headlines. */
export function agreementsView(ctx: ViewContext): BriefView['agreements'] {
  const { rel, fmt, g, refs, extra } = ctx;
  const counts = [...(rel.agreements?.counts ?? [])]
    .sort((x, y) => sortKey(x.asOf).localeCompare(sortKey(y.asOf)))
    .map((c) => ({
      count: c.count,
      ...countLabel(ctx, c),
      asOf: fmt.date(c.asOf),
      asOfDate: String(c.asOf),
      scope: c.scope,
      scopeLabel: c.scope ?? g.t('noun.agreement', { n: c.count }),
      refs: refs(c.sources),
    }));
  const treaties = (rel.agreements?.treaties ?? []).map((t) => ({
    id: t.id,
    title: ctx.titled(t.id, t.title),
    signed: t.signed === undefined ? undefined : fmt.date(t.signed),
    signedDate: t.signed === undefined ? undefined : String(t.signed),
    signedInferred: t.signedInferred,
    refs: refs(t.sources),
    ...extra.treaties.get(t.id),
  }));
  const lead = leadTreaty(rel.agreements?.treaties ?? [], rel.milestones ?? []);
  return {
    counts,
    treaties,
    total: latestTotalView(counts),
    lead: lead === undefined ? undefined : treaties.find((t) => t.id === lead.id),
  };
}

/** An approximate count as printed ("over 150"; v2 only). */
function countLabel(ctx: ViewContext, c: object): { countLabel?: string } {
  const q = extrasOf(c).qualified?.count;
  return q ? { countLabel: numberLabel(ctx.g, ctx.fmt, q, 0) } : {};
}

/** latestTotal over count views, read by their raw dates. */
function latestTotalView<T extends { count: number; asOfDate: string }>(counts: T[]): T | undefined {
  const pick = latestTotal(counts.map((c, i) => ({ count: c.count, asOf: c.asOfDate, i })));
  return pick === undefined ? undefined : counts[pick.i];
}
