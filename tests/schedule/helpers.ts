import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { inMemoryDocument, resolveConfigDocument, type ResolvedConfig, type ResolvedJob } from '../../src/config/index.js';
import type { BuildOptions, BuildResult } from '../../src/pipeline.js';
import type { Clock } from '../../src/schedule/clock.js';
import { zonedIso } from '../../src/job-spec/zoned-time.js';
import type { Logger, LogEntry } from '../../src/schedule/log.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/schedule/', import.meta.url));
export const TEMPLATES = join(FIXTURES, 'templates');

/**
 * A clock that moves only when told. `advanceTo` wakes sleepers in time order and lets the
 * woken code run (microtasks and a few event-loop turns) before waking the next.
 */
export class FakeClock implements Clock {
  private t: number;
  private sleepers: { at: number; wake: () => void; watch?: boolean }[] = [];
  /** Every sleep asked for, in ms (retry backoff checks). */
  readonly sleeps: number[] = [];
  /** When true, sleep() moves time forward itself and returns at once (runJob tests). */
  auto = false;

  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (this.auto) {
      this.t += ms;
      this.wakeWatchers();
      return Promise.resolve();
    }
    return this.wait(ms, signal);
  }
  /** A run's time limit: woken when time passes it, never moves time itself (not in `sleeps`). */
  watch(ms: number, signal?: AbortSignal): Promise<void> {
    return this.wait(ms, signal, true);
  }
  private wakeWatchers(): void {
    const due = this.sleepers.filter((s) => s.watch && s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => !due.includes(s));
    due.forEach((s) => s.wake());
  }
  private wait(ms: number, signal: AbortSignal | undefined, watch = false): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((x) => x !== s);
        resolve();
      };
      const s = {
        at: this.t + ms,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        watch,
      };
      this.sleepers.push(s);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
  /**
   * Awaited after each wake-up, before time moves on: `() => scheduler.idle()` makes runs
   * finish "instantly". Unset it when a run waits on this clock (build.gate, retry backoff).
   */
  between?: () => Promise<void>;

  get pending(): number {
    return this.sleepers.filter((s) => !s.watch).length;
  }
  /** Move time without waking anyone: what a suspended machine sees on resume. */
  jump(when: string | Date): void {
    this.t = new Date(when).getTime();
  }
  async advanceTo(when: string | Date): Promise<void> {
    const target = new Date(when).getTime();
    for (;;) {
      await settle();
      await this.between?.();
      this.sleepers.sort((a, b) => a.at - b.at);
      const s = this.sleepers[0];
      if (!s || s.at > target) break;
      this.sleepers.shift();
      this.t = Math.max(this.t, s.at);
      s.wake();
    }
    this.t = Math.max(this.t, target);
    await settle();
  }
}

/** Let woken code run: microtasks and a few turns of the event loop. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
}

export interface FakeBuild {
  (opts: BuildOptions): Promise<BuildResult>;
  calls: BuildOptions[];
  /** Throw this error on the next calls (one per entry), then succeed. */
  failures: unknown[];
  /** While set, each build waits for this promise (overlap tests). */
  gate?: Promise<void>;
}

/** Stands in for buildBriefs: writes `<pair>-<audience>.<format>` files into `out`. */
export function fakeBuild(): FakeBuild {
  const fn = (async (opts: BuildOptions) => {
    fn.calls.push(opts);
    if (fn.gate) await fn.gate;
    const failure = fn.failures.shift();
    if (failure) throw failure;
    const files: string[] = [];
    mkdirSync(opts.out!, { recursive: true });
    for (const d of opts.data) {
      const pair = (parse(readFileSync(d, 'utf8')) as { pair?: { id?: string } })?.pair?.id ?? basename(d, extname(d));
      for (const a of opts.audiences ?? ['executive', 'analyst', 'public']) {
        for (const f of opts.formats ?? ['pdf', 'html']) {
          const file = join(opts.out!, `${pair}-${a}.${f}`);
          writeFileSync(file, `${pair} ${a} as of ${opts.asOf}\n`);
          files.push(file);
        }
      }
    }
    return { files, diagnostics: [] };
  }) as unknown as FakeBuild;
  fn.calls = [];
  fn.failures = [];
  return fn;
}

/** A scratch project: the fixture data, a config written from `config`, removed by `cleanup`. */
export function tempProject(config?: unknown): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'bilat-schedule-'));
  cpSync(join(FIXTURES, 'project', 'data'), join(root, 'data'), { recursive: true });
  if (config !== undefined) writeFileSync(join(root, 'bilat.config.json'), JSON.stringify(config, null, 2));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Resolve jobs (given as config objects) for a project folder, with the fixture templates. */
export function resolveJobsFor(root: string, jobs: Record<string, unknown>[], extra: Record<string, unknown> = {}): ResolvedConfig {
  return resolveConfigDocument(inMemoryDocument({ ...extra, jobs }, join(root, 'bilat.config.json')), {
    root,
    shippedTemplates: TEMPLATES,
  });
}

export function oneJob(root: string, job: Record<string, unknown>): ResolvedJob {
  return resolveJobsFor(root, [{ name: 'weekly', cron: '0 7 * * MON', timezone: 'Asia/Baku', data: ['data/az-kg.yaml'], ...job }]).jobs[0]!;
}

/** A logger that keeps its entries in memory, for assertions. */
export function memoryLogger(clock: Clock): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    log(event, message, fields = {}) {
      const { job, timezone, ...rest } = fields;
      entries.push({ time: zonedIso(clock.now(), (timezone as string | undefined) ?? 'UTC'), job, event, message, ...rest });
    },
  };
}
