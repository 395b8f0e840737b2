import { derivedTalkingPoints } from '../summary.js';
import type { BriefView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** Authored talking points come first; derived ones only fill a short list (never duplicates of 3+ authored). */
export function talkingPointsView(ctx: ViewContext, parts: Parameters<typeof derivedTalkingPoints>[0]): BriefView['talkingPoints'] {
  const authored = (ctx.rel.talkingPoints ?? [])
    .filter((t) => !t.audiences || t.audiences.includes(ctx.opts.audience.id))
    .map((t) => ({ text: t.text, refs: ctx.refs(t.sources) }));
  return (authored.length >= 3 ? authored : [...authored, ...derivedTalkingPoints(parts, ctx.fmt, ctx.g)]).slice(0, 5);
}
