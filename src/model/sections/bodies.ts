import type { Relationship } from '../../schema/relationship.js';
import { isBilateralBody } from '../mechanisms.js';
import type { BriefView, EngagementView, OrganizationView } from '../view-types.js';
import type { ViewContext } from './context.js';

type Organization = NonNullable<Relationship['organizations']>[number];

/** Organizations and formats with other members (multilateral cooperation), most mentioned first. */
export function organizationsView(ctx: ViewContext, engagements: EngagementView[]): BriefView['organizations'] {
  return orgViews(
    ctx,
    engagements,
    (ctx.rel.organizations ?? []).filter((o) => !isBilateralBody(o)),
  );
}

/** Bodies of the pair: v1 organizations of kind bilateral-body, then v2 mechanisms. */
export function mechanismsView(ctx: ViewContext, engagements: EngagementView[]): BriefView['mechanisms'] {
  return [
    ...orgViews(ctx, engagements, (ctx.rel.organizations ?? []).filter(isBilateralBody)).map((o) => ({
      id: o.id,
      name: o.name,
      abbreviation: o.abbreviation,
      kind: '',
      aliases: [],
      coChairs: [],
      sessions: [],
      engagements: o.engagements,
      mentions: o.mentions,
      refs: o.refs,
      flags: o.flags,
    })),
    ...ctx.extra.mechanisms,
  ];
}

function orgViews(ctx: ViewContext, engagements: EngagementView[], list: Organization[]): OrganizationView[] {
  return list
    .map((o) => {
      const inEngagements = engagements.filter((e) => e.organizations.some((x) => x.id === o.id));
      return {
        id: o.id,
        name: o.name,
        abbreviation: o.abbreviation,
        mentions: inEngagements.length,
        engagements: inEngagements.map((e) => `${e.date.label}: ${e.title}`),
        refs: ctx.refs(o.sources),
        flags: ctx.flags(o.quality),
      };
    })
    .sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name));
}
