import { upcomingAnniversaries } from '../anniversaries.js';
import { isAfter, sortKey } from '../dates.js';
import type { BriefView, DateView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** Milestones: `past` (held, or planned for a date already passed) and `planned`, each by date. A milestone keeps its `planned` mark in the view. */
export function milestonesView(ctx: ViewContext): BriefView['milestones'] {
  const all = (ctx.rel.milestones ?? []).map((m) => ({
    id: m.id,
    title: ctx.titled(m.id, m.title),
    kind: m.kind,
    date: ctx.itemDate(m),
    refs: ctx.refs(m.sources),
    planned: m.status === 'planned' && isAfter(m.date, ctx.opts.asOf),
  }));
  return { past: all.filter((m) => !m.planned).sort(byDate), planned: all.filter((m) => m.planned).sort(byDate) };
}

const byDate = (x: { date: DateView }, y: { date: DateView }) => sortKey(x.date.raw).localeCompare(sortKey(y.date.raw));

/** Round anniversaries in the next five years, in words. */
export function anniversariesView(ctx: ViewContext): BriefView['anniversaries'] {
  const { g } = ctx;
  return upcomingAnniversaries(ctx.rel, ctx.opts.asOf, 5, g, ctx.descriptive).map((x) => {
    const nth = g.ordinal(x.ordinal);
    return {
      title: x.title,
      label: g.t('anniversary.of', { ordinal: nth, event: x.title, number: x.ordinal }),
      year: x.year,
      ordinal: nth,
      yearsAway: x.yearsAway,
      when: g.inYears(x.yearsAway),
      refs: ctx.refs(x.sources),
    };
  });
}
