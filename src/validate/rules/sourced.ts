import type { Diagnostic } from '../../diagnostics.js';
import { diag, type RuleContext } from '../context.js';

const HINT = 'add sources: [<source id>] — every fact in a brief must trace to a source';

/** Facts without a source never reach a brief: each item (or its parent) must cite one. */
export function sourced(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const d = ctx.data;
  const need = (has: readonly string[] | undefined, path: PropertyKey[], what: string) => {
    if (!has || has.length === 0) out.push(diag(ctx, 'error', 'unsourced', path, `${what} has no source`, HINT));
  };
  d.people?.forEach((p, i) =>
    p.roles.forEach((r, j) => need(r.sources ?? p.sources, ['people', i, 'roles', j], `role "${r.title}" of ${p.name}`)),
  );
  d.engagements?.forEach((e, i) => {
    need(e.sources, ['engagements', i], `engagement "${e.id}"`);
    e.outcomes?.forEach((o, j) => need(o.sources ?? e.sources, ['engagements', i, 'outcomes', j], 'outcome'));
  });
  d.agreements?.counts?.forEach((c, i) => need(c.sources, ['agreements', 'counts', i], 'agreement count'));
  d.agreements?.treaties?.forEach((t, i) => need(t.sources, ['agreements', 'treaties', i], `treaty "${t.id}"`));
  d.trade?.forEach((t, i) => need(t.sources, ['trade', i], `trade period "${t.id}"`));
  d.organizations?.forEach((o, i) => need(o.sources, ['organizations', i], `organization "${o.id}"`));
  d.milestones?.forEach((m, i) => need(m.sources, ['milestones', i], `milestone "${m.id}"`));
  d.talkingPoints?.forEach((t, i) => need(t.sources, ['talkingPoints', i], 'talking point'));
  return out;
}
