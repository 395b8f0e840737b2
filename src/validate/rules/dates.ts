import type { Diagnostic } from '../../diagnostics.js';
import type { PartialDate } from '../../schema/common.js';
import { dateRange, isAfter, parseDate } from '../../model/dates.js';
import { ordinal } from '../../model/anniversaries.js';
import type { Role } from '../../schema/relationship.js';
import { diag, type RuleContext } from '../context.js';

/**
 * Dates after the as-of date are suspicious unless the item is planned: this is what flags
 * a visit year printed as "2108". A warning, because the raw value is kept on purpose.
 */
export function futureDates(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  // `planned` is undefined for items that have no status field (sources, treaties, trade).
  const check = (date: PartialDate | undefined, path: PropertyKey[], what: string, planned?: boolean, notes?: readonly string[]) => {
    if (date === undefined || planned || !isAfter(date, ctx.asOf)) return;
    const typo = 'if it is a typo in the source, keep the raw value and add a data-quality note';
    const hint = notes?.length
      ? `kept as printed; documented in data-quality note ${notes.join(', ')}`
      : planned === false
        ? `${typo}; if it is expected, mark the item status: planned`
        : `${typo}, or check --as-of`;
    out.push(diag(ctx, 'warning', 'date-future', path, `${what} ${String(date)} is after the as-of date ${ctx.asOf}`, hint));
  };
  const d = ctx.data;
  d.sources.forEach((s, i) => check(s.published, ['sources', i, 'published'], 'publication date'));
  d.engagements?.forEach((e, i) => check(e.date, ['engagements', i, 'date'], 'date', e.status === 'planned', e.quality));
  d.milestones?.forEach((m, i) => check(m.date, ['milestones', i, 'date'], 'date', m.status === 'planned', m.quality));
  d.agreements?.counts?.forEach((c, i) => check(c.asOf, ['agreements', 'counts', i, 'asOf'], 'count date'));
  d.agreements?.treaties?.forEach((t, i) => check(t.signed, ['agreements', 'treaties', i, 'signed'], 'signing date'));
  d.trade?.forEach((t, i) => check(t.end, ['trade', i, 'end'], 'period end'));
  return out;
}

/** A period must not start after it ends (trade periods, role tenures). */
export function periodOrder(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (from: PartialDate | undefined, to: PartialDate | undefined, path: PropertyKey[], what: string) => {
    if (from === undefined || to === undefined) return;
    if (dateRange(from).start > dateRange(to).end)
      out.push(
        diag(
          ctx,
          'error',
          'period-order',
          path,
          `${what} starts (${String(from)}) after it ends (${String(to)})`,
          'swap or correct the dates',
        ),
      );
  };
  ctx.data.trade?.forEach((t, i) => check(t.start, t.end, ['trade', i, 'start'], 'trade period'));
  ctx.data.people?.forEach((p, i) =>
    p.roles.forEach((r, j) => check(r.from, r.to, ['people', i, 'roles', j, 'from'], `role "${r.title}"`)),
  );
  return out;
}

const reversed = (r: Role) => r.from !== undefined && r.to !== undefined && dateRange(r.from).start > dateRange(r.to).end;

/** A participant's role must be held on the day of the engagement (when the tenure is known). */
export function rolePeriods(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  ctx.data.engagements?.forEach((e, i) =>
    e.participants?.forEach((p, j) => {
      const person = ctx.data.people?.find((x) => x.id === p.person);
      // The same office may be held in several tenures: any one of them will do.
      const tenures = person?.roles.filter((r) => r.title === p.role) ?? [];
      // A tenure that ends before it starts is reported once, at the role (periodOrder), not at every use.
      if (!person || tenures.length === 0 || tenures.some(reversed)) return;
      const day = dateRange(e.date);
      const held = (r: Role) =>
        !(r.from !== undefined && day.end < dateRange(r.from).start) && !(r.to !== undefined && day.start > dateRange(r.to).end);
      if (!tenures.some(held)) {
        const spans = tenures.map((r) => `${r.from ?? '…'}–${r.to ?? '…'}`).join(', ');
        out.push(
          diag(
            ctx,
            'error',
            'role-period',
            ['engagements', i, 'participants', j, 'role'],
            `${person.name} held "${p.role}" ${spans}, not on ${String(e.date)}`,
            "check the engagement date or the role's from/to",
          ),
        );
      }
    }),
  );
  return out;
}

/** A stated anniversary must match the year of the milestone it marks (25th of 1997 is 2022). */
export function anniversaries(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ms = ctx.data.milestones ?? [];
  ms.forEach((m, i) => {
    if (m.kind !== 'anniversary') return;
    if (!m.of || m.ordinal === undefined) {
      out.push(
        diag(
          ctx,
          'warning',
          'anniversary',
          ['milestones', i],
          'an anniversary should name the milestone it marks (of) and which one (ordinal)',
        ),
      );
      return;
    }
    const base = ms.find((x) => x.id === m.of);
    if (!base) return;
    const expected = parseDate(base.date).year + m.ordinal;
    const year = parseDate(m.date).year;
    if (expected !== year)
      out.push(
        diag(
          ctx,
          'error',
          'anniversary',
          ['milestones', i, 'date'],
          `the ${ordinal(m.ordinal)} anniversary of "${base.id}" (${String(base.date)}) falls in ${expected}, not ${year}`,
        ),
      );
  });
  return out;
}
