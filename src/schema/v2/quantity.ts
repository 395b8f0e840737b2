import { z } from 'zod';

/**
 * A figure as the source gives it: an exact number, or an approximation in the source's own
 * terms ("about 11 million", "over 150", "up to 5", "10 to 12"). Briefs print the qualifier.
 */
export const ApproxQuantity = z.union([
  z.strictObject({ approx: z.number().meta({ description: '"about", "around", "some": printed "about N".' }) }),
  z.strictObject({ over: z.number().meta({ description: '"over", "more than", "exceeded": printed "over N".' }) }),
  z.strictObject({ atLeast: z.number().meta({ description: '"at least", "no fewer than": printed "at least N".' }) }),
  z.strictObject({ atMost: z.number().meta({ description: '"up to", "at most": printed "up to N".' }) }),
  z.strictObject({ under: z.number().meta({ description: '"under", "less than", "almost": printed "under N".' }) }),
  z.strictObject({ range: z.tuple([z.number(), z.number()]).meta({ description: '"between A and B": printed "A–B".' }) }),
]);
export type ApproxQuantity = z.infer<typeof ApproxQuantity>;

export const Quantity = z
  .union([z.number(), ApproxQuantity])
  .meta({ description: 'A number, or {approx|over|atLeast|atMost|under: N} or {range: [A, B]} when the source gives no exact figure.' });
export type Quantity = z.infer<typeof Quantity>;


export type Qualifier = 'approx' | 'over' | 'atLeast' | 'atMost' | 'under' | 'range';

/** The number a chart or a sum may use (the lower end of a range), and how it is qualified. */
export interface QuantityValue {
  value: number;
  qualifier?: Qualifier;
  /** Upper end of a range. */
  to?: number;
}

export function quantityValue(q: Quantity): QuantityValue {
  if (typeof q === 'number') return { value: q };
  if ('range' in q) return { value: q.range[0], qualifier: 'range', to: q.range[1] };
  const [k, v] = Object.entries(q)[0] as [Qualifier, number];
  return { value: v, qualifier: k };
}
