import type HandlebarsNS from 'handlebars';
import type { Formatter } from '../model/format.js';
import { sourceKindLabels } from '../model/labels.js';
import { createGrammar, type Grammar } from '../model/grammar/index.js';
import { isMessageKey } from '../model/grammar/keys.js';
import { ownValue } from '../own-key.js';
import { ESCAPE_KEY } from './isolate.js';
import type { Ref } from '../model/view-types.js';

type HB = typeof HandlebarsNS;
type HelperOptions = HandlebarsNS.HelperOptions;

/** Per-render services templates reach through `@bilat` data (no global state). */
export interface RenderServices {
  fmt: Formatter;
  /** The brief's words (its language's catalog); English when absent. */
  grammar?: Grammar;
  /** Render a declared chart to an HTML figure. */
  chart(kind: string, data: unknown, hash: Record<string, unknown>): string;
}

const services = (o: HelperOptions): RenderServices => (o.data as { bilat: RenderServices }).bilat;
const grammar = (o: HelperOptions): Grammar => services(o).grammar ?? createGrammar(services(o).fmt.locale);
// Frame text is the catalog's own words: escaped for markup only (an apostrophe stays one).
const escapeFrame = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const isDate = (d: unknown): d is string | number => typeof d === 'string' || typeof d === 'number';
const isOptions = (x: unknown): x is HelperOptions => typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;

/** The helpers every template may use. Names are listed in README → Templates. */
export function registerHelpers(hb: HB): string[] {
  const helpers: Record<string, HandlebarsNS.HelperDelegate> = {
    /** Footnote markers linking to the numbered source list: [1, 3]. */
    fn(refs: Ref[] | undefined) {
      if (!Array.isArray(refs) || refs.length === 0) return '';
      const links = refs.map((r) => `<a href="#src-${r.n}">${r.n}</a>`).join(', ');
      return new hb.SafeString(`<sup class="fn">[${links}]</sup>`);
    },
    /**
     * Words from the brief's catalog (templates/locales/<lang>.yaml): {{t "heading.trade"}},
     * {{t "fit.more" n=fit.contactsMore}}. Slots are escaped like {{…}}; `n` picks the plural form.
     */
    t(key: unknown, o: HelperOptions) {
      if (typeof key !== 'string' || !isMessageKey(key)) throw new Error(`t: unknown message "${String(key)}" (see templates/locales/en.yaml)`);
      const escape = ((o.data as Record<string, unknown>)[ESCAPE_KEY] ?? hb.Utils.escapeExpression) as (v: unknown) => string;
      const values: unknown[] = [];
      const slots: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(o.hash ?? {})) {
        if (k === 'n' && typeof v === 'number') slots.n = v;
        else slots[k] = `\uE000${values.push(v) - 1}\uE001`;
      }
      const text = escapeFrame(grammar(o).t(key, slots));
      return new hb.SafeString(text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => escape(values[Number(i)])));
    },
    /** The catalog's word for a value of a controlled list (not "label": views have fields of that name): {{word "outcome" kind}} → "Invitation"; the value itself when it has none. */
    word(prefix: unknown, value: unknown, o: HelperOptions) {
      return grammar(o).label(String(prefix), String(value ?? ''));
    },
    date(d: unknown, o: HelperOptions) {
      return d === undefined || d === null ? '' : services(o).fmt.date(d as string);
    },
    num(n: unknown, ...rest: unknown[]) {
      const o = rest.at(-1) as HelperOptions;
      if (typeof n !== 'number') return '—';
      const decimals = typeof rest[0] === 'number' ? rest[0] : undefined;
      return services(o).fmt.number(n, decimals);
    },
    /** A balance: +0.9 or −0.4 (true minus sign). */
    plusMinus(n: unknown, o: HelperOptions) {
      if (typeof n !== 'number') return '—';
      const s = services(o).fmt.number(Math.abs(n));
      return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
    },
    money(n: unknown, currency: string, unit: string, o: HelperOptions) {
      return typeof n === 'number' ? `${services(o).fmt.number(n)} ${grammar(o).unit(currency, unit)}` : '—';
    },
    percent(n: unknown, o: HelperOptions) {
      return typeof n === 'number' ? services(o).fmt.percent(n) : '—';
    },
    /** The word agreeing with a count, by the locale's plural rules: {{plural n "year" "years"}}. */
    plural(n: unknown, one: string, other: string, o: HelperOptions) {
      return grammar(o).plural(Number(n), one, other);
    },
    /** A count with its word: {{quantity n "contact" "contacts"}} → "1 contact", "5 contacts". (Not "count": data has a field of that name.) */
    quantity(n: unknown, one: string, other: string, o: HelperOptions) {
      if (typeof n !== 'number') return '—';
      return `${services(o).fmt.number(n, 0)} ${grammar(o).plural(n, one, other)}`;
    },
    /** A date in running text, with its preposition: "on 20 June 1980", "in June 1980", "in 1980". */
    on(d: unknown, o: HelperOptions) {
      return isDate(d) ? grammar(o).on(d) : '';
    },
    /** Two dates as one label, collapsing what they share: "3–5 March 2026"; equal dates give one. */
    dateRange(...args: unknown[]) {
      const o = args.pop() as HelperOptions;
      const [from, to] = args;
      if (!isDate(from)) return isDate(to) ? grammar(o).date(to) : '';
      return grammar(o).range(from, isDate(to) ? to : from);
    },
    /** "1st", "22nd". (Not "ordinal": anniversaries have a field of that name.) */
    nth(n: unknown, o: HelperOptions) {
      return typeof n === 'number' ? grammar(o).ordinal(n) : '';
    },
    join(list: unknown, sep: unknown) {
      return Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : '';
    },
    capitalize(s: unknown) {
      const t = String(s ?? '');
      return t.charAt(0).toUpperCase() + t.slice(1);
    },
    default(v: unknown, fallback: unknown) {
      return v === undefined || v === null || v === '' || isOptions(v) ? fallback : v;
    },
    sourceKind(k: string, o: HelperOptions) {
      return grammar(o).label('source-kind', String(k), ownValue(sourceKindLabels, String(k)) ?? k);
    },
    first(list: unknown, n: unknown) {
      return Array.isArray(list) ? list.slice(0, typeof n === 'number' ? n : 1) : [];
    },
    last(list: unknown, n: unknown) {
      return Array.isArray(list) ? list.slice(-(typeof n === 'number' ? n : 1)) : [];
    },
    eq: (a: unknown, b: unknown) => a === b,
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    not: (a: unknown) => !a,
    /** {{chart "trade-split" trade.latest}}: the template declares the chart and its data. */
    chart(kind: unknown, data: unknown, o: HelperOptions) {
      if (typeof kind !== 'string') throw new Error('chart: the first argument must be the chart kind, e.g. "trade-split"');
      if (data === undefined || data === null) return '';
      return new hb.SafeString(services(o).chart(kind, data, o.hash ?? {}));
    },
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  return Object.keys(helpers);
}
