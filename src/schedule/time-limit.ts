import { formatDuration } from '../config/duration.js';
import { BilatError } from '../errors.js';
import type { Clock } from './clock.js';

/** A run's `timeout`: a signal that aborts when it is over, on the scheduler's clock. */
export interface TimeLimit {
  readonly ms: number;
  /** Aborts (reason: a BilatError E_TIMEOUT) when the limit is reached. */
  readonly signal: AbortSignal;
  /**
   * True when the limit is reached. Also reads the clock: a synchronous render can hold the
   * event loop past the deadline before the timer gets to fire, and such a run must not publish.
   */
  expired(): boolean;
  /** Stop the timer (the run ended). */
  dispose(): void;
}

export function startTimeLimit(clock: Clock, ms: number, onExpire?: () => void): TimeLimit {
  const deadline = clock.now().getTime() + ms;
  const limit = new AbortController();
  const done = new AbortController();
  const expire = () => {
    if (limit.signal.aborted || done.signal.aborted) return;
    limit.abort(new BilatError('E_TIMEOUT', `timed out: the run took longer than its timeout of ${formatDuration(ms)}`));
    onExpire?.();
  };
  const wait = clock.watch ? clock.watch.bind(clock) : clock.sleep.bind(clock);
  void wait(ms, done.signal).then(expire);
  return {
    ms,
    signal: limit.signal,
    expired() {
      if (!limit.signal.aborted && clock.now().getTime() >= deadline) expire();
      return limit.signal.aborted;
    },
    dispose: () => done.abort(),
  };
}
