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
  const noteById = new Map((rel.notes ?? []).map((n) => [n.id, n]));
  const flags = (ids: readonly string[] | undefined): Flag[] =>
    (ids ?? []).flatMap((id) => (noteById.has(id) ? [{ note: id, text: noteById.get(id)!.problem }] : []));
  const date = (d: PartialDate, inferred?: string, planned = false): DateView => {
    const p = parseDate(d);
    const suspect = !planned && isAfter(d, opts.asOf);
    return { raw: p.raw, label: fmt.date(p), precision: p.precision, iso: p.raw, inferred, suspect };
  };
  const people = new Map((rel.people ?? []).map((p) => [p.id, p]));
  const orgs = new Map((rel.organizations ?? []).map((o) => [o.id, o]));

  const engagements: EngagementView[] = [...(rel.engagements ?? [])]
    .sort((x, y) => sortKey(x.date).localeCompare(sortKey(y.date)))
    .map((e) => engagementView(e));

  function engagementView(e: Engagement): EngagementView {
    return {
      id: e.id,
      date: date(e.date, e.dateInferred, e.status === 'planned'),
      kind: e.kind,
      kindLabel: ownValue(kinds, e.kind) ?? e.kind,
      title: e.title ?? ownValue(kinds, e.kind) ?? e.kind,
      status: e.status ?? 'held',
      participants: (e.participants ?? []).map((p) => {
        const person = people.get(p.person);
        return { name: person?.name ?? p.person, role: p.role, country: person?.country ?? '' };
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
    };
  }

  const trade: TradeView[] = [...(rel.trade ?? [])]
    .sort((x, y) => sortKey(x.start).localeCompare(sortKey(y.start)))
    .map((t) => ({
      id: t.id,
      label: t.label ?? g.period(t.start, t.end),
      during: t.label === undefined ? g.during(t.start, t.end) : g.t('period.in', { period: t.label }),
      reporter: t.reporter,
      reporterName: countryName(t.reporter),
      partnerName: countryName(t.reporter === a.code ? b.code : a.code),
      currency: t.currency,
      unit: t.unit,
      unitLabel: g.unit(t.currency, t.unit),
      exports: t.exports,
      imports: t.imports,
      turnover: t.turnover ?? (t.exports !== undefined && t.imports !== undefined ? round(t.exports + t.imports) : undefined),
      balance: t.balance ?? (t.exports !== undefined && t.imports !== undefined ? round(t.exports - t.imports) : undefined),
      partial: isPartialPeriod(t.start, t.end),
      refs: refs(t.sources),
      flags: flags(t.quality),
    }));

  // Contacts per year by kind; items with a questionable date are counted apart, not charted.
  const counted = engagements.filter((e) => !e.date.suspect && e.status !== 'planned');
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
    title: m.title,
    kind: m.kind,
    date: date(m.date, m.dateInferred, m.status === 'planned'),
    refs: refs(m.sources),
    planned: m.status === 'planned' && isAfter(m.date, opts.asOf),
  }));
  const byDate = (x: { date: DateView }, y: { date: DateView }) => sortKey(x.date.raw).localeCompare(sortKey(y.date.raw));

  const invitations = engagements.flatMap((e) =>
    e.outcomes.filter((o) => o.kind === 'invitation').map((o) => ({ text: o.text, date: e.date.label, refs: o.refs })),
  );

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
    latestEngagement: [...engagements].reverse().find((e) => !e.date.suspect && e.status !== 'planned'),
    recentContacts: engagements.filter((e) => !e.date.suspect && e.status !== 'planned').reverse(),
    contactsByYear: { rows: contactRows, kindLabels: kinds, excluded: engagements.length - counted.length, refs: refs([...new Set(counted.flatMap((e) => e.refs.map((r) => r.id)))]) },
    // The latest period reported in full (both flows) drives key figures and the split chart.
    trade: { periods: trade, latest: [...trade].reverse().find((t) => t.exports !== undefined && t.imports !== undefined) ?? trade.at(-1) },
    agreements: {
      counts: (rel.agreements?.counts ?? []).map((c) => ({ count: c.count, asOf: fmt.date(c.asOf), scope: c.scope, scopeLabel: c.scope ?? g.t('noun.agreement', { n: c.count }), refs: refs(c.sources) })),
      treaties: (rel.agreements?.treaties ?? []).map((t) => ({ title: t.title, signed: t.signed === undefined ? undefined : fmt.date(t.signed), signedDate: t.signed === undefined ? undefined : String(t.signed), signedInferred: t.signedInferred, refs: refs(t.sources) })),
    },
    organizations: (rel.organizations ?? []).map((o) => {
      const inEngagements = engagements.filter((e) => e.organizations.some((x) => x.id === o.id));
      return { id: o.id, name: o.name, abbreviation: o.abbreviation, mentions: inEngagements.length, engagements: inEngagements.map((e) => `${e.date.label}: ${e.title}`), refs: refs(o.sources), flags: flags(o.quality) };
    }).sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name)),
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
    anniversaries: upcomingAnniversaries(rel, opts.asOf, 5, g).map((x) => {
      const nth = g.ordinal(x.ordinal);
      return { title: x.title, label: g.t('anniversary.of', { ordinal: nth, event: x.title, number: x.ordinal }), year: x.year, ordinal: nth, yearsAway: x.yearsAway, when: g.inYears(x.yearsAway), refs: refs(x.sources) };
    }),
    invitations,
    notes: (rel.notes ?? []).map((n) => ({ id: n.id, about: n.about, says: n.says, problem: n.problem, action: n.action, severity: n.severity ?? 'info', refs: refs(n.sources) })),
    sources: rel.sources.map((s, i) => ({
      n: i + 1,
      id: s.id,
      title: s.title,
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
    people: view.people.length > 0,
    milestones: milestones.length > 0,
    anniversaries: view.anniversaries.length > 0,
    invitations: invitations.length > 0,
    notes: view.notes.length > 0,
  };
  return view;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
