import type { Formatter } from './format.js';
import { isolate, possessive, sentenceStart, withArticle } from './names.js';
import type { BriefView, KeyFigure, Ref } from './view-types.js';

const mergeRefs = (...lists: Ref[][]): Ref[] => {
  const m = new Map<number, Ref>();
  for (const r of lists.flat()) m.set(r.n, r);
  return [...m.values()].sort((a, b) => a.n - b.n);
};

/** The figures that stand out on page one; each carries the sources it came from. */
export function keyFigures(v: BriefView, fmt: Formatter): KeyFigure[] {
  const out: KeyFigure[] = [];
  const t = v.trade.latest;
  if (t?.turnover !== undefined) out.push({ value: fmt.number(t.turnover), unit: t.unitLabel, label: `trade turnover, ${t.label}`, refs: t.refs });
  if (t?.exports !== undefined && t.imports !== undefined)
    out.push({ value: `${fmt.number(t.exports)} / ${fmt.number(t.imports)}`, unit: t.unitLabel, label: possessive(t.reporterName, 'exports / imports'), refs: t.refs });
  const count = v.agreements.counts.at(-1);
  if (count) out.push({ value: fmt.number(count.count, 0), label: `${isolate(count.scope ?? 'agreements')} (as of ${count.asOf})`, refs: count.refs });
  const dip = v.milestones.past.find((m) => m.kind === 'diplomatic-relations');
  if (dip) {
    const years = Number(v.meta.asOf.slice(0, 4)) - Number(dip.date.raw.slice(0, 4));
    if (years > 0) out.push({ value: String(years), label: `years of diplomatic relations (since ${dip.date.label})`, refs: dip.refs });
  }
  const contacts = v.engagements.filter((e) => !e.date.suspect && e.status !== 'planned');
  if (contacts.length && out.length < 4)
    out.push({ value: String(contacts.length), label: 'high-level contacts on record', refs: mergeRefs(...contacts.map((e) => e.refs)) });
  return out.slice(0, 4);
}

/** Plain statements built only from the data, for the opening of a brief. */
export function overview(v: BriefView, fmt: Formatter): { text: string; refs: Ref[] }[] {
  const out: { text: string; refs: Ref[] }[] = [];
  const dip = v.milestones.past.find((m) => m.kind === 'diplomatic-relations');
  const treaty = v.agreements.treaties[0];
  if (dip) out.push({ text: `Diplomatic relations date from ${dip.date.label}.`, refs: dip.refs });
  if (treaty?.signed) out.push({ text: `${sentenceStart(withArticle(treaty.title))} was signed in ${treaty.signed}.`, refs: treaty.refs });
  const contacts = v.engagements.filter((e) => !e.date.suspect && e.status !== 'planned');
  const latest = v.latestEngagement;
  if (contacts.length && latest) {
    const first = contacts[0]!;
    out.push({
      text: `${contacts.length} high-level contact${contacts.length === 1 ? '' : 's'} on record from ${first.date.label} to ${latest.date.label}; the most recent: ${isolate(latest.title)} (${latest.date.label}).`,
      refs: mergeRefs(...contacts.map((e) => e.refs)),
    });
  }
  const count = v.agreements.counts.at(-1);
  if (count) out.push({ text: `${fmt.number(count.count, 0)} ${isolate(count.scope ?? 'agreements')} as of ${count.asOf}.`, refs: count.refs });
  const t = v.trade.latest;
  if (t?.turnover !== undefined) {
    const parts = [`turnover ${fmt.money(t.turnover, t.currency, t.unit)}`];
    if (t.exports !== undefined) parts.push(`exports ${fmt.number(t.exports)}`);
    if (t.imports !== undefined) parts.push(`imports ${fmt.number(t.imports)}`);
    if (t.balance !== undefined) parts.push(`balance ${t.balance >= 0 ? '+' : '−'}${fmt.number(Math.abs(t.balance))}`);
    out.push({ text: `Trade in ${isolate(t.label)}, as reported by ${isolate(t.reporterName)}: ${parts.join(', ')}.`, refs: t.refs });
  }
  return out;
}

/** Talking points derived from the data when the file has fewer than three of its own. */
export function derivedTalkingPoints(v: BriefView, fmt: Formatter): { text: string; refs: Ref[] }[] {
  const out: { text: string; refs: Ref[] }[] = [];
  for (const inv of v.invitations) out.push({ text: `Open invitation (${inv.date}): ${isolate(inv.text)}`, refs: inv.refs });
  const next = v.anniversaries[0];
  if (next) out.push({ text: `Coming up: the ${next.ordinal} anniversary of ${isolate(next.title)} in ${next.year}.`, refs: next.refs });
  const t = v.trade.latest;
  if (t?.turnover !== undefined) out.push({ text: `Latest reported trade: ${fmt.money(t.turnover, t.currency, t.unit)} in ${t.label}.`, refs: t.refs });
  return out;
}
