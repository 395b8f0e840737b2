/**
 * Headline amounts in a readable scale: 654,337.1 thousand EUR reads "654 million EUR".
 * Only key figures use this; tables and charts' alt text keep figures as reported.
 * The scaled figure is the reported one converted exactly, then rounded to three significant
 * digits (never rounding away integer digits), so it states nothing the source does not.
 */
const FACTORS: Record<string, number> = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9 };
const SCALES: [word: string, factor: number][] = [
  ['trillion', 1e12],
  ['billion', 1e9],
  ['million', 1e6],
  ['thousand', 1e3],
];

export interface ScaledAmounts {
  /** The figures in the chosen scale, in the order given. */
  values: string[];
  /** The unit word for the scale, or the reported unit when nothing was scaled. */
  unit: string;
  /** True when the figures were converted from the reported unit. */
  scaled: boolean;
}

/**
 * Scale figures reported in `unit` together (one unit word for all, as "2.3 / 1.4 million"):
 * the scale is the largest that keeps the smallest non-zero figure at 1 or more. Figures below
 * 1,000 in their own unit are left exactly as reported.
 */
export function scaleAmounts(figures: number[], unit: string, locale: string, asReported: (n: number) => string): ScaledAmounts {
  const factor = FACTORS[unit];
  const nonZero = figures.filter((n) => n !== 0 && Number.isFinite(n)).map(Math.abs);
  const keep = { values: figures.map(asReported), unit, scaled: false };
  if (factor === undefined || nonZero.length === 0 || Math.max(...nonZero) < 1000) return keep;
  const smallest = Math.min(...nonZero) * factor;
  const scale = SCALES.find(([, f]) => smallest >= f && f > factor);
  if (scale === undefined) return keep;
  const [word, f] = scale;
  const values = figures.map((n) => {
    const v = (n * factor) / f;
    // Every non-zero figure is at least 1 in this scale (the scale follows the smallest).
    const intDigits = v === 0 ? 1 : Math.floor(Math.log10(Math.abs(v))) + 1;
    return new Intl.NumberFormat(locale, { maximumFractionDigits: Math.max(0, 3 - intDigits) }).format(v);
  });
  return { values, unit: word, scaled: true };
}
