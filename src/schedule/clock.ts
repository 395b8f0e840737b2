/** Time, injected: tests drive a fake clock instead of waiting real minutes. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or early (never rejects) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Like sleep, for a watchdog that waits alongside other work (a run's time limit). A test
   * clock whose sleep() moves time forward by itself implements this to not do so; default sleep.
   */
  watch?(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Real timers sleep in chunks of at most a minute and re-read the wall clock: a suspended laptop,
 * an NTP step or a months-long wait (setTimeout overflows past 24.8 days) then cannot make a
 * slot fire at the wrong time.
 */
export const MAX_SLEEP_CHUNK_MS = 60_000;

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** Sleep until the clock reads `at` or later; false when aborted first. */
export async function sleepUntil(clock: Clock, at: Date, signal?: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal?.aborted) return false;
    const left = at.getTime() - clock.now().getTime();
    if (left <= 0) return true;
    await clock.sleep(Math.min(left, MAX_SLEEP_CHUNK_MS), signal);
  }
}
