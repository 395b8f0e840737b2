import type { Diagnostic } from '../../diagnostics.js';
import { diag, type RuleContext } from '../context.js';

const HINT = 'cite a public source too, or mark the item visibility: internal';

/**
 * A public item whose every source is internal would print in the press-safe brief with no
 * footnote (the internal sources are left out there): warn, so it is sourced or kept internal.
 */
export function publicSourcing(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const d = ctx.data;
  const internal = new Set(d.sources.filter((s) => s.visibility === 'internal').map((s) => s.id));
  if (internal.size === 0) return out;
  const check = (item: { visibility?: string }, sources: readonly string[] | undefined, path: PropertyKey[], what: string) => {
    if (item.visibility === 'internal' || !sources?.length) return;
    if (sources.every((id) => internal.has(id)))
      out.push(
        diag(
          ctx,
          'warning',
          'public-sourcing',
          path,
          `${what} is public but cites only internal sources (${sources.join(', ')}): the public brief would print it with no footnote`,
          HINT,
        ),
      );
  };
  d.people?.forEach((p, i) => {
    if (p.visibility === 'internal') return;
    p.roles.forEach((r, j) => check(r, r.sources ?? p.sources, ['people', i, 'roles', j], `role "${r.title}" of ${p.name}`));
  });
  d.engagements?.forEach((e, i) => {
    check(e, e.sources, ['engagements', i], `engagement "${e.id}"`);
    if (e.visibility !== 'internal')
      e.outcomes?.forEach((o, j) => check(o, o.sources ?? e.sources, ['engagements', i, 'outcomes', j], 'outcome'));
  });
  d.agreements?.counts?.forEach((c, i) => check(c, c.sources, ['agreements', 'counts', i], 'agreement count'));
  d.agreements?.treaties?.forEach((t, i) => check(t, t.sources, ['agreements', 'treaties', i], `treaty "${t.id}"`));
  d.trade?.forEach((t, i) => check(t, t.sources, ['trade', i], `trade period "${t.id}"`));
  d.organizations?.forEach((o, i) => check(o, o.sources, ['organizations', i], `organization "${o.id}"`));
  d.milestones?.forEach((m, i) => check(m, m.sources, ['milestones', i], `milestone "${m.id}"`));
  // A talking point limited to other audiences never reaches the public brief.
  d.talkingPoints?.forEach(
    (t, i) => (!t.audiences || t.audiences.includes('public')) && check(t, t.sources, ['talkingPoints', i], 'talking point'),
  );
  return out;
}
