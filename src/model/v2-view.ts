import type { PartialDate } from '../schema/common.js';
import type { RelationshipData } from '../schema/v2/normalize.js';
import { quantityValue, type Quantity } from '../schema/v2/quantity.js';
import type { Indicator, Mechanism } from '../schema/v2/relationship-v2.js';
import { ownValue } from '../own-key.js';
import type { Formatter } from './format.js';
import { formatDateRange } from './grammar/date-range.js';
import type { Grammar } from './grammar/index.js';
import { numberLabel, quantityLabel } from './quantity-label.js';
import { indicatorKindLabels, mechanismKindLabels, statusLevelLabels, treatyKindLabels, treatyLevelLabels } from './v2-labels.js';
import type { DocumentsView, IndicatorView, MechanismView, QuoteView, Ref, StatusView } from './view-types.js';
import { sortKey } from './dates.js';

interface Tools {
  fmt: Formatter;
  g: Grammar;
  refs: (ids: readonly string[] | undefined) => Ref[];
  /** Whether the brief may show an item of this visibility. */
  shown: (item: { visibility?: string }) => boolean;
  personName: (id: string) => string;
}

/** What a brief shows of the fields only version 2 files have; empty lists for a v1 file. */
export interface V2View {
  documents: Map<string, DocumentsView>;
  /** By treaty id: its kind and level in words, and its other names. */
  treaties: Map<string, { kind?: string; aliases?: string[] }>;
  mechanisms: MechanismView[];
  indicators: IndicatorView[];
  status: StatusView[];
  quotes: QuoteView[];
}

const when = (fmt: Formatter, date: PartialDate | undefined, dates: { start: PartialDate; end: PartialDate } | undefined): string =>
  dates ? formatDateRange(fmt.locale, dates.start, dates.end) : date === undefined ? '' : fmt.date(date);

export function v2View(rel: RelationshipData, t: Tools): V2View {
  const v2 = rel.v2;
  const out: V2View = { documents: new Map(), treaties: new Map(), mechanisms: [], indicators: [], status: [], quotes: [] };
  if (!v2) return out;
  const { fmt, g, refs, shown } = t;
  const treaties = new Map((rel.agreements?.treaties ?? []).map((x) => [x.id, x]));
  const count = (q: Quantity) => numberLabel(g, fmt, quantityValue(q), 0);
  const kindOf = (kind: string | undefined, level: string | undefined) =>
    [ownValue(treatyLevelLabels, level ?? ''), ownValue(treatyKindLabels, kind ?? '')].filter(Boolean).join(' ') || undefined;

  for (const x of v2.agreements?.treaties ?? []) {
    const kind = kindOf(x.kind, x.level);
    out.treaties.set(x.id, { ...(kind ? { kind } : {}), ...(x.aliases?.length ? { aliases: x.aliases } : {}) });
  }

  for (const e of v2.engagements ?? []) {
    const d = e.documents;
    if (!d || !shown(e)) continue;
    const list = (d.list ?? []).flatMap((doc) => {
      const treaty = doc.treaty === undefined ? undefined : treaties.get(doc.treaty);
      // A treaty left out of this brief (internal) is not named through the engagement either.
      if (doc.treaty !== undefined && !treaty) return [];
      const title = treaty?.title ?? doc.title!;
      const kind = kindOf(doc.kind, doc.level);
      return [kind ? { title, kind } : { title }];
    });
    const n = d.count === undefined ? undefined : quantityValue(d.count);
    out.documents.set(e.id, {
      countLabel: n === undefined ? undefined : g.t('documents.signed', { count: count(d.count!), n: n.value }),
      list,
      refs: refs(d.sources ?? e.sources),
    });
  }

  out.mechanisms = (v2.mechanisms ?? []).filter(shown).map((m) => mechanismView(m, t));

  out.indicators = (v2.indicators ?? []).filter(shown).map((x) => indicatorView(x, t));

  out.status = [...(v2.status ?? [])]
    .filter(shown)
    .sort((a, b) => sortKey(a.since).localeCompare(sortKey(b.since)))
    .map((s) => ({
      level: ownValue(statusLevelLabels, s.level) ?? s.level,
      label: s.label,
      since: fmt.date(s.since),
      // The sources name the level without its start: the brief says "on record from", not "since".
      inferred: s.sinceInferred !== undefined,
      treaty: s.treaty === undefined ? undefined : treaties.get(s.treaty)?.title,
      refs: refs(s.sources),
    }));

  out.quotes = (v2.quotes ?? []).filter(shown).map((q) => ({
    text: q.text,
    speaker: t.personName(q.speaker),
    date: q.date === undefined ? undefined : fmt.date(q.date),
    refs: refs(q.sources),
  }));
  return out;
}

function mechanismView(m: Mechanism, t: Tools): MechanismView {
  const { fmt, g, refs } = t;
  // Names only: the role is being co-chair, which the column already says.
  const chairs = (list: Mechanism['coChairs']) => (list ?? []).filter(t.shown).map((c) => t.personName(c.person));
  return {
    id: m.id,
    name: m.name,
    kind: ownValue(mechanismKindLabels, m.kind) ?? m.kind,
    aliases: m.aliases ?? [],
    established: m.established === undefined ? undefined : fmt.date(m.established),
    coChairs: chairs(m.coChairs),
    sessions: [...(m.sessions ?? [])]
      .filter(t.shown)
      .sort((a, b) => sortKey(a.date ?? a.dates!.start).localeCompare(sortKey(b.date ?? b.dates!.start)))
      .map((s) => ({
        label: s.number === undefined ? undefined : g.t('session.nth', { ordinal: g.ordinal(s.number) }),
        when: when(fmt, s.date, s.dates),
        place: s.place,
        coChairs: chairs(s.coChairs),
        refs: refs(s.sources),
      })),
    engagements: [],
    mentions: 0,
    refs: refs(m.sources),
    flags: [],
  };
}

function indicatorView(x: Indicator, t: Tools): IndicatorView {
  const { fmt, g, refs } = t;
  const show = (q: Quantity) => {
    const text = quantityLabel(g, quantityValue(q), (n) => fmt.number(n));
    if (x.currency) return `${text} ${fmt.unitLabel(x.currency, x.unit ?? 'one')}`;
    if (x.measure === 'percent') return `${text}%`;
    return x.measure ? `${text} ${x.measure}` : text;
  };
  const period = x.period
    ? x.period.end
      ? formatDateRange(fmt.locale, x.period.start, x.period.end)
      : `${fmt.date(x.period.start)} –`
    : undefined;
  const by = x.deadline !== undefined ? fmt.date(x.deadline) : x.deadlineText;
  return {
    kind: ownValue(indicatorKindLabels, x.kind) ?? x.kind,
    subject: x.subject,
    value: show(x.value),
    split: (x.split ?? []).map((s) => `${s.label} ${show(s.value)}`),
    period,
    asOf: x.asOf === undefined ? undefined : fmt.date(x.asOf),
    by,
    refs: refs(x.sources),
  };
}
