import type { PartialDate } from '../../schema/common.js';
import type { DateParts } from '../dates.js';
import { englishCatalog } from '../../locales/english.js';
import type { Catalog, Frame, MessageKey } from './keys.js';
import { isolate, isLatinName } from '../names.js';
import { formatDateRange, formatPeriod, formatterFor, toParts } from './date-range.js';

export type { Catalog, MessageKey } from './keys.js';
type DateLike = PartialDate | DateParts;
type Vars = Record<string, string | number>;

/**
 * The one place that writes words around data: prepositions by date precision, plural
 * agreement, collapsing ranges, derived period labels, milestone wording. Frames come from a
 * catalog (English by default), so a translated brief swaps the catalog, not the code.
 */
export interface Grammar {
  locale: string;
  catalog: Catalog;
  /** A frame filled with values; plural frames pick their form by `n`. */
  t(key: MessageKey, vars?: Vars & { n?: number }): string;
  /** A date and its parts as frame slots: {date}, {year}, {yearth}, {month}, {monthOf}, {monthIn} (for `name` "start": {start}, {startYear}…). */
  dateVars(d: DateLike, name?: string): Vars;
  /** A date on its own: "20 June 1980", "June 1980", "1980". */
  date(d: DateLike): string;
  /** A date in running text: "on 20 June 1980", "in June 1980", "in 1980". */
  on(d: DateLike): string;
  /** Two dates in running text: "from 2019 to 2021"; equal ones collapse to `on`. */
  span(from: DateLike, to: DateLike): string;
  /** Two dates as one label: "3–5 March 2026", "March–April 2026"; equal ones collapse. */
  range(from: DateLike, to: DateLike): string;
  /** A period's label when the data gives none: "January–June 2025", "2025". */
  period(start: DateLike, end: DateLike): string;
  /** A period in running text: "in January–June 2025", "in 2025"; one day "on 3 March 2025", days "from 3 March 2025 to 5 March 2025". */
  during(start: DateLike, end: DateLike): string;
  /** A tenure with open ends: "June 2020 – present", "until 2019". */
  tenure(from?: DateLike, to?: DateLike): string | undefined;
  /** The word for a count, agreeing with it: plural(1, "year", "years") → "year". */
  plural(n: number, one: string, other: string): string;
  /** "1st", "22nd". */
  ordinal(n: number): string;
  /** "this year", "in 1 year", "in 5 years". */
  inYears(n: number): string;
  /** A word for a value of a controlled list (`kind.meeting`, `topic.culture`), or `fallback` when the catalog has none. */
  label(prefix: string, value: string, fallback?: string): string;
  /** "million EUR", "млн EUR": the unit word with the currency. */
  unit(currency: string, unit: string): string;
}

const caches = new WeakMap<Catalog, Map<string, Grammar>>();

export function createGrammar(locale = 'en-GB', catalog: Catalog = englishCatalog()): Grammar {
  let cache = caches.get(catalog);
  if (!cache) caches.set(catalog, (cache = new Map()));
  const cached = cache.get(locale);
  if (cached) return cached;
  const cardinal = new Intl.PluralRules(locale);
  const ordinalRules = new Intl.PluralRules(locale, { type: 'ordinal' });
  // Every value is isolated: a right-to-left name must not pull the frame's brackets and years into its direction.
  // A value ending in a full stop ("2021 г.") takes the place of the frame's own: no "г..".
  const fill = (frame: string, vars: Vars) =>
    frame.replace(/\{(\w+)\}(\.?)/g, (m, k: string, stop: string) => {
      if (!Object.hasOwn(vars, k)) return m;
      const v = String(vars[k]);
      return isolate(v) + (stop && v.endsWith('.') ? '' : stop);
    });
  const pick = (frame: Frame, n: number | undefined, rules: Intl.PluralRules) => {
    if (typeof frame === 'string') return frame;
    return frame[n === undefined ? 'other' : rules.select(n)] ?? frame.other;
  };
  const date = (d: DateLike) => {
    const p = toParts(d);
    return formatterFor(locale, p.precision).format(new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1)));
  };
  const t: Grammar['t'] = (key, vars = {}) => fill(pick(catalog[key], vars.n, cardinal), vars);
  const months = (key: 'months.of' | 'months.in') => String(catalog[key]).split('|');
  // A date and its parts, for frames whose language declines the month ("в декабре 2021 г.").
  const dateVars = (d: DateLike, name = 'date'): Vars => {
    const p = toParts(d);
    const m = (p.month ?? 1) - 1;
    // {date}, {year}, {monthIn}…; for a span's ends {start}, {startYear}, {endMonthOf}…
    const k = (part: string) => (name === 'date' ? part : name + part.charAt(0).toUpperCase() + part.slice(1));
    const cased = (c: 'of' | 'in') =>
      p.precision === 'month'
        ? t(`date.month.${c}`, { year: p.year, monthOf: months('months.of')[m] ?? '', monthIn: months('months.in')[m] ?? '' })
        : date(d);
    return {
      [name]: date(d),
      [`${name}Of`]: cased('of'),
      [`${name}In`]: cased('in'),
      [k('year')]: p.year,
      [k('yearth')]: ordinal(p.year),
      [k('month')]: formatterFor(locale, 'month-name').format(new Date(Date.UTC(2000, m, 1))),
      [k('monthOf')]: months('months.of')[m] ?? '',
      [k('monthIn')]: months('months.in')[m] ?? '',
    };
  };
  const ordinal = (n: number) => fill(pick(catalog.ordinal, n, ordinalRules), { n });
  const on = (d: DateLike) => t(`date.on.${toParts(d).precision}`, dateVars(d));
  const g: Grammar = {
    locale,
    catalog,
    t,
    dateVars,
    date,
    on,
    span(from, to) {
      const a = date(from);
      const b = date(to);
      return a === b ? on(from) : t('span.from-to', { ...dateVars(from, 'start'), ...dateVars(to, 'end') });
    },
    range: (from, to) => formatDateRange(locale, from, to),
    period: (start, end) => formatPeriod(locale, start, end),
    during(start, end) {
      const label = formatPeriod(locale, start, end);
      const a = toParts(start);
      const b = toParts(end);
      if (label === date(start) || label === date(end)) return on(label === date(start) ? start : end);
      if (a.precision === 'day' && b.precision === 'day')
        return t('span.from-to', { ...dateVars(start, 'start'), ...dateVars(end, 'end') });
      return t('period.in', { period: label });
    },
    tenure(from, to) {
      if (from === undefined && to === undefined) return undefined;
      if (from === undefined) return t('period.open-start', dateVars(to!, 'end'));
      if (to === undefined) return t('period.open-end', dateVars(from, 'start'));
      return formatDateRange(locale, from, to);
    },
    plural: (n, one, other) => (cardinal.select(n) === 'one' ? one : other),
    ordinal,
    inYears: (n) => (n === 0 ? t('when.this-year') : t('when.in-years', { n })),
    label(prefix, value, fallback = value) {
      const key = `${prefix}.${value}`;
      return Object.hasOwn(catalog, key) ? t(key as MessageKey) : fallback;
    },
    unit(currency, unit) {
      const key = `unit.${unit}`;
      return Object.hasOwn(catalog, key) ? t(key as MessageKey, { currency }) : `${unit} ${currency}`;
    },
  };
  cache.set(locale, g);
  return g;
}

/** English "the" fits a Latin title that does not start with its own article; not a name in another script. */
export const takesArticle = (title: string): boolean => isLatinName(title) && !/^the\s/i.test(title);

/** What a milestone marks, worded from its kind and structured fields, never from its title's wording. */
export interface MilestoneSubject {
  kind: string;
  title: string;
  /** Title of the treaty a treaty-signing milestone marks (from its `treaty` reference). */
  treaty?: string;
  /** When it took place; given, the wording carries it in full ("signed on 12 March 2021"). */
  date?: PartialDate;
}

export function milestoneEvent(g: Grammar, m: MilestoneSubject): string {
  if (m.date !== undefined) {
    const on = g.on(m.date);
    if (m.kind === 'diplomatic-relations') return g.t('event.diplomatic-relations.dated', { on });
    if (m.kind === 'treaty-signing' && m.treaty)
      return g.t(takesArticle(m.treaty) ? 'event.treaty-signing.dated' : 'event.treaty-signing.bare.dated', { treaty: m.treaty, on });
    return g.t('event.other.dated', { title: m.title, date: g.date(m.date) });
  }
  if (m.kind === 'diplomatic-relations') return g.t('event.diplomatic-relations');
  if (m.kind === 'treaty-signing' && m.treaty)
    return g.t(takesArticle(m.treaty) ? 'event.treaty-signing' : 'event.treaty-signing.bare', { treaty: m.treaty });
  return g.t('event.other', { title: m.title });
}

/**
 * Who a source is credited to: the original publisher, "via" the outlet that relayed it.
 * `relays` lists the originals a relaying publisher reports; `via` names the outlet a
 * publisher's own text was read through.
 */
export function sourceCredit(g: Grammar, s: { publisher: string; relays?: readonly string[]; via?: string }): string {
  if (s.relays?.length) return g.t('credit.via', { publisher: s.relays.join('; '), outlet: s.publisher });
  if (s.via) return g.t('credit.via', { publisher: s.publisher, outlet: s.via });
  return s.publisher;
}
