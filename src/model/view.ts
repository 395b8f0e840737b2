import type { Engagement, Relationship } from '../schema/relationship.js';
import type { PartialDate } from '../schema/common.js';
import { upcomingAnniversaries } from './anniversaries.js';
import { isAfter, isPartialPeriod, parseDate, sortKey } from './dates.js';
import { filterPublic } from './filter.js';
import { createFormatter } from './format.js';
import { createGrammar, sourceCredit, type Grammar } from './grammar/index.js';
import { kindLabels } from './labels.js';
import { ownValue } from '../own-key.js';
import type { BriefView, DateView, EngagementView, Flag, Ref, TradeView } from './view-types.js';
import { derivedTalkingPoints, keyFigures, overview } from './summary.js';
import { latestTotal, leadTreaty } from './headline.js';
import { aboutLabel, readableLabels } from './readable.js';
import { isBilateralBody, isHighLevel } from './mechanisms.js';
import { descriptiveTitles } from './descriptive.js';
import { commonUnit, latestPeriod, reportersOf, tradeNotes, tradeOrder } from './perspective.js';
import { extrasOf, type RelationshipData } from '../schema/v2/normalize.js';
import { formatDateRange } from './grammar/date-range.js';
import { numberLabel } from './quantity-label.js';
import { v2View } from './v2-view.js';

export interface AudienceInfo {
  id: string;
  label: string;
  classification: string;
  /** false: the press-safe cut (public items only, no data-quality notes). */
  internal: boolean;
}

export interface ViewOptions {
  asOf: string;
  audience: AudienceInfo;
  /** BCP 47 locale of dates and numbers; default en-GB. */
  locale?: string;
  /** The brief's language (`en`, `ru`, `az`), whose catalog `grammar` holds. Default the locale's language. */
  language?: string;
  /** Words of the brief's language; default English. */
  grammar?: Grammar;
  generator?: string;
}

/** The pure model step: relationship + as-of + audience → everything a template shows. */
export function buildView(input: Relationship, opts: ViewOptions): BriefView {
  const rel = opts.audience.internal ? input : filterPublic(input);
  // Read before the public cut drops the notes: the mark must survive where the note does not.
  const descriptive = descriptiveTitles(input);
  const fmt = createFormatter(opts.locale ?? 'en-GB');
  const g = opts.grammar ?? createGrammar(fmt.locale);
  const language = opts.language ?? fmt.locale.split('-')[0]!;
  // An English brief keeps the audience file's words (a user may rename a shipped audience).
  const own = (prefix: string, value: string) => (language === 'en' ? value : g.label(prefix, value.toLowerCase(), value));
  const kinds = Object.fromEntries(Object.keys(kindLabels).map((k) => [k, g.label('kind', k, kindLabels[k])]));
  const [a, b] = rel.pair.countries;
  const countryName = (code: string) => rel.pair.countries.find((c) => c.code === code)?.name ?? code;
  const sourceNo = new Map(rel.sources.map((s, i) => [s.id, i + 1]));
  const refs = (ids: readonly string[] | undefined): Ref[] =>
    (ids ?? []).flatMap((id) => (sourceNo.has(id) ? [{ n: sourceNo.get(id)!, id }] : [])).sort((x, y) => x.n - y.n);
  const noteById = new Map((rel.notes ?? []).map((n, i) => [n.id, { ...n, n: i + 1 }]));
  // A flag names its note by number, as the notes section heads it: never by the note's id.
  const flags = (ids: readonly string[] | undefined): Flag[] =>
    (ids ?? []).flatMap((id) => (noteById.has(id) ? [{ note: String(noteById.get(id)!.n), text: noteById.get(id)!.problem }] : []));
  const date = (d: PartialDate, inferred?: string, planned = false): DateView => {
    const p = parseDate(d);
    const suspect = !planned && isAfter(d, opts.asOf);
    return { raw: p.raw, label: fmt.date(p), precision: p.precision, iso: p.raw, inferred, suspect };
  };
  const titled = (id: string, title: string) => (descriptive.has(id) ? g.t('title.descriptive', { title }) : title);
  const people = new Map((rel.people ?? []).map((p) => [p.id, p]));
  const orgs = new Map((rel.organizations ?? []).map((o) => [o.id, o]));
  // Version 2 files: documents, mechanisms, indicators, status, quotes (all empty for v1).
  const extra = v2View(rel as RelationshipData, {
    fmt,
    g,
    refs,
    shown: (x) => opts.audience.internal || x.visibility !== 'internal',
    personName: (id) => people.get(id)?.name ?? id,
  });
  /** A span of days (v2 `dates`) reads as one range: "22–23 August 2024". */
  const spanned = (view: DateView, start: PartialDate, end: PartialDate | undefined): DateView =>
    end === undefined || view.suspect ? view : { ...view, label: formatDateRange(fmt.locale, start, end), end: String(end) };

  const engagements: EngagementView[] = [...(rel.engagements ?? [])]
    .sort((x, y) => sortKey(x.date).localeCompare(sortKey(y.date)))
    .map((e) => engagementView(e));

  function engagementView(e: Engagement): EngagementView {
    return {
      id: e.id,
      date: spanned(date(e.date, e.dateInferred, e.status === 'planned'), e.date, extrasOf(e).dateEnd),
      kind: e.kind,
      kindLabel: ownValue(kinds, e.kind) ?? e.kind,
      title: e.title === undefined ? (ownValue(kinds, e.kind) ?? e.kind) : titled(e.id, e.title),
      status: e.status ?? 'held',
      participants: (e.participants ?? []).map((p) => {
        const person = people.get(p.person);
        // A v2 participant may hold several roles that day ("Minister …; Co-chair of …").
        const roles = (p as { roles?: string[] }).roles;
        return { name: person?.name ?? p.person, role: p.role ?? roles?.join('; '), country: person?.country ?? '' };
      }),
      place: e.place,
      occasion: e.occasion,
      organizations: (e.organizations ?? []).map((id) => ({ id, label: orgs.get(id)?.abbreviation ?? orgs.get(id)?.name ?? id })),
      topics: (e.topics ?? []).map((t) => g.label('topic', t)),
      tags: e.tags ?? [],
      summary: e.summary,
      outcomes: (e.outcomes ?? []).map((o) => ({ kind: o.kind, text: o.text, refs: refs(o.sources ?? e.sources) })),
      refs: refs(e.sources),
      flags: flags(e.quality),
      internal: e.visibility === 'internal',
      highLevel: isHighLevel({ kind: e.kind, participants: e.participants ?? [], organizations: e.organizations ?? [] }),
      ...(extra.documents.has(e.id) ? { documents: extra.documents.get(e.id) } : {}),
    };
  }

  const pairOrder = rel.pair.countries.map((c) => c.code);
  const trade: TradeView[] = [...(rel.trade ?? [])]
    .sort(tradeOrder(pairOrder, sortKey))
    .map((t) => {
      const both = t.exports !== undefined && t.imports !== undefined;
      return {
        id: t.id,
        label: t.label ?? g.period(t.start, t.end),
        during: t.label === undefined ? g.during(t.start, t.end) : g.t('period.in', { period: t.label }),
        start: String(t.start),
        end: String(t.end),
        reporter: t.reporter,
        // A v2 period whose source does not say whose statistics these are: never a country's name.
        reporterName: t.reporter === 'unknown' ? g.t('trade.reporter-unknown') : countryName(t.reporter),
        partnerName: t.reporter === 'unknown' ? g.t('trade.partner-unknown') : countryName(t.reporter === a.code ? b.code : a.code),
        currency: t.currency,
        unit: t.unit,
        unitLabel: g.unit(t.currency, t.unit),
        exports: t.exports,
        imports: t.imports,
        turnover: t.turnover ?? (both ? round(t.exports! + t.imports!) : undefined),
        balance: t.balance ?? (both ? round(t.exports! - t.imports!) : undefined),
        turnoverComputed: t.turnover === undefined && both,
        balanceComputed: t.balance === undefined && both,
        partial: isPartialPeriod(t.start, t.end),
        refs: refs(t.sources),
        flags: flags(t.quality),
        ...qualifiedFigures(t),
      };
    });

  // Contacts per year by kind; items with a questionable date are counted apart, not charted.
  const held = engagements.filter((e) => !e.date.suspect && e.status !== 'planned');
  const counted = held.filter((e) => e.highLevel);
  const perYear = new Map<string, number>();
  for (const e of counted) {
    const k = `${parseDate(e.date.raw).year}|${e.kind}`;
    perYear.set(k, (perYear.get(k) ?? 0) + 1);
  }
  const contactRows = [...perYear].map(([k, count]) => {
    const [year, kind] = k.split('|');
    return { year: Number(year), kind: kind!, count };
  }).sort((x, y) => x.year - y.year || x.kind.localeCompare(y.kind));

  const milestones = (rel.milestones ?? []).map((m) => ({
    id: m.id,
    title: titled(m.id, m.title),
    kind: m.kind,
    date: spanned(date(m.date, m.dateInferred, m.status === 'planned'), m.date, extrasOf(m).dateEnd),
    refs: refs(m.sources),
    planned: m.status === 'planned' && isAfter(m.date, opts.asOf),
  }));
  const byDate = (x: { date: DateView }, y: { date: DateView }) => sortKey(x.date.raw).localeCompare(sortKey(y.date.raw));

  const invitations = engagements.flatMap((e) =>
    e.outcomes.filter((o) => o.kind === 'invitation').map((o) => ({ text: o.text, date: e.date.label, refs: o.refs })),
  );

  const orgViews = (list: NonNullable<Relationship['organizations']>) =>
    list.map((o) => {
      const inEngagements = engagements.filter((e) => e.organizations.some((x) => x.id === o.id));
      return { id: o.id, name: o.name, abbreviation: o.abbreviation, mentions: inEngagements.length, engagements: inEngagements.map((e) => `${e.date.label}: ${e.title}`), refs: refs(o.sources), flags: flags(o.quality) };
    }).sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name));

  const view: BriefView = {
    meta: {
      pairId: rel.pair.id,
      // Joined as written, without isolating the names: the title heads the page on its own.
      title: rel.pair.title ?? g.t('title.pair', { a: a.name, b: b.name }).replace(/[\u2068\u2069]/g, ''),
      audience: { id: opts.audience.id, label: language === 'en' ? opts.audience.label : g.label('audience', opts.audience.id, opts.audience.label), classification: own('classification', opts.audience.classification) },
      asOf: opts.asOf,
      asOfLabel: fmt.date(opts.asOf),
      locale: fmt.locale,
      lang: fmt.locale,
      language,
      generator: opts.generator ?? 'bilat',
    },
    countries: rel.pair.countries.map((c) => ({ ...c })),
    keyFigures: [],
    talkingPoints: [],
    overview: [],
    engagements,
    latestEngagement: [...counted].reverse()[0],
    recentContacts: [...counted].reverse(),
    contactsByYear: { rows: contactRows, kindLabels: kinds, excluded: engagements.length - held.length, forums: held.length - counted.length, refs: refs([...new Set(counted.flatMap((e) => e.refs.map((r) => r.id)))]) },
    // The latest period reported in full (both flows) drives key figures and the split chart.
    trade: {
      periods: trade,
      latest: latestPeriod(trade),
      reporters: reportersOf(trade, pairOrder),
      unitLabel: commonUnit(trade),
      ...tradeNotes(g, trade, pairOrder),
    },
    agreements: (() => {
      const counts = [...(rel.agreements?.counts ?? [])]
        .sort((x, y) => sortKey(x.asOf).localeCompare(sortKey(y.asOf)))
        .map((c) => ({ count: c.count, ...countLabel(c), asOf: fmt.date(c.asOf), asOfDate: String(c.asOf), scope: c.scope, scopeLabel: c.scope ?? g.t('noun.agreement', { n: c.count }), refs: refs(c.sources) }));
      const treaties = (rel.agreements?.treaties ?? []).map((t) => ({ id: t.id, title: titled(t.id, t.title), signed: t.signed === undefined ? undefined : fmt.date(t.signed), signedDate: t.signed === undefined ? undefined : String(t.signed), signedInferred: t.signedInferred, refs: refs(t.sources), ...extra.treaties.get(t.id) }));
      const lead = leadTreaty(rel.agreements?.treaties ?? [], rel.milestones ?? []);
      return {
        counts,
        treaties,
        total: latestTotalView(counts),
        lead: lead === undefined ? undefined : treaties.find((t) => t.id === lead.id),
      };
    })(),
    organizations: orgViews((rel.organizations ?? []).filter((o) => !isBilateralBody(o))),
    // Bodies of the pair: v1 organizations of kind bilateral-body, then v2 mechanisms.
    mechanisms: [
      ...orgViews((rel.organizations ?? []).filter(isBilateralBody)).map((o) => ({ id: o.id, name: o.name, abbreviation: o.abbreviation, kind: '', aliases: [], coChairs: [], sessions: [], engagements: o.engagements, mentions: o.mentions, refs: o.refs, flags: o.flags })),
      ...extra.mechanisms,
    ],
    people: (rel.people ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases ?? [],
      country: p.country,
      countryName: countryName(p.country),
      roles: p.roles.map((r) => ({ title: r.title, period: g.tenure(r.from, r.to), refs: refs(r.sources ?? p.sources) })),
      flags: flags(p.quality),
    })),
    milestones: { past: milestones.filter((m) => !m.planned).sort(byDate), planned: milestones.filter((m) => m.planned).sort(byDate) },
    anniversaries: upcomingAnniversaries(rel, opts.asOf, 5, g, descriptive).map((x) => {
      const nth = g.ordinal(x.ordinal);
      return { title: x.title, label: g.t('anniversary.of', { ordinal: nth, event: x.title, number: x.ordinal }), year: x.year, ordinal: nth, yearsAway: x.yearsAway, when: g.inYears(x.yearsAway), refs: refs(x.sources) };
    }),
    invitations,
    notes: (rel.notes ?? []).map((n, i) => ({ id: n.id, n: i + 1, about: n.about, aboutLabels: [], says: n.says, problem: n.problem, action: n.action, severity: n.severity ?? 'info', refs: refs(n.sources) })),
    sources: rel.sources.map((s, i) => ({
      n: i + 1,
      id: s.id,
      title: titled(s.id, s.title),
      publisher: s.publisher,
      relays: s.relays ?? [],
      via: s.via,
      credit: sourceCredit(g, s),
      published: s.published === undefined ? undefined : fmt.date(s.published),
      publishedInferred: s.publishedInferred,
      kind: s.kind,
      url: s.url,
    })),
    has: {},
  };
  const labels = readableLabels(view, view.notes, g, rel.pair.id);
  for (const n of view.notes) n.aboutLabels = n.about.map((x) => aboutLabel(x, labels, g));
  if ((rel as RelationshipData).v2) Object.assign(view, { indicators: extra.indicators, status: extra.status, quotes: extra.quotes });
  view.keyFigures = keyFigures(view, fmt, g);
  view.overview = overview(view, fmt, g);
  // Authored talking points come first; derived ones only fill a short list (never duplicates of 3+ authored).
  const authored = (rel.talkingPoints ?? [])
    .filter((t) => !t.audiences || t.audiences.includes(opts.audience.id))
    .map((t) => ({ text: t.text, refs: refs(t.sources) }));
  view.talkingPoints = (authored.length >= 3 ? authored : [...authored, ...derivedTalkingPoints(view, fmt, g)]).slice(0, 5);
  view.has = {
    keyFigures: view.keyFigures.length > 0,
    talkingPoints: view.talkingPoints.length > 0,
    engagements: engagements.length > 0,
    contactsChart: contactRows.length > 0,
    trade: trade.length > 0,
    tradeSeries: trade.length > 1,
    agreements: view.agreements.counts.length + view.agreements.treaties.length > 0,
    organizations: view.organizations.length > 0,
    mechanisms: view.mechanisms.length > 0,
    people: view.people.length > 0,
    milestones: milestones.length > 0,
    indicators: extra.indicators.length > 0,
    status: extra.status.length > 0,
    quotes: extra.quotes.length > 0,
    anniversaries: view.anniversaries.length > 0,
    invitations: invitations.length > 0,
    notes: view.notes.length > 0,
  };
  return view;

  /** Approximate trade figures as printed: { turnover: "over 11" } (v2 only; nothing for exact ones). */
  function qualifiedFigures(t: object): { qualified?: TradeView['qualified'] } {
    const q = extrasOf(t).qualified;
    if (!q) return {};
    const out: NonNullable<TradeView['qualified']> = {};
    for (const k of ['exports', 'imports', 'turnover', 'balance'] as const) if (q[k]) out[k] = numberLabel(g, fmt, q[k]);
    return { qualified: out };
  }

  function countLabel(c: object): { countLabel?: string } {
    const q = extrasOf(c).qualified?.count;
    return q ? { countLabel: numberLabel(g, fmt, q, 0) } : {};
  }
}

/** latestTotal over count views, read by their raw dates. */
function latestTotalView<T extends { count: number; asOfDate: string }>(counts: T[]): T | undefined {
  const pick = latestTotal(counts.map((c, i) => ({ count: c.count, asOf: c.asOfDate, i })));
  return pick === undefined ? undefined : counts[pick.i];
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
