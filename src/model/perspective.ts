import type { Grammar } from './grammar/index.js';
import type { TradeView } from './view-types.js';

/**
 * Trade figures are one country's statistics: exports are the reporter's exports to the
 * partner, the balance is the reporter's exports minus its imports. Figures of different
 * reporters are never joined into one series or one headline without saying whose they are.
 * See the README section "Whose figures".
 */

/** The reporters of some trade rows, in the pair's order (first country's statistics first). */
export function reportersOf(
  rows: readonly TradeView[],
  pairOrder: readonly string[],
): { code: string; name: string; partnerName: string }[] {
  const seen = new Map<string, { code: string; name: string; partnerName: string }>();
  for (const r of rows)
    if (!seen.has(r.reporter)) seen.set(r.reporter, { code: r.reporter, name: r.reporterName, partnerName: r.partnerName });
  const rank = (code: string) => (pairOrder.includes(code) ? pairOrder.indexOf(code) : pairOrder.length);
  return [...seen.values()].sort((x, y) => rank(x.code) - rank(y.code) || x.code.localeCompare(y.code));
}

/**
 * Rows in time order: by start, then end; rows of one period by reporter in the pair's order,
 * so a mirror pair reads the same whatever order the file lists it in.
 */
export function tradeOrder(pairOrder: readonly string[], key: (d: string | number) => string) {
  const rank = (code: string) => (pairOrder.includes(code) ? pairOrder.indexOf(code) : pairOrder.length);
  return (x: { start: string | number; end: string | number; reporter: string }, y: typeof x): number =>
    key(x.start).localeCompare(key(y.start)) || key(x.end).localeCompare(key(y.end)) || rank(x.reporter) - rank(y.reporter);
}

/**
 * The period the headline figures come from: the latest reported with both flows (else the
 * latest); of one period reported by both sides, the first country's statistics.
 */
export function latestPeriod(rows: readonly TradeView[]): TradeView | undefined {
  const full = rows.filter((t) => t.exports !== undefined && t.imports !== undefined);
  const pool = full.length ? full : rows;
  const last = pool.at(-1);
  if (!last) return undefined;
  // Rows are in tradeOrder: the first row of the latest period is the first country's.
  return pool.find((t) => t.start === last.start && t.end === last.end) ?? last;
}

/**
 * What the trade table must say under it: whose exports and imports the rows hold, when they
 * come from both sides (with one reporter the template's own sentence names the partner), and
 * that figures marked † are bilat's arithmetic, not the source's.
 */
export function tradeNotes(
  g: Grammar,
  rows: readonly TradeView[],
  pairOrder: readonly string[],
): { perspectiveNote?: string; computedNote?: string } {
  const reporters = reportersOf(rows, pairOrder);
  const out: { perspectiveNote?: string; computedNote?: string } = {};
  if (reporters.length > 1)
    out.perspectiveNote = g.t('trade.note.many', {
      list: reporters.map((r) => g.t('trade.note.rows-of', { reporter: r.name, partner: r.partnerName })).join(g.t('list.sep')),
    });
  if (rows.some((r) => r.turnoverComputed || r.balanceComputed)) out.computedNote = g.t('trade.note.computed');
  return out;
}

/** Unit of every row when they share one ("million USD"), else undefined: the table then names it per row. */
export function commonUnit(rows: readonly TradeView[]): string | undefined {
  const units = new Set(rows.map((r) => r.unitLabel));
  return units.size === 1 ? [...units][0] : undefined;
}
