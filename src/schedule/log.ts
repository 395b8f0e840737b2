import { machineTimeZone, zonedIso } from '../job-spec/zoned-time.js';
import type { Clock } from './clock.js';

export type LogEvent =
  | 'scheduler'
  | 'next'
  | 'start'
  | 'end'
  | 'retry'
  | 'timeout'
  | 'skip'
  | 'queue'
  | 'catch-up'
  | 'lock'
  | 'clean'
  | 'prune'
  /** A damaged state file (history, lock, pending note) was skipped or set aside; the run goes on. */
  | 'warn'
  | 'error';

export interface LogEntry {
  time: string;
  job?: string;
  event: LogEvent;
  message: string;
  [field: string]: unknown;
}

export interface Logger {
  /** One event, one line. `timezone` is the job's, so times read as the job's wall clock. */
  log(event: LogEvent, message: string, fields?: { job?: string; timezone?: string; [k: string]: unknown }): void;
}

/** `2026-11-23T07:00:00+04:00 weekly-az-kg start …`, or the same as a JSON line. */
export function createLogger(opts: { clock: Clock; write: (line: string) => void; json?: boolean }): Logger {
  return {
    log(event, message, fields = {}) {
      const { job, timezone, ...rest } = fields;
      const time = zonedIso(opts.clock.now(), timezone ?? machineTimeZone());
      if (opts.json) opts.write(JSON.stringify({ time, ...(job ? { job } : {}), event, message, ...rest }));
      else opts.write(`${time} ${job ?? '-'} ${event} ${message}`);
    },
  };
}
