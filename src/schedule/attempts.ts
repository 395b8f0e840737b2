import { relative, resolve, sep } from 'node:path';
import type { ResolvedJob } from '../config/resolve-config.js';
import { formatDiagnostic } from '../diagnostics.js';
import { BilatError, ExitCode } from '../errors.js';
import type { BuildOptions, BuildResult } from '../pipeline.js';
import type { Clock } from './clock.js';
import type { Logger } from './log.js';
import type { RunGroup, SlotInfo } from './plan-run.js';
import { assertReplaceable, clearPending, commitFolder, discardTemp, notePending, prepareTemp, stagedFolder, type StagedFolder } from './staging.js';

/** The pipeline, as the scheduler sees it (tests pass a fake). */
export type BuildFn = (opts: BuildOptions) => Promise<BuildResult>;

export interface AttemptsContext {
  runId: string;
  build: BuildFn;
  clock: Clock;
  log: Logger;
  signal?: AbortSignal;
}

export interface AttemptsResult {
  ok: boolean;
  attempts: number;
  /** Relative to the project folder. */
  files: string[];
  folders: string[];
  error?: unknown;
}

/**
 * Build every run folder of a slot into temp folders and move them into place, trying again
 * with exponential backoff (retryDelay, ×2 each time). Invalid data is not retried: it will not
 * fix itself in seconds. A failed attempt leaves nothing behind.
 */
export async function buildWithRetries(job: ResolvedJob, slot: SlotInfo, groups: readonly RunGroup[], ctx: AttemptsContext): Promise<AttemptsResult> {
  const staged = groups.map((g) => stagedFolder(g.final, ctx.runId));
  const folders = groups.map((g) => rel(job.root, g.final));
  const fields = { job: job.name, timezone: job.timezone };
  for (const f of staged) await assertReplaceable(f, job.name);
  await notePending(job.stateDir, job.name, staged);
  try {
    const total = job.retries + 1;
    for (let attempt = 1; ; attempt++) {
      ctx.log.log('start', `slot ${slot.scheduledFor}, as of ${slot.asOf}, attempt ${attempt}/${total} → ${folders.join(', ')}`, fields);
      try {
        const files = await buildAll(job, slot, groups, staged, ctx);
        return { ok: true, attempts: attempt, files: files.map((f) => rel(job.root, f)), folders };
      } catch (e) {
        await Promise.all(staged.map(discardTemp));
        if (!isRetryable(e)) return { ok: false, attempts: attempt, files: [], folders: [], error: e };
        if (attempt >= total) return { ok: false, attempts: attempt, files: [], folders: [], error: e };
        const delay = job.retryDelayMs * 2 ** (attempt - 1);
        ctx.log.log('retry', `attempt ${attempt}/${total} failed: ${errorText(e)}; next in ${delay / 1000} s`, fields);
        await ctx.clock.sleep(delay, ctx.signal);
        if (ctx.signal?.aborted) {
          return { ok: false, attempts: attempt, files: [], folders: [], error: new BilatError('E_RENDER', `stopped before attempt ${attempt + 1}/${total}: ${errorText(e)}`, { cause: e }) };
        }
      }
    }
  } finally {
    await clearPending(job.stateDir, job.name);
  }
}

async function buildAll(job: ResolvedJob, slot: SlotInfo, groups: readonly RunGroup[], staged: readonly StagedFolder[], ctx: AttemptsContext): Promise<string[]> {
  const files: string[] = [];
  for (const [i, g] of groups.entries()) {
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
    });
    files.push(...result.files.map((file) => resolve(file)).map((file) => (file.startsWith(f.temp + sep) ? f.final + file.slice(f.temp.length) : file)));
  }
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
