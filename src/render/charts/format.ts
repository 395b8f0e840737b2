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
