import { z } from 'zod';
import { PartialDate } from '../common.js';

/** Several days (a two-day state visit, a three-day forum): first and last day, both included. */
export const DateRange = z
  .strictObject({
    start: PartialDate.meta({ description: 'First day (or month, year).' }),
    end: PartialDate.meta({ description: 'Last day, included.' }),
  })
  .meta({ description: 'A span of days, e.g. {start: 2024-08-22, end: 2024-08-23}; use `date` for a single day.' });
export type DateRange = z.infer<typeof DateRange>;

/** A period that may still run (a themed year, a status in force): the end is optional. */
export const Period = z
  .strictObject({
    start: PartialDate,
    end: PartialDate.optional().meta({ description: 'Last day, included; leave out while it lasts.' }),
  })
  .meta({ description: 'A period with a start and, once over, an end.' });
export type Period = z.infer<typeof Period>;
