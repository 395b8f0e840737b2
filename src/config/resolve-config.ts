import { resolve } from 'node:path';
import type { z } from 'zod';
import type { Format } from '../build-options.js';
import { stateDirFor } from '../job-spec/out-pattern.js';
import { machineTimeZone } from '../job-spec/zoned-time.js';
import { parseDuration } from './duration.js';
import { HISTORY_DEFAULTS, JOB_DEFAULTS, MAX_TIMEOUT_MS, type BilatConfig } from './schema.js';

/** A job with every default applied and every path absolute. Frozen. */
export interface ResolvedJob {
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
  /** Files and globs as written; expanded against `root` at each run. */
  readonly data: readonly string[];
  /** Undefined: every audience. */
  readonly audiences?: readonly string[];
  readonly formats: readonly Format[];
  /** Run folder pattern relative to `root`, tokens unexpanded. */
  readonly out: string;
  readonly keep?: number;
  readonly keepDays?: number;
  readonly catchUp: 'none' | 'latest' | 'all';
  readonly catchUpLimit: number;
  readonly overlap: 'skip' | 'queue';
  readonly retries: number;
  readonly retryDelayMs: number;
  /** Time limit of one run: its attempts and retry waits (not the wait for the lock). */
  readonly timeoutMs: number;
  /** History rotation: records and bytes of this job kept in history.jsonl. */
  readonly historyKeep: number;
  readonly historyMaxBytes: number;
  readonly templates?: string;
  readonly locale?: string | readonly string[];
  readonly pageSize?: 'A4' | 'LETTER';
  /** Absolute folder of the history, locks and state (`output/.bilat`). */
  readonly stateDir: string;
  /** Absolute project folder. */
  readonly root: string;
}

export interface ResolvedConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  readonly root: string;
  readonly jobs: readonly ResolvedJob[];
}

export function resolveJobs(config: z.output<typeof BilatConfig>, where: { file: string; root: string }): ResolvedConfig {
  const { root } = where;
  const jobs = config.jobs.map((j): ResolvedJob => {
    const out = j.out ?? JOB_DEFAULTS.out;
    const templates = j.templates ?? config.templates;
    return Object.freeze({
      name: j.name,
      cron: j.cron.trim(),
      timezone: j.timezone ?? machineTimeZone(),
      data: Object.freeze(typeof j.data === 'string' ? [j.data] : [...j.data]),
      audiences: j.audiences && Object.freeze([...j.audiences]),
      formats: Object.freeze([...(j.formats ?? JOB_DEFAULTS.formats)]),
      out,
      keep: j.keep,
      keepDays: j.keepDays,
      catchUp: j.catchUp ?? JOB_DEFAULTS.catchUp,
      catchUpLimit: j.catchUpLimit ?? JOB_DEFAULTS.catchUpLimit,
      overlap: j.overlap ?? JOB_DEFAULTS.overlap,
      retries: j.retries ?? JOB_DEFAULTS.retries,
      retryDelayMs: (j.retryDelay ?? JOB_DEFAULTS.retryDelay) * 1000,
      timeoutMs: timeoutMs(j.timeout ?? JOB_DEFAULTS.timeout),
      historyKeep: config.history?.keep ?? HISTORY_DEFAULTS.keep,
      historyMaxBytes: config.history?.maxBytes ?? HISTORY_DEFAULTS.maxBytes,
      templates: templates && resolve(root, templates),
      locale: j.locale,
      pageSize: j.pageSize,
      stateDir: resolve(root, config.state ?? stateDirFor(out)),
      root,
    });
  });
  return Object.freeze({ file: where.file, root, jobs: Object.freeze(jobs) });
}

/** checkJobs has reported a bad value already; this is only reached with a valid one. */
function timeoutMs(value: number | string): number {
  const parsed = parseDuration(value, { maxMs: MAX_TIMEOUT_MS });
  if (!('ms' in parsed)) throw new Error(`unchecked timeout ${JSON.stringify(value)}`);
  return parsed.ms;
}
