import type { PartialDate } from '../../schema/common.js';
import type { Relationship } from '../../schema/relationship.js';
import { extrasOf, type RelationshipData } from '../../schema/v2/normalize.js';
import { isAfter, parseDate } from '../dates.js';
import { descriptiveTitles } from '../descriptive.js';
import { filterPublic } from '../filter.js';
import { createFormatter, type Formatter } from '../format.js';
import { formatDateRange } from '../grammar/date-range.js';
import { createGrammar, type Grammar } from '../grammar/index.js';
import { kindLabels } from '../labels.js';
import { v2View, type V2View } from '../v2-view.js';
import type { DateView, Flag, Ref } from '../view-types.js';

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

/** What every section builder may read: the audience's cut of the data and the shared tools. */
export interface ViewContext {
  /** The data as this audience may see it (the public cut for a press audience). */
  rel: Relationship;
  opts: ViewOptions;
  fmt: Formatter;
  g: Grammar;
  language: string;
  /** Ids whose titles the desk wrote (src/model/descriptive.ts), read before the public cut. */
  descriptive: ReadonlySet<string>;
  /** Contact kinds in the brief's language. */
  kinds: Record<string, string>;
  /** The pair's country codes, in the file's order. */
  pairOrder: string[];
  people: ReadonlyMap<string, NonNullable<Relationship['people']>[number]>;
  orgs: ReadonlyMap<string, NonNullable<Relationship['organizations']>[number]>;
  /** Version 2 files: documents, mechanisms, indicators, status, quotes (all empty for v1). */
  extra: V2View;
  countryName: (code: string) => string;
  /** Source ids as numbered references, in the sources section's order. */
  refs: (ids: readonly string[] | undefined) => Ref[];
  /** Data-quality note ids as flags. */
  flags: (ids: readonly string[] | undefined) => Flag[];
  /** A title, marked when the desk wrote it. */
  titled: (id: string, title: string) => string;
  /** An engagement's or milestone's date, as one range when it spans days. */
  itemDate: (item: { date: PartialDate; dateInferred?: string; status?: string }) => DateView;
}

export function createViewContext(input: Relationship, opts: ViewOptions): ViewContext {
  const rel = opts.audience.internal ? input : filterPublic(input);
  // Read before the public cut drops the notes: the mark must survive where the note does not.
  const descriptive = descriptiveTitles(input);
  const fmt = createFormatter(opts.locale ?? 'en-GB');
  const g = opts.grammar ?? createGrammar(fmt.locale);
  const language = opts.language ?? fmt.locale.split('-')[0]!;
  const kinds = Object.fromEntries(Object.keys(kindLabels).map((k) => [k, g.label('kind', k, kindLabels[k])]));
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
  /** A span of days (v2 `dates`) reads as one range: "22–23 August 2024". */
  const spanned = (view: DateView, start: PartialDate, end: PartialDate | undefined): DateView =>
    end === undefined || view.suspect ? view : { ...view, label: formatDateRange(fmt.locale, start, end), end: String(end) };
  const people = new Map((rel.people ?? []).map((p) => [p.id, p]));
  return {
    rel,
    opts,
    fmt,
    g,
    language,
    descriptive,
    kinds,
    pairOrder: rel.pair.countries.map((c) => c.code),
    people,
    orgs: new Map((rel.organizations ?? []).map((o) => [o.id, o])),
    extra: v2View(rel as RelationshipData, {
      fmt,
      g,
      refs,
      shown: (x) => opts.audience.internal || x.visibility !== 'internal',
      personName: (id) => people.get(id)?.name ?? id,
    }),
    countryName: (code) => rel.pair.countries.find((c) => c.code === code)?.name ?? code,
    refs,
    flags,
    titled: (id, title) => (descriptive.has(id) ? g.t('title.descriptive', { title }) : title),
    itemDate: (x) => spanned(date(x.date, x.dateInferred, x.status === 'planned'), x.date, extrasOf(x).dateEnd),
  };
}
