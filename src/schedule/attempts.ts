import { relative, resolve, sep } from 'node:path';
import type { ResolvedJob } from '../config/resolve-config.js';
import { formatDiagnostic } from '../diagnostics.js';
import { BilatError, ExitCode } from '../errors.js';
import type { BuildOptions, BuildResult } from '../build-options.js';
import type { Clock } from './clock.js';
import type { Logger } from './log.js';
import type { RunGroup, SlotInfo } from './plan-run.js';
import type { TimeLimit } from './time-limit.js';
import { formatDuration } from '../config/duration.js';
import {
  assertReplaceable,
  clearPending,
  commitFolder,
  discardTemp,
  notePending,
  prepareTemp,
  stagedFolder,
  type StagedFolder,
} from './staging.js';

/** The pipeline, as the scheduler sees it (tests pass a fake). */
export type BuildFn = (opts: BuildOptions) => Promise<BuildResult>;

export interface AttemptsContext {
  runId: string;
  build: BuildFn;
  clock: Clock;
  log: Logger;
  /** Shutdown: stops a retry wait; the attempt in progress finishes. */
  signal?: AbortSignal;
  /** The run's `timeout`: stops the attempt in progress too, and nothing is published. */
  limit?: TimeLimit;
}

export interface AttemptsResult {
  ok: boolean;
  attempts: number;
  /** Relative to the project folder. */
  files: string[];
  folders: string[];
  error?: unknown;
  /** The run went over its timeout (not retried: the limit covers the whole run). */
  timedOut?: boolean;
  /** With timedOut: data files (relative) the stopped attempt did not build. */
  notBuilt?: string[];
}

/**
 * Build every run folder of a slot into temp folders and move them into place, trying again
 * with exponential backoff (retryDelay, ×2 each time). Invalid data is not retried: it will not
 * fix itself in seconds. A failed attempt leaves nothing behind.
 */
export async function buildWithRetries(
  job: ResolvedJob,
  slot: SlotInfo,
  groups: readonly RunGroup[],
  ctx: AttemptsContext,
): Promise<AttemptsResult> {
  const staged = groups.map((g) => stagedFolder(g.final, ctx.runId));
  const folders = groups.map((g) => rel(job.root, g.final));
  const fields = { job: job.name, timezone: job.timezone };
  for (const f of staged) await assertReplaceable(f, job.name);
  await notePending(job.stateDir, job.name, staged);
  try {
    const total = job.retries + 1;
    for (let attempt = 1; ; attempt++) {
      ctx.log.log('start', `slot ${slot.scheduledFor}, as of ${slot.asOf}, attempt ${attempt}/${total} → ${folders.join(', ')}`, fields);
      const notBuilt: string[] = [];
      try {
        const files = await buildAll(job, slot, groups, staged, ctx, notBuilt);
        return { ok: true, attempts: attempt, files: files.map((f) => rel(job.root, f)), folders };
      } catch (e) {
        await Promise.all(staged.map(discardTemp));
        if (ctx.limit?.expired()) {
          const missing = [...new Set(notBuilt)].map((f) => rel(job.root, f));
          const what = missing.length ? `; ${missing.length} data file(s) not built` : '';
          return timedOut(ctx.limit, attempt, `in attempt ${attempt}/${total}${what}`, missing, e);
        }
        if (!isRetryable(e)) return { ok: false, attempts: attempt, files: [], folders: [], error: e };
        if (attempt >= total) return { ok: false, attempts: attempt, files: [], folders: [], error: e };
        const delay = job.retryDelayMs * 2 ** (attempt - 1);
        ctx.log.log('retry', `attempt ${attempt}/${total} failed: ${errorText(e)}; next in ${delay / 1000} s`, fields);
        const stops = [ctx.signal, ctx.limit?.signal].filter((x): x is AbortSignal => x !== undefined);
        await ctx.clock.sleep(delay, stops.length > 1 ? AbortSignal.any(stops) : stops[0]);
        if (ctx.limit?.expired()) return timedOut(ctx.limit, attempt, `waiting to retry after: ${errorText(e)}`, [], e);
        if (ctx.signal?.aborted) {
          return {
            ok: false,
            attempts: attempt,
            files: [],
            folders: [],
            error: new BilatError('E_RENDER', `stopped before attempt ${attempt + 1}/${total}: ${errorText(e)}`, { cause: e }),
          };
        }
      }
    }
  } finally {
    await clearPending(job.stateDir, job.name);
  }
}

/** A timed-out run: its error says when the limit hit; the cause is kept for --debug. */
function timedOut(limit: TimeLimit, attempts: number, when: string, notBuilt: string[], cause: unknown): AttemptsResult {
  const error = new BilatError('E_TIMEOUT', `timed out (timeout ${formatDuration(limit.ms)}) ${when}; nothing was published`, { cause });
  return { ok: false, timedOut: true, attempts, files: [], folders: [], error, notBuilt };
}

/** Throws when the run's timeout is over; `notBuilt` collects the data files left unbuilt. */
async function buildAll(
  job: ResolvedJob,
  slot: SlotInfo,
  groups: readonly RunGroup[],
  staged: readonly StagedFolder[],
  ctx: AttemptsContext,
  notBuilt: string[],
): Promise<string[]> {
  const files: string[] = [];
  const stopIfOver = (left: readonly RunGroup[]) => {
    if (!ctx.limit?.expired()) return;
    notBuilt.push(...left.flatMap((g) => g.data));
    throw ctx.limit.signal.reason;
  };
  for (const [i, g] of groups.entries()) {
    stopIfOver(groups.slice(i));
    const f = staged[i]!;
    await prepareTemp(f);
    const result = await ctx.build({
      data: g.data,
      audiences: g.audiences,
      formats: [...job.formats],
      out: f.temp,
      asOf: slot.asOf,
      templates: job.templates,
      locale: job.locale,
      pageSize: job.pageSize,
      ...(ctx.limit ? { signal: ctx.limit.signal } : {}),
    });
    if (result.aborted) {
      notBuilt.push(...(result.notBuilt ?? g.data));
      stopIfOver(groups.slice(i + 1));
    }
    files.push(
      ...result.files
        .map((file) => resolve(file))
        .map((file) => (file.startsWith(f.temp + sep) ? f.final + file.slice(f.temp.length) : file)),
    );
  }
  // A run over its limit publishes nothing, even when its last file finished after the deadline.
  stopIfOver([]);
  for (const f of staged) await commitFolder(f, { job: job.name, runId: ctx.runId, scheduledFor: slot.scheduledFor });
  return files;
}

/** Invalid data or config (exit code 1) will fail the same way again; anything else may pass. */
export function isRetryable(e: unknown): boolean {
  return !(e instanceof BilatError && e.exitCode === ExitCode.InvalidInput);
}

/** An error as one history/log string: message, location, and the first diagnostics. */
export function errorText(e: unknown): string {
  if (e instanceof BilatError) {
    const diags = e.diagnostics ?? [];
    const shown = diags.slice(0, 3).map(formatDiagnostic);
    const more = diags.length > 3 ? [`… ${diags.length - 3} more`] : [];
    return [e.format(), ...shown, ...more].join('; ');
  }
  return e instanceof Error ? e.message : String(e);
}

function rel(root: string, p: string): string {
  return relative(root, p).split(sep).join('/');
}
