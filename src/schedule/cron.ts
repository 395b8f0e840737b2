import { Cron } from 'croner';

/** The pure part of croner we use: next and previous slots from any instant, never timers. */
export interface Schedule {
  readonly expression: string;
  readonly timezone: string;
  /** True for 6-field expressions (seconds first). */
  readonly hasSeconds: boolean;
  /** First slot strictly after `from`, or null when the expression never fires again. */
  next(from: Date): Date | null;
  nextN(n: number, from: Date): Date[];
  /** Slots in (after, upTo], oldest first, at most `limit` of the most recent ones. */
  between(after: Date, upTo: Date, limit: number): { slots: Date[]; total: number; more: boolean };
}

/** Slots counted at most when a scheduler was down for long (an every-second job, a month): "1000+". */
const MAX_COUNT = 1000;

export function createSchedule(expression: string, timezone: string): Schedule {
  const cron = new Cron(expression, { paused: true, timezone, mode: '5-or-6-parts' });
  return {
    expression,
    timezone,
    hasSeconds: expression.trim().split(/\s+/).length === 6,
    next: (from) => cron.nextRun(from),
    nextN: (n, from) => cron.nextRuns(n, from),
    between(after, upTo, limit) {
      // previousRuns excludes a run exactly at the reference; +1 ms includes a slot at upTo.
      const recent = cron.previousRuns(limit, new Date(upTo.getTime() + 1)).filter((d) => d > after);
      let total = recent.length;
      let more = false;
      if (recent.length === limit) {
        total = 0;
        for (let d = cron.nextRun(after); d && d <= upTo; d = cron.nextRun(d)) {
          if (++total >= MAX_COUNT) {
            more = true;
            break;
          }
        }
      }
      return { slots: recent.reverse(), total, more };
    },
  };
}

/** Why croner rejects an expression, in its words without the class prefix; undefined when valid. */
export function cronProblem(expression: string): string | undefined {
  try {
    new Cron(expression, { paused: true, mode: '5-or-6-parts' });
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^CronPattern: /, '');
  }
}
