import type { BriefView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** Counts, to let templates drop empty sections. */
export function hasView(v: Omit<BriefView, 'has' | 'fit'>, extra: ViewContext['extra']): BriefView['has'] {
  return {
    keyFigures: v.keyFigures.length > 0,
    talkingPoints: v.talkingPoints.length > 0,
    engagements: v.engagements.length > 0,
    contactsChart: v.contactsByYear.rows.length > 0,
    trade: v.trade.periods.length > 0,
    tradeSeries: v.trade.periods.length > 1,
    agreements: v.agreements.counts.length + v.agreements.treaties.length > 0,
    organizations: v.organizations.length > 0,
    mechanisms: v.mechanisms.length > 0,
    people: v.people.length > 0,
    milestones: v.milestones.past.length + v.milestones.planned.length > 0,
    indicators: extra.indicators.length > 0,
    status: extra.status.length > 0,
    quotes: extra.quotes.length > 0,
    anniversaries: v.anniversaries.length > 0,
    invitations: v.invitations.length > 0,
    notes: v.notes.length > 0,
  };
}
