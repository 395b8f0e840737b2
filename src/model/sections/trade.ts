import { extrasOf } from '../../schema/v2/normalize.js';
import { isPartialPeriod, sortKey } from '../dates.js';
import { commonUnit, latestPeriod, reportersOf, tradeNotes, tradeOrder } from '../perspective.js';
import { numberLabel } from '../quantity-label.js';
import type { BriefView, TradeView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** Trade periods in time order, and what the table, headline and chart read from them. */
export function tradeView(ctx: ViewContext): BriefView['trade'] {
  const { rel, g, pairOrder, countryName } = ctx;
  const [a, b] = rel.pair.countries;
  const periods: TradeView[] = [...(rel.trade ?? [])].sort(tradeOrder(pairOrder, sortKey)).map((t) => {
    const both = t.exports !== undefined && t.imports !== undefined;
    return {
      id: t.id,
      label: t.label ?? g.period(t.start, t.end),
      during: t.label === undefined ? g.during(t.start, t.end) : g.t('period.in', { period: t.label }),
      start: String(t.start),
      end: String(t.end),
      reporter: t.reporter,
      // A v2 period whose source does not say whose statistics these are: never a country's name.
      reporterName: t.reporter === 'unknown' ? g.t('trade.reporter-unknown') : countryName(t.reporter),
      partnerName: t.reporter === 'unknown' ? g.t('trade.partner-unknown') : countryName(t.reporter === a.code ? b.code : a.code),
      currency: t.currency,
      unit: t.unit,
      unitLabel: g.unit(t.currency, t.unit),
      exports: t.exports,
      imports: t.imports,
      turnover: t.turnover ?? (both ? round(t.exports! + t.imports!) : undefined),
      balance: t.balance ?? (both ? round(t.exports! - t.imports!) : undefined),
      turnoverComputed: t.turnover === undefined && both,
      balanceComputed: t.balance === undefined && both,
      partial: isPartialPeriod(t.start, t.end),
      refs: ctx.refs(t.sources),
      flags: ctx.flags(t.quality),
      ...qualifiedFigures(ctx, t),
    };
  });
  // The latest period reported in full (both flows) drives key figures and the split chart.
  return {
    periods,
    latest: latestPeriod(periods),
    reporters: reportersOf(periods, pairOrder),
    unitLabel: commonUnit(periods),
    ...tradeNotes(g, periods, pairOrder),
  };
}

/** Approximate trade figures as printed: { turnover: "over 11" } (v2 only; nothing for exact ones). */
function qualifiedFigures(ctx: ViewContext, t: object): { qualified?: TradeView['qualified'] } {
  const q = extrasOf(t).qualified;
  if (!q) return {};
  const out: NonNullable<TradeView['qualified']> = {};
  for (const k of ['exports', 'imports', 'turnover', 'balance'] as const) if (q[k]) out[k] = numberLabel(ctx.g, ctx.fmt, q[k]);
  return { qualified: out };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
