import type { PartialDate } from '../schema/common.js';

export type Precision = 'year' | 'month' | 'day';

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
  /** The value as written in the data, e.g. `2108` or `2020-04-27`. */
  raw: string;
}

export function parseDate(d: PartialDate): DateParts {
  const raw = String(d);
  const [y, m, day] = raw.split('-').map(Number);
  if (m === undefined) return { year: y!, precision: 'year', raw };
  if (day === undefined) return { year: y!, month: m, precision: 'month', raw };
  return { year: y!, month: m, day, precision: 'day', raw };
}

/** First and last day the partial date can mean, as ISO `YYYY-MM-DD`. */
export function dateRange(d: PartialDate): { start: string; end: string } {
  const p = parseDate(d);
  const y = String(p.year).padStart(4, '0');
  if (p.precision === 'year') return { start: `${y}-01-01`, end: `${y}-12-31` };
  const m = String(p.month).padStart(2, '0');
  if (p.precision === 'month') {
    const last = new Date(Date.UTC(p.year, p.month!, 0)).getUTCDate();
    return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  const iso = `${y}-${m}-${String(p.day).padStart(2, '0')}`;
  return { start: iso, end: iso };
}

/** True when a period from `start` to `end` does not span whole calendar years (Jan–Jun 2024). */
export function isPartialPeriod(start: PartialDate, end: PartialDate): boolean {
  return !dateRange(start).start.endsWith('-01-01') || !dateRange(end).end.endsWith('-12-31');
}

/** True when every day the date can mean lies after `asOf` (ISO). */
export function isAfter(d: PartialDate, asOf: string): boolean {
  return dateRange(d).start > asOf;
}

/** Sort key: the first day the date can mean. */
export function sortKey(d: PartialDate): string {
  return dateRange(d).start;
}

/** Today's date as ISO in local time: the default as-of date. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function isValidIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
