/** Number wording shared by labels and alt text, so both always state the same figure. */

export const DEFAULT_LOCALE = 'en-US';

/** A figure we can draw: a finite number. NaN or a missing value means "no data". */
export function isFigure(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

export interface NumberWords {
  /** 2.3 → "2.3"; at most two decimals, as source tables give them. */
  plain(n: number): string;
  /** 0.9 → "+0.9", -0.9 → "−0.9" (minus sign, as the brief's text writes it): a balance always shows its sign. */
  signed(n: number): string;
}

export function numberWords(locale: string = DEFAULT_LOCALE): NumberWords {
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return { plain: (n) => plain.format(n), signed: (n) => signed.format(n).replace('-', '\u2212') };
}

/** How many currency units one reported unit is; unknown units are not rescaled. */
const UNIT_FACTOR: Record<string, number> = { '': 1, one: 1, thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * Chart wording of amounts: scaled to their real magnitude in the locale's compact form
 * ("1.27bn", "935k" in en-GB), so a billion reported in thousands reads as one. Tables and
 * alt text keep the figures as reported.
 */
export interface CompactAmounts {
  /** Multiplies a reported figure into what is drawn (1 when the unit is unknown). */
  factor: number;
  /** Axis and legend unit: the currency alone once figures are scaled. */
  unit: string;
  plain(n: number): string;
  signed(n: number): string;
}

export function compactAmounts(unit: string, currency: string, locale: string = DEFAULT_LOCALE): CompactAmounts {
  const known = UNIT_FACTOR[unit.trim()];
  const factor = known ?? 1;
  return {
    factor,
    unit: known === undefined ? unitTitle(unit, currency) : currency.trim(),
    plain: (n) => minus(compactWords(locale, formatterFor(locale, n * factor, 'auto').format(n * factor))),
    signed: (n) => minus(compactWords(locale, formatterFor(locale, n * factor, 'exceptZero').format(n * factor))),
  };
}

/** Axis ticks: the same compact form as the labels (set on linear axes in setup.ts). */
export function compactTick(locale: string | undefined, value: number): string {
  return minus(compactWords(locale || DEFAULT_LOCALE, formatterFor(locale || DEFAULT_LOCALE, value, 'auto').format(value)));
}

/** ICU's Azerbaijani writes thousands as "500K" beside "935 mln"; the word is "min". */
const compactWords = (locale: string, s: string): string => (/^az\b/i.test(locale) ? s.replace(/(\d)\s?K(?![\p{L}])/u, '$1 min') : s);

// Compact words stop at trillions; past a thousand trillion, "1.4E18" stays short.
const COMPACT_LIMIT = 1e15;
// Intl formatters are costly to build; a chart formats a few dozen figures.
const formats = new Map<string, Intl.NumberFormat>();
function formatterFor(locale: string, n: number, sign: 'auto' | 'exceptZero'): Intl.NumberFormat {
  const notation = Math.abs(n) >= COMPACT_LIMIT ? 'scientific' : 'compact';
  const key = `${locale}|${notation}|${sign}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { notation, maximumSignificantDigits: 3, signDisplay: sign })));
  return f;
}

const minus = (s: string) => s.replace('-', '\u2212');

/** "million USD"; just the currency when the unit is empty. */
export function unitTitle(unit: string, currency: string): string {
  return [unit.trim(), currency.trim()].filter(Boolean).join(' ');
}

/** Joins alt-text sentences, each ending in one full stop. */
export function sentences(parts: (string | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim().replace(/[.]?$/, '.'))
    .join(' ');
}
