import type { QuantityValue } from '../schema/v2/quantity.js';
import type { Formatter } from './format.js';
import type { Grammar } from './grammar/index.js';

/**
 * A figure as the source worded it: "over 150", "about 11", "10–12"; an exact one as the
 * number. `show` formats the number (a plain count, money, a scaled headline).
 */
export function quantityLabel(g: Grammar, q: QuantityValue, show: (n: number) => string): string {
  if (!q.qualifier) return show(q.value);
  if (q.qualifier === 'range') return g.t('quantity.range', { value: show(q.value), to: show(q.to ?? q.value) });
  return g.t(`quantity.${q.qualifier}`, { value: show(q.value) });
}

/** The same for a plain number shown with its reported decimals. */
export function numberLabel(g: Grammar, fmt: Formatter, q: QuantityValue, decimals?: number): string {
  return quantityLabel(g, q, (n) => fmt.number(n, decimals));
}
