import { parseDate, type DateParts, type Precision } from '../dates.js';
import type { PartialDate } from '../../schema/common.js';

const OPTIONS: Record<Precision | 'month-name', Intl.DateTimeFormatOptions> = {
  'month-name': { month: 'long', timeZone: 'UTC' },
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

export const toParts = (d: PartialDate | DateParts): DateParts => (typeof d === 'object' ? d : parseDate(d));
const utc = (p: DateParts) => new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));

/**
 * A range of two dates as one label, with what they share written once: "3–5 March 2026",
 * "March–April 2026", "2019–2021", "3 March – 5 April 2026"; equal dates collapse to one.
 * Dates of different precision are compared at the coarser one (2025 and 2025-06 → "2025").
 */
export function formatDateRange(locale: string, from: PartialDate | DateParts, to: PartialDate | DateParts): string {
  const a = toParts(from);
  const b = toParts(to);
  const precision = RANK[a.precision] <= RANK[b.precision] ? a.precision : b.precision;
  const fmt = formatterFor(locale, precision);
  const parts = fmt.formatRangeToParts(utc(a), utc(b));
  return closeUp(parts);
}

/**
 * ICU writes " – " between the two ends; house style closes it up when each end is one
 * word ("3–5 March", "2019–2021") and keeps the spaces when an end has several.
 */
function closeUp(parts: Intl.DateTimeRangeFormatPart[]): string {
  const start = parts
    .filter((p) => p.source === 'startRange')
    .map((p) => p.value)
    .join('');
  const end = parts
    .filter((p) => p.source === 'endRange')
    .map((p) => p.value)
    .join('');
  const single = !/\s/.test(start.trim()) && !/\s/.test(end.trim());
  let out = '';
  let seenStart = false;
  let dashDone = false;
  for (const p of parts) {
    if (p.source === 'startRange') seenStart = true;
    if (!dashDone && seenStart && p.source === 'shared' && p.type === 'literal' && /[–-]/.test(p.value)) {
      out += single ? '–' : ' – ';
      dashDone = true;
      continue;
    }
    out += p.value;
  }
  return out;
}

const cache = new Map<string, Intl.DateTimeFormat>();
export function formatterFor(locale: string, precision: Precision | 'month-name'): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, OPTIONS[precision])));
  return f;
}

/**
 * The label of a period given by its first and last day, month or year: a whole calendar
 * year reads as the year ("2025", also for 2025-01 to 2025-12), otherwise as a range.
 */
export function formatPeriod(locale: string, start: PartialDate | DateParts, end: PartialDate | DateParts): string {
  const a = toParts(start);
  const b = toParts(end);
  const startsYear = a.precision === 'year' || (a.month === 1 && (a.precision === 'month' || a.day === 1));
  const endsYear = b.precision === 'year' || (b.month === 12 && (b.precision === 'month' || b.day === 31));
  const wholeYears = startsYear && endsYear;
  if (wholeYears) return formatDateRange(locale, { ...a, precision: 'year' }, { ...b, precision: 'year' });
  return formatDateRange(locale, a, b);
}
