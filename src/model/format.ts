import { parseDate, type DateParts } from './dates.js';
import type { PartialDate } from '../schema/common.js';

/** Locale-aware formatting shared by the view model and the template helpers. */
export interface Formatter {
  locale: string;
  date(d: PartialDate | DateParts): string;
  number(n: number, decimals?: number): string;
  money(n: number, currency: string, unit: string): string;
  unitLabel(currency: string, unit: string): string;
  percent(n: number, decimals?: number): string;
}

const cache = new Map<string, Formatter>();

export function createFormatter(locale = 'en-GB'): Formatter {
  const hit = cache.get(locale);
  if (hit) return hit;
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const nf = new Map<number, Intl.NumberFormat>();
  const num = (n: number, decimals?: number) => {
    const d = decimals ?? decimalsOf(n);
    let f = nf.get(d);
    if (!f) nf.set(d, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })));
    return f.format(n);
  };
  const unitLabel = (currency: string, unit: string) => (unit === 'one' ? currency : `${unit} ${currency}`);
  const fmt: Formatter = {
    locale,
    date(d) {
      const p = typeof d === 'object' ? d : parseDate(d);
      if (p.precision === 'year') return String(p.year);
      const utc = new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
      return p.precision === 'month' ? month.format(utc) : day.format(utc);
    },
    number: num,
    money: (n, currency, unit) => `${num(n)} ${unitLabel(currency, unit)}`,
    unitLabel,
    percent: (n, decimals = 0) => `${num(n * 100, decimals)}%`,
  };
  cache.set(locale, fmt);
  return fmt;
}

/** Keep the precision the figure was reported with (3.7 stays 3.7, 58 stays 58). */
function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : Math.min(6, s.length - dot - 1);
}
