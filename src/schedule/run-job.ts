import type { ResolvedJob } from '../config/resolve-config.js';
import { BilatError, ExitCode } from '../errors.js';
import { buildWithRetries, errorText, type AttemptsResult, type BuildFn } from './attempts.js';
import { systemClock, type Clock } from './clock.js';
import { appendRecord, assertHistoryWritable, readHistory, slotHandled, type RunRecord, type Trigger } from './history.js';
import { lockFileFor, tryAcquireLock, type HeldLock, type LockInfo, type LockOptions } from './lock.js';
import { createLogger, type Logger } from './log.js';
import { planGroups, slotInfo, type SlotInfo } from './plan-run.js';
import { pruneRuns } from './retention.js';
import { cleanInterrupted } from './staging.js';
import { makeRecord, newRunId } from './record.js';
import { rotateHistory } from './rotate-history.js';
import { startTimeLimit, type TimeLimit } from './time-limit.js';
import { formatDuration } from '../config/duration.js';

export interface RunJobOptions {
  /** The slot: the scheduled time (as-of = its day in the job's zone). `jobs run` passes now. */
  at: Date;
  trigger: Trigger;
  clock?: Clock;
  log?: Logger;
  /** Default: the real pipeline, loaded on first use (rendering is heavy). */
  build?: BuildFn;
  /** Shutdown: stops waiting for a lock or a retry (the current attempt still finishes; the job's timeout still applies). */
  signal?: AbortSignal;
  lock?: Partial<LockOptions>;
  /** With overlap: queue, how often to look at another process's lock. Default 1 s. */
  lockPollMs?: number;
  shippedTemplates?: string;
}

/**
 * One run of one job, the same for `bilat schedule` and `bilat jobs run`: take the job's lock,
 * clean up after an interrupted run, build with retries, record, prune. Returns the history
 * record, or undefined when there was nothing to do (the slot ran elsewhere, or shutdown).
 */
export async function runJob(job: ResolvedJob, opts: RunJobOptions): Promise<RunRecord | undefined> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger({ clock, write: (l) => process.stdout.write(l + '\n') });
  const fields = { job: job.name, timezone: job.timezone };
  const slot = slotInfo(job, opts.at);
  const runId = newRunId(slot);
  const record = (status: RunRecord['status'], start: Date, extra: Partial<RunRecord>): RunRecord =>
    makeRecord(job, slot, { runId, trigger: opts.trigger, status, start, end: clock.now() }, extra);

  const append = async (r: RunRecord) => {
    await appendRecord(job.stateDir, r);
    try {
      const dropped = await rotateHistory(job.stateDir, { keep: job.historyKeep, maxBytes: job.historyMaxBytes });
      if (dropped) log.log('prune', `history rotated: dropped the ${dropped} oldest record(s)`, fields);
    } catch (e) {
      log.log('error', `could not rotate the history: ${errorText(e)}`, fields);
    }
  };

  const warn = (message: string) => log.log('warn', message, fields);
  let lock: HeldLock | undefined;
  let lockWarned = false;
  for (let waiting = false; !lock; waiting = true) {
    const got = await tryAcquireLock(lockFileFor(job.stateDir, job.name), { scheduledFor: slot.scheduledFor }, opts.lock);
    if (!got.ok && got.warning && !lockWarned) {
      lockWarned = true; // once per run: a queued run polls every second
      warn(got.warning);
    }
    if (got.ok) {
      lock = got.lock;
      if (got.recovered) log.log('lock', `removed a stale lock (${got.recovered.reason}); taking over`, fields);
      break;
    }
    const holder = describeHolder(got.holder);
    if (got.holder?.scheduledFor === slot.scheduledFor && opts.trigger !== 'manual') {
      log.log('skip', `slot ${slot.scheduledFor} is being run by ${holder}`, fields);
      return undefined;
    }
    if (job.overlap === 'skip') {
      const r = record('skipped', clock.now(), { reason: `previous run still running (${holder})` });
      await append(r);
      log.log('skip', `slot ${slot.scheduledFor}: previous run still running (${holder}); overlap: skip`, fields);
      return r;
    }
    if (!waiting) log.log('queue', `slot ${slot.scheduledFor} waits for the previous run (${holder}); overlap: queue`, fields);
    await clock.sleep(opts.lockPollMs ?? 1000, opts.signal);
    if (opts.signal?.aborted) return undefined;
  }

  let limit: TimeLimit | undefined;
  try {
    if (opts.trigger !== 'manual') {
      const done = slotHandled(await readHistory(job.stateDir, job.name, { warn }), opts.at);
      if (done) {
        log.log('skip', `slot ${slot.scheduledFor} already ran (${done.status}, pid ${done.pid} on ${done.host})`, fields);
        return undefined;
      }
    }
    await assertHistoryWritable(job.stateDir);
    const cleaned = await cleanInterrupted(job, clock.now());
    if (cleaned.warnings.length) warn(cleaned.warnings.join('; '));
    if (cleaned.removed.length)
      log.log('clean', `removed ${cleaned.removed.length} partial folder(s) of an interrupted run: ${cleaned.removed.join(', ')}`, fields);
    const start = clock.now();
    limit = startTimeLimit(clock, job.timeoutMs, () =>
      log.log('timeout', `over its timeout of ${formatDuration(job.timeoutMs)}: stopping the build; nothing will be published`, fields),
    );
    const result = await attempt(job, slot, runId, { ...opts, limit }, clock, log);
    const status = result.ok ? 'ok' : result.timedOut ? 'timed-out' : 'failed';
    const r = record(status, start, {
      attempt: result.attempts,
      files: result.files,
      folders: result.folders,
      ...(result.ok ? {} : { error: errorText(result.error), exitCode: exitCodeOf(result.error) }),
      ...(result.timedOut ? { timeoutMs: job.timeoutMs, notBuilt: result.notBuilt ?? [] } : {}),
    });
    limit.dispose();
    await append(r);
    const secs = (r.durationMs / 1000).toFixed(1);
    if (result.ok) log.log('end', `ok in ${secs} s, ${r.files.length} file(s) → ${r.folders.join(', ')}`, { ...fields, files: r.files });
    else if (result.timedOut) log.log('end', `timed out in ${secs} s: ${r.error}`, fields);
    else log.log('end', `failed after ${r.attempt} attempt(s) in ${secs} s: ${r.error}`, fields);
    if (result.ok && (job.keep !== undefined || job.keepDays !== undefined)) {
      try {
        const deleted = await pruneRuns(await readHistory(job.stateDir, job.name, { warn }), job.name, job, {
          root: job.root,
          now: clock.now(),
          protect: r.folders,
        });
        if (deleted.length) log.log('prune', `deleted ${deleted.length} old run folder(s): ${deleted.join(', ')}`, fields);
      } catch (e) {
        log.log('error', `could not delete old run folders: ${errorText(e)}`, fields);
      }
    }
    return r;
  } finally {
    limit?.dispose();
    await lock.release();
  }
}

async function attempt(
  job: ResolvedJob,
  slot: SlotInfo,
  runId: string,
  opts: RunJobOptions & { limit: TimeLimit },
  clock: Clock,
  log: Logger,
): Promise<AttemptsResult> {
  try {
    const groups = planGroups(job, slot, opts.shippedTemplates);
    const build = opts.build ?? (async (o) => (await import('../batch/build-briefs.js')).buildBriefs(o));
    return await buildWithRetries(job, slot, groups, { runId, build, clock, log, signal: opts.signal, limit: opts.limit });
  } catch (e) {
    return { ok: false, attempts: 0, files: [], folders: [], error: e };
  }
}

function exitCodeOf(e: unknown): number {
  return e instanceof BilatError ? e.exitCode : ExitCode.Unexpected;
}

function describeHolder(h: LockInfo | undefined): string {
  return h ? `pid ${h.pid} on ${h.hostname}, since ${h.startedAt}` : 'lock held';
}
