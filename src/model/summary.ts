import type { Formatter } from './format.js';
import { takesArticle, type Grammar } from './grammar/index.js';
import { isLatinName } from './names.js';
import { scaleAmounts } from './scaled.js';
import type { BriefView, KeyFigure, Ref } from './view-types.js';

const mergeRefs = (...lists: Ref[][]): Ref[] => {
  const m = new Map<number, Ref>();
  for (const r of lists.flat()) m.set(r.n, r);
  return [...m.values()].sort((a, b) => a.n - b.n);
};

/** The figures that stand out on page one; each carries the sources it came from. */
export function keyFigures(
  v: Pick<BriefView, 'meta' | 'engagements' | 'trade' | 'agreements' | 'milestones'>,
  fmt: Formatter,
  g: Grammar,
): KeyFigure[] {
  const out: KeyFigure[] = [];
  const t = v.trade.latest;
  const headline = (figures: number[]) => {
    const s = scaleAmounts(figures, t!.unit, fmt.locale, (n) => fmt.number(n));
    const reported = s.scaled ? figures.map((n) => fmt.number(n)).join(' / ') + ` ${t!.unitLabel}` : undefined;
    return { value: s.values.join(' / '), unit: g.unit(t!.currency, s.unit), ...(reported ? { reported } : {}) };
  };
  if (t?.turnover !== undefined) {
    // Whose figure, when both sides report; computed, when the source gives no turnover.
    let label = g.t('figure.turnover', { period: t.label });
    if (v.trade.reporters.length > 1) label = g.t('figure.by-reporter', { label, reporter: t.reporterName });
    if (t.turnoverComputed) label = g.t('figure.computed', { label });
    const h = headline([t.turnover]);
    // An approximate turnover (v2) keeps its word: "over 11" million USD.
    const q = t.qualified?.turnover;
    out.push({ ...h, ...(q ? { value: q.replace(fmt.number(t.turnover), h.value) } : {}), label, refs: t.refs });
  }
  if (t?.exports !== undefined && t.imports !== undefined)
    out.push({
      ...headline([t.exports, t.imports]),
      label: g.t(isLatinName(t.reporterName) ? 'figure.exports-imports' : 'figure.exports-imports.of', { reporter: t.reporterName }),
      refs: t.refs,
    });
  const count = v.agreements.total;
  if (count)
    out.push({
      value: count.countLabel ?? fmt.number(count.count, 0),
      label: g.t('figure.count-as-of', { scope: count.scopeLabel, date: count.asOf }),
      refs: count.refs,
    });
  const dip = v.milestones.past.find((m) => m.kind === 'diplomatic-relations');
  if (dip) {
    const years = Number(v.meta.asOf.slice(0, 4)) - Number(dip.date.raw.slice(0, 4));
    if (years > 0)
      out.push({ value: String(years), label: g.t('figure.years-relations', { n: years, ...g.dateVars(dip.date.raw) }), refs: dip.refs });
  }
  const contacts = v.engagements.filter((e) => !e.date.suspect && e.status !== 'planned' && e.highLevel);
  if (contacts.length && out.length < 4)
    out.push({
      value: String(contacts.length),
      label: g.t('figure.contacts', { n: contacts.length }),
      refs: mergeRefs(...contacts.map((e) => e.refs)),
    });
  return out.slice(0, 4);
}

/** Plain statements built only from the data, for the opening of a brief. */
export function overview(
  v: Pick<BriefView, 'engagements' | 'latestEngagement' | 'trade' | 'agreements' | 'milestones'>,
  fmt: Formatter,
  g: Grammar,
): { text: string; refs: Ref[] }[] {
  const out: { text: string; refs: Ref[] }[] = [];
  const dip = v.milestones.past.find((m) => m.kind === 'diplomatic-relations');
  const treaty = v.agreements.lead;
  if (dip) out.push({ text: g.t('overview.relations-since', { ...g.dateVars(dip.date.raw), on: g.on(dip.date.raw) }), refs: dip.refs });
  if (treaty?.signedDate !== undefined)
    out.push({
      text: g.t(takesArticle(treaty.title) ? 'overview.treaty-signed' : 'overview.treaty-signed.bare', {
        title: treaty.title,
        on: g.on(treaty.signedDate),
      }),
      refs: treaty.refs,
    });
  const contacts = v.engagements.filter((e) => !e.date.suspect && e.status !== 'planned' && e.highLevel);
  const latest = v.latestEngagement;
  if (contacts.length && latest) {
    const first = contacts[0]!;
    out.push({
      text: g.t('overview.contacts', {
        n: contacts.length,
        span: g.span(first.date.raw, latest.date.raw),
        title: latest.title,
        date: latest.date.label,
      }),
      refs: mergeRefs(...contacts.map((e) => e.refs)),
    });
  }
  const count = v.agreements.total;
  if (count)
    out.push({
      text: g.t('overview.count', { count: count.countLabel ?? fmt.number(count.count, 0), scope: count.scopeLabel, date: count.asOf }),
      refs: count.refs,
    });
  const t = v.trade.latest;
  if (t?.turnover !== undefined) {
    const computed = (value: string, yes: boolean) => (yes ? g.t('trade.computed', { value }) : value);
    const q = t.qualified ?? {};
    const parts = [
      g.t('trade.turnover', {
        value: computed(`${q.turnover ?? fmt.number(t.turnover)} ${g.unit(t.currency, t.unit)}`, t.turnoverComputed),
      }),
    ];
    if (t.exports !== undefined) parts.push(g.t('trade.exports', { value: q.exports ?? fmt.number(t.exports) }));
    if (t.imports !== undefined) parts.push(g.t('trade.imports', { value: q.imports ?? fmt.number(t.imports) }));
    if (t.balance !== undefined)
      parts.push(
        g.t('trade.balance', { value: computed(`${t.balance >= 0 ? '+' : '−'}${fmt.number(Math.abs(t.balance))}`, t.balanceComputed) }),
      );
    out.push({ text: g.t('overview.trade', { during: t.during, reporter: t.reporterName, figures: parts.join(', ') }), refs: t.refs });
  }
  return out;
}

/** Talking points derived from the data when the file has fewer than three of its own. */
export function derivedTalkingPoints(
  v: Pick<BriefView, 'trade' | 'anniversaries' | 'invitations'>,
  fmt: Formatter,
  g: Grammar,
): { text: string; refs: Ref[] }[] {
  const out: { text: string; refs: Ref[] }[] = [];
  for (const inv of v.invitations) out.push({ text: g.t('point.invitation', { date: inv.date, text: inv.text }), refs: inv.refs });
  const next = v.anniversaries[0];
  if (next) out.push({ text: g.t('point.anniversary', { anniversary: next.label, when: g.on(next.year) }), refs: next.refs });
  const t = v.trade.latest;
  if (t?.turnover !== undefined) {
    const value = `${t.qualified?.turnover ?? fmt.number(t.turnover)} ${g.unit(t.currency, t.unit)}`;
    out.push({
      text: g.t('point.trade', { value: t.turnoverComputed ? g.t('trade.computed', { value }) : value, during: t.during }),
      refs: t.refs,
    });
  }
  return out;
}
