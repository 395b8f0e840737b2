import type { ResolvedConfig, ResolvedJob } from '../config/resolve-config.js';
import { errorText, type BuildFn } from './attempts.js';
import { lastKnownSlot, planMissed } from './catch-up.js';
import { sleepUntil, systemClock, type Clock } from './clock.js';
import { createSchedule, type Schedule } from '../job-spec/cron.js';
import { appendRecord, type Trigger } from './history.js';
import type { LockOptions } from './lock.js';
import { createLogger, type Logger } from './log.js';
import { slotInfo } from './plan-run.js';
import { makeRecord, newRunId } from './record.js';
import { runJob } from './run-job.js';
import { zonedIso } from '../job-spec/zoned-time.js';

export interface SchedulerOptions {
  config: ResolvedConfig;
  clock?: Clock;
  log?: Logger;
  build?: BuildFn;
  lock?: Partial<LockOptions>;
  lockPollMs?: number;
  shippedTemplates?: string;
}

export interface Scheduler {
  /** Catch up on missed slots, then wait for each job's next slot. */
  start(): Promise<void>;
  /** Take no new runs; the current ones finish. Idempotent. */
  stop(reason?: string): void;
  /**
   * Resolves when stopped and every run has finished: 'stopped' when asked to stop, 'no-slots'
   * when no job has a further slot (nothing is left to wait for, so the scheduler stops itself).
   */
  readonly done: Promise<'stopped' | 'no-slots'>;
  /** Resolves when no run is in progress or queued (tests). */
  idle(): Promise<void>;
}

/** With overlap: queue, slots waiting beyond this are skipped (and recorded) instead. */
export const MAX_QUEUED = 10;

interface Slot {
  at: Date;
  trigger: Trigger;
}

/**
 * The scheduler only decides when (README "Scheduled briefs"): one timer loop per job, the job's catch-up and
 * overlap policies, and clean shutdown. Each run is `runJob`, as for `bilat jobs run`.
 */
export function createScheduler(opts: SchedulerOptions): Scheduler {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger({ clock, write: (l) => process.stdout.write(l + '\n') });
  const abort = new AbortController();
  const work = new Set<Promise<void>>();
  const loops: Promise<void>[] = [];
  const state = new Map<string, { running: boolean; queue: Slot[] }>();
  let resolveDone!: (why: 'stopped' | 'no-slots') => void;
  const done = new Promise<'stopped' | 'no-slots'>((r) => (resolveDone = r));
  let why: 'stopped' | 'no-slots' = 'stopped';

  const track = (p: Promise<void>) => {
    work.add(p);
    void p.finally(() => work.delete(p));
  };
  const fields = (job: ResolvedJob) => ({ job: job.name, timezone: job.timezone });

  async function recordSkip(job: ResolvedJob, at: Date, trigger: Trigger, reason: string, missed?: number) {
    const slot = slotInfo(job, at);
    const now = clock.now();
    const r = makeRecord(
      job,
      slot,
      { runId: newRunId(slot), trigger, status: 'skipped', start: now, end: now },
      { reason, ...(missed ? { missed } : {}) },
    );
    await appendRecord(job.stateDir, r);
    log.log('skip', `slot ${slot.scheduledFor}: ${reason}`, fields(job));
  }

  async function drain(job: ResolvedJob, first: Slot) {
    const st = state.get(job.name)!;
    for (let slot: Slot | undefined = first; slot; slot = st.queue.shift()) {
      if (abort.signal.aborted) {
        const n = st.queue.length + 1;
        log.log('queue', `stopping: ${n} queued run(s) not started; the next start catches them up`, fields(job));
        st.queue = [];
        break;
      }
      try {
        await runJob(job, {
          at: slot.at,
          trigger: slot.trigger,
          clock,
          log,
          build: opts.build,
          signal: abort.signal,
          lock: opts.lock,
          lockPollMs: opts.lockPollMs,
          shippedTemplates: opts.shippedTemplates,
        });
      } catch (e) {
        // A failing job never stops the others.
        log.log('error', `run of slot ${zonedIso(slot.at, job.timezone)} failed unexpectedly: ${errorText(e)}`, fields(job));
      }
    }
    st.running = false;
  }

  /** Run slots in order; while a run is in progress, apply the job's overlap policy. */
  function dispatch(job: ResolvedJob, slots: Slot[]) {
    const st = state.get(job.name)!;
    if (!slots.length) return;
    if (!st.running) {
      st.running = true;
      st.queue.push(...slots.slice(1));
      track(drain(job, slots[0]!));
      return;
    }
    for (const slot of slots) {
      const when = zonedIso(slot.at, job.timezone);
      if (job.overlap === 'skip')
        track(recordSkip(job, slot.at, slot.trigger, 'previous run still running; overlap: skip').catch(logError(job)));
      else if (st.queue.length >= MAX_QUEUED)
        track(recordSkip(job, slot.at, slot.trigger, `${MAX_QUEUED} runs already queued`).catch(logError(job)));
      else {
        st.queue.push(slot);
        log.log('queue', `slot ${when} queued behind the running one (${st.queue.length} waiting); overlap: queue`, fields(job));
      }
    }
  }

  /** Slots in (after, upTo] that passed unrun: the job's catchUp policy decides. */
  function handleMissed(job: ResolvedJob, schedule: Schedule, after: Date, upTo: Date) {
    const plan = planMissed(job, schedule, after, upTo);
    if (!plan.run.length && !plan.skipped) return;
    const count = `${plan.skipped + plan.run.length}${plan.more ? '+' : ''}`;
    log.log(
      'catch-up',
      `${count} slot(s) missed since ${zonedIso(after, job.timezone)}; catchUp: ${job.catchUp} → running ${plan.run.length}`,
      fields(job),
    );
    dispatch(
      job,
      plan.run.map((at) => ({ at, trigger: 'catch-up' as const })),
    );
    if (plan.skipped && plan.latestSkipped) {
      const reason = `missed while no scheduler ran (${plan.skipped}${plan.more ? '+' : ''} slot(s)); catchUp: ${job.catchUp}`;
      track(recordSkip(job, plan.latestSkipped, 'catch-up', reason, plan.skipped).catch(logError(job)));
    }
  }

  async function loop(job: ResolvedJob, schedule: Schedule, from: Date) {
    for (;;) {
      const next = schedule.next(from);
      if (!next) {
        log.log('next', 'no further slots for this cron expression', fields(job));
        return;
      }
      if (!(await sleepUntil(clock, next, abort.signal))) return;
      const now = clock.now();
      // Woken long after the slot (suspend, a blocked event loop): more than one slot passed.
      const passed = schedule.between(from, now, 2);
      if (passed.total > 1) handleMissed(job, schedule, from, now);
      else dispatch(job, [{ at: next, trigger: 'schedule' }]);
      from = passed.total > 1 ? now : next;
    }
  }

  function stop(reason = 'stop requested') {
    if (abort.signal.aborted) return;
    abort.abort();
    const running = [...state.values()].filter((s) => s.running).length;
    log.log('scheduler', `${reason}: taking no new runs${running ? `, waiting for ${running} running job(s)` : ''}`);
    void (async () => {
      await Promise.all(loops);
      while (work.size) await Promise.allSettled([...work]);
      log.log('scheduler', 'stopped');
      resolveDone(why);
    })();
  }

  const logError = (job: ResolvedJob) => (e: unknown) => log.log('error', errorText(e), fields(job));

  return {
    done,
    async start() {
      const now = clock.now();
      for (const job of opts.config.jobs) {
        if (abort.signal.aborted) break; // stopped while starting
        state.set(job.name, { running: false, queue: [] });
        const schedule = createSchedule(job.cron, job.timezone);
        try {
          const after = await lastKnownSlot(job, now, (m) => log.log('warn', m, fields(job)));
          if (after) handleMissed(job, schedule, after, now);
        } catch (e) {
          logError(job)(e);
        }
        const next = schedule.next(now);
        log.log('next', next ? `${zonedIso(next, job.timezone)} (${job.cron}, ${job.timezone})` : 'no further slots', fields(job));
        loops.push(loop(job, schedule, now).catch(logError(job)));
      }
      log.log('scheduler', `watching ${opts.config.jobs.length} job(s) from ${opts.config.file}`);
      // Every job out of slots: nothing would ever wake the scheduler again, and `done` would
      // never settle (Node then ends with exit 13 and no message). Stop, saying why.
      void Promise.all(loops).then(() => {
        if (abort.signal.aborted) return;
        why = 'no-slots';
        stop('no job has a further slot');
      });
    },
    stop,
    async idle() {
      while (work.size) await Promise.allSettled([...work]);
    },
  };
}
