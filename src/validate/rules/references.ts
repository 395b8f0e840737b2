import type { Diagnostic } from '../../diagnostics.js';
import { didYouMean } from '../did-you-mean.js';
import { diag, type RuleContext } from '../context.js';
import { refChecker } from './ids.js';
import type { RelationshipData } from '../../schema/v2/normalize.js';

/** Every id a fact points at must exist: sources, people, organizations, notes, milestones. */
export function references(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ref = refChecker(ctx, out);
  const d = ctx.data;
  const sources = (list: readonly string[] | undefined, path: PropertyKey[]) =>
    list?.forEach((s, i) => ref('sources', s, [...path, 'sources', i]));
  const notes = (list: readonly string[] | undefined, path: PropertyKey[]) =>
    list?.forEach((s, i) => ref('notes', s, [...path, 'quality', i]));

  const codes = d.pair.countries.map((c) => c.code);
  if (codes[0] === codes[1])
    out.push(
      diag(
        ctx,
        'error',
        'pair',
        ['pair', 'countries', 1, 'code'],
        'both countries have the same code',
        'a relationship needs two different countries',
      ),
    );

  d.sources.forEach((s, i) => notes(s.quality, ['sources', i]));
  d.people?.forEach((p, i) => {
    sources(p.sources, ['people', i]);
    notes(p.quality, ['people', i]);
    p.roles.forEach((r, j) => sources(r.sources, ['people', i, 'roles', j]));
  });
  d.engagements?.forEach((e, i) => {
    const base = ['engagements', i];
    sources(e.sources, base);
    notes(e.quality, base);
    e.organizations?.forEach((o, j) => ref('organizations', o, [...base, 'organizations', j]));
    e.participants?.forEach((p, j) => {
      if (!ref('people', p.person, [...base, 'participants', j, 'person']) || !p.role) return;
      const person = d.people!.find((x) => x.id === p.person)!;
      const titles = person.roles.map((r) => r.title);
      if (!titles.includes(p.role)) {
        const guess = didYouMean(p.role, titles);
        out.push(
          diag(
            ctx,
            'error',
            'reference',
            [...base, 'participants', j, 'role'],
            `${person.name} has no role "${p.role}"`,
            guess ? `did you mean "${guess}"?` : `known roles: ${titles.join('; ')}`,
          ),
        );
      }
    });
    e.outcomes?.forEach((o, j) => {
      sources(o.sources, [...base, 'outcomes', j]);
      if (o.by) ref('people', o.by, [...base, 'outcomes', j, 'by']);
      if (o.to) ref('people', o.to, [...base, 'outcomes', j, 'to']);
    });
  });
  d.agreements?.counts?.forEach((c, i) => sources(c.sources, ['agreements', 'counts', i]));
  d.agreements?.treaties?.forEach((t, i) => sources(t.sources, ['agreements', 'treaties', i]));
  d.trade?.forEach((t, i) => {
    sources(t.sources, ['trade', i]);
    notes(t.quality, ['trade', i]);
    // Version 2 lets a source leave the reporter open: `unknown` is not a country to check.
    if (!codes.includes(t.reporter) && !((ctx.data as RelationshipData).v2 && (t.reporter as string) === 'unknown'))
      out.push(
        diag(ctx, 'error', 'reference', ['trade', i, 'reporter'], `reporter "${t.reporter}" is not one of the pair (${codes.join(', ')})`),
      );
  });
  d.organizations?.forEach((o, i) => {
    sources(o.sources, ['organizations', i]);
    notes(o.quality, ['organizations', i]);
  });
  d.milestones?.forEach((m, i) => {
    sources(m.sources, ['milestones', i]);
    notes(m.quality, ['milestones', i]);
    if (m.of) ref('milestones', m.of, ['milestones', i, 'of']);
    if (m.organization) ref('organizations', m.organization, ['milestones', i, 'organization']);
    if (m.treaty) ref('treaties', m.treaty, ['milestones', i, 'treaty']);
  });
  d.talkingPoints?.forEach((t, i) => sources(t.sources, ['talkingPoints', i]));
  d.notes?.forEach((n, i) => sources(n.sources, ['notes', i]));
  return out;
}

/** Sources nobody cites are probably a typo elsewhere; a warning. */
export function unusedSources(ctx: RuleContext): Diagnostic[] {
  const cited = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'sources' && Array.isArray(x)) x.forEach((id) => typeof id === 'string' && cited.add(id));
        else walk(x);
      }
  };
  walk({ ...ctx.data, sources: undefined });
  return ctx.data.sources.flatMap((s, i) =>
    cited.has(s.id) ? [] : [diag(ctx, 'warning', 'unused-source', ['sources', i, 'id'], `source "${s.id}" is not cited by any fact`)],
  );
}
