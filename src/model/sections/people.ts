import type { BriefView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** People named in the data, with their roles over time. */
export function peopleView(ctx: ViewContext): BriefView['people'] {
  const { g, refs } = ctx;
  return (ctx.rel.people ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    aliases: p.aliases ?? [],
    country: p.country,
    countryName: ctx.countryName(p.country),
    roles: p.roles.map((r) => ({ title: r.title, period: g.tenure(r.from, r.to), refs: refs(r.sources ?? p.sources) })),
    flags: ctx.flags(p.quality),
  }));
}
