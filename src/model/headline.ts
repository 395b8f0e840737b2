import type { AgreementCount, Milestone, Treaty } from '../schema/relationship.js';
import { sortKey } from './dates.js';

/**
 * Which of several recorded facts a headline states, chosen by date and kind, never by the
 * order of the file. See the README section "Headline figures".
 */

/**
 * The agreement total to headline: the latest count that is a running total. A count is a
 * running total when it is not smaller than any count dated before it (totals only grow); a
 * later, smaller count (the documents of one visit, say) is listed but not headlined. Of two
 * counts on one date, the larger.
 */
export function latestTotal<T extends Pick<AgreementCount, 'count' | 'asOf'>>(counts: readonly T[]): T | undefined {
  const byDate = [...counts].sort((x, y) => sortKey(x.asOf).localeCompare(sortKey(y.asOf)) || x.count - y.count);
  let best: T | undefined;
  for (const c of byDate) if (best === undefined || c.count >= best.count) best = c;
  return best;
}

/**
 * Treaty kinds by importance, highest first: the founding and status-setting treaties before
 * sectoral agreements. v1 treaties carry no kind (they rank as unknown); a `kind` field, when a
 * later schema adds one, is read here.
 */
export const TREATY_KIND_RANK: readonly string[] = [
  'alliance',
  'strategic-partnership',
  'friendship',
  'treaty',
  'declaration',
  'agreement',
  'roadmap',
  'action-plan',
  'memorandum',
  'protocol',
];

/**
 * The treaty the summary names: among signed treaties, the most important by kind; with equal
 * kinds, one marked by a treaty-signing milestone (the data calls its signing a milestone)
 * before one that is not; then the latest signed. Undefined when no treaty has a signing date.
 */
export function leadTreaty<T extends Pick<Treaty, 'id' | 'signed'> & { kind?: unknown }>(
  treaties: readonly T[],
  milestones: readonly Pick<Milestone, 'kind' | 'treaty'>[] = [],
): T | undefined {
  const marked = new Set(milestones.flatMap((m) => (m.kind === 'treaty-signing' && m.treaty !== undefined ? [m.treaty] : [])));
  const rank = (t: T) => {
    const i = typeof t.kind === 'string' ? TREATY_KIND_RANK.indexOf(t.kind) : -1;
    return i < 0 ? TREATY_KIND_RANK.length : i;
  };
  return treaties
    .filter((t) => t.signed !== undefined)
    .sort(
      (x, y) =>
        rank(x) - rank(y) || Number(marked.has(y.id)) - Number(marked.has(x.id)) || sortKey(y.signed!).localeCompare(sortKey(x.signed!)),
    )[0];
}
