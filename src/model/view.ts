import type { Relationship } from '../schema/relationship.js';
import type { RelationshipData } from '../schema/v2/normalize.js';
import { keyFigures, overview } from './summary.js';
import type { BriefView } from './view-types.js';
import { agreementsView } from './sections/agreements.js';
import { mechanismsView, organizationsView } from './sections/bodies.js';
import { anniversariesView, milestonesView } from './sections/calendar.js';
import { createViewContext, type ViewContext, type ViewOptions } from './sections/context.js';
import { contactsView, engagementsView, invitationsView } from './sections/engagements.js';
import { hasView } from './sections/has.js';
import { countriesView, metaView } from './sections/meta.js';
import { notesView, sourcesView } from './sections/notes.js';
import { peopleView } from './sections/people.js';
import { talkingPointsView } from './sections/talking-points.js';
import { tradeView } from './sections/trade.js';

export type { AudienceInfo, ViewOptions } from './sections/context.js';

/**
 * The pure model step: relationship + as-of + audience → everything a template shows. Each
 * section comes from its builder in ./sections/; the summary parts (key figures, overview,
 * talking points, notes' labels) read sections built before them. Key order is the view's
 * contract (`bilat templates fields`, goldens): keep it when adding a section.
 */
export function buildView(input: Relationship, opts: ViewOptions): BriefView {
  const ctx = createViewContext(input, opts);
  const { fmt, g } = ctx;
  const meta = metaView(ctx);
  const engagements = engagementsView(ctx);
  const contacts = contactsView(ctx, engagements);
  const trade = tradeView(ctx);
  const agreements = agreementsView(ctx);
  const organizations = organizationsView(ctx, engagements);
  const mechanisms = mechanismsView(ctx, engagements);
  const people = peopleView(ctx);
  const milestones = milestonesView(ctx);
  const anniversaries = anniversariesView(ctx);
  const invitations = invitationsView(engagements);
  const sources = sourcesView(ctx);
  const notes = notesView(ctx, { meta, engagements, people, trade, agreements, organizations, milestones, sources });
  const sections = {
    meta,
    countries: countriesView(ctx),
    keyFigures: keyFigures({ meta, engagements, trade, agreements, milestones }, fmt, g),
    talkingPoints: talkingPointsView(ctx, { trade, anniversaries, invitations }),
    overview: overview({ engagements, latestEngagement: contacts.latestEngagement, trade, agreements, milestones }, fmt, g),
    engagements,
    ...contacts,
    trade,
    agreements,
    organizations,
    mechanisms,
    people,
    milestones,
    anniversaries,
    invitations,
    notes,
    sources,
  };
  return { ...sections, has: hasView(sections, ctx.extra), ...v2Sections(ctx) };
}

/** Version 2 files only: indicators, status over time and quotes, after `has` (as templates have always seen them). */
function v2Sections({ rel, extra }: ViewContext): Pick<BriefView, 'indicators' | 'status' | 'quotes'> {
  return (rel as RelationshipData).v2 ? { indicators: extra.indicators, status: extra.status, quotes: extra.quotes } : {};
}
