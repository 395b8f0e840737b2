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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A valid expression that matches no date at all ("0 0 30 2 *"): croner finds no next run.
 * Caught when the config is checked; a scheduler given one would have nothing to wait for.
 * Returns why, in calendar words when the fields are plain numbers, else undefined.
 */
export function cronNeverFires(expression: string): { message: string; hint: string } | undefined {
  let next: Date | null;
  try {
    next = new Cron(expression, { paused: true, mode: '5-or-6-parts' }).nextRun();
  } catch {
    return undefined; // a syntax problem: cronProblem reports it
  }
  if (next) return undefined;
  const fields = expression.trim().split(/\s+/);
  const [, , dom = '', month = ''] = fields.length === 6 ? fields.slice(1) : fields;
  const days = expandField(dom, 1, 31);
  const months = expandField(month, 1, 12, MONTHS);
  const hint = 'pick a day that exists in those months: Feb has at most 29 days; Apr, Jun, Sep and Nov 30; "L" is the last day of a month';
  if (!days || !months) return { message: 'never fires: no date matches its day-of-month and month fields', hint };
  const dayList = joinWords(days.map(String));
  const monthNames = months.map((m) => MONTHS[m - 1]!);
  const plural = days.length > 1;
  const message =
    months.length === 1
      ? `never fires: ${monthNames[0]} ${dayList} ${plural ? 'do' : 'does'} not exist`
      : `never fires: day${plural ? 's' : ''} ${dayList} ${plural ? 'do' : 'does'} not exist in ${joinWords(monthNames, 'or')}`;
  return { message, hint };
}

/** "1,15", "1-5", "*\/2", "FEB" → sorted numbers; undefined for anything else (L, W, #, ?). */
function expandField(field: string, min: number, max: number, names?: readonly string[]): number[] | undefined {
  const value = (s: string): number | undefined => {
    const i = names?.findIndex((n) => n.toLowerCase() === s.toLowerCase()) ?? -1;
    if (i >= 0) return i + 1;
    return /^\d{1,2}$/.test(s) ? Number(s) : undefined;
  };
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const m = /^(\*|[^-/]+)(?:-([^/]+))?(?:\/(\d{1,2}))?$/.exec(item);
    if (!m) return undefined;
    const from = m[1] === '*' ? min : value(m[1]!);
    const to = m[2] !== undefined ? value(m[2]) : m[1] === '*' || m[3] ? max : from;
    const step = m[3] ? Number(m[3]) : 1;
    if (from === undefined || to === undefined || step < 1) return undefined;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

function joinWords(items: readonly string[], last = 'and'): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
