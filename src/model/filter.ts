import type { Relationship } from '../schema/relationship.js';

/**
 * The press-safe cut: drop every item marked internal, every data-quality note, and any
 * reference that would point at something dropped. Pure; returns a new object.
 */
export function filterPublic(rel: Relationship): Relationship {
  const pub = <T extends { visibility?: string }>(xs: readonly T[] | undefined): T[] | undefined =>
    xs?.filter((x) => x.visibility !== 'internal');
  const sources = pub(rel.sources) ?? [];
  const sourceIds = new Set(sources.map((s) => s.id));
  const keepSources = (ids: readonly string[] | undefined) => ids?.filter((id) => sourceIds.has(id));
  const clean = <T extends { sources?: string[]; quality?: string[] }>(x: T): T => ({
    ...x,
    sources: keepSources(x.sources),
    quality: undefined,
  });
  const people = pub(rel.people)?.map((p) => ({ ...clean(p), roles: pub(p.roles)!.map(clean) }));
  const personIds = new Set(people?.map((p) => p.id));
  const orgs = pub(rel.organizations)?.map(clean);
  const orgIds = new Set(orgs?.map((o) => o.id));
  return {
    ...rel,
    sources: sources.map((s) => ({ ...s, quality: undefined })),
    people,
    engagements: pub(rel.engagements)?.map((e) => ({
      ...clean(e),
      participants: e.participants?.filter((p) => personIds.has(p.person)),
      organizations: e.organizations?.filter((o) => orgIds.has(o)),
      outcomes: pub(e.outcomes)?.map(clean),
    })),
    agreements: rel.agreements && {
      counts: pub(rel.agreements.counts)?.map(clean),
      treaties: pub(rel.agreements.treaties)?.map(clean),
    },
    trade: pub(rel.trade)?.map(clean),
    organizations: orgs,
    milestones: pub(rel.milestones)?.map(clean),
    talkingPoints: pub(rel.talkingPoints)?.map(clean),
    notes: undefined,
  };
}
