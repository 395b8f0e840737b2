import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** timed-out: the run went over the job's `timeout`; it was stopped and published nothing. */
export type RunStatus = 'ok' | 'failed' | 'skipped' | 'timed-out';
/** schedule: a slot came while the scheduler ran; catch-up: a slot missed while none ran; manual: `bilat jobs run`. */
export type Trigger = 'schedule' | 'catch-up' | 'manual';

/** One line of `history.jsonl`: one run, or one decision not to run. */
export interface RunRecord {
  job: string;
  runId: string;
  trigger: Trigger;
  /** The slot, in the job's time zone: `2026-11-23T07:00:00+04:00`. */
  scheduledFor: string;
  /** The brief's as-of day: the slot's calendar day in the job's time zone. */
  asOf: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  status: RunStatus;
  /** Attempts made (0 when skipped). */
  attempt: number;
  /** Files written, relative to the project folder. */
  files: string[];
  /** Run folders made, relative to the project folder; retention deletes only these. */
  folders: string[];
  error?: string;
  /** For a failed or timed-out run: the exit code `bilat jobs run` ends with (1 invalid data, 3 render/write, 4 bug). */
  exitCode?: number;
  /** For a timed-out run: the limit, and the data files (relative) the stopped attempt did not build. */
  timeoutMs?: number;
  notBuilt?: string[];
  /** Why a slot was skipped. */
  reason?: string;
  /** For a skip that stands for several missed slots. */
  missed?: number;
  pid: number;
  host: string;
}

export function historyFile(stateDir: string): string {
  return join(stateDir, 'history.jsonl');
}

/**
 * One O_APPEND write per record: writes of one short line do not interleave, so several jobs
 * and processes can share the file.
 */
export function appendRecord(stateDir: string, record: RunRecord): Promise<void> {
  const file = historyFile(stateDir);
  return inHistoryOrder(file, async () => {
    await mkdir(stateDir, { recursive: true });
    const line = JSON.stringify(record) + '\n';
    // Rotation (rotate-history.ts) replaces the file by rename. A line written to the old file
    // after the rotation read it would be lost, so when the file changed under the write, the
    // line is written again; readers drop the duplicate.
    for (let i = 0; i < 3 && !(await appendLine(file, line)); i++);
  });
}

/** Appends; false when the path no longer names the file written to (it was rotated meanwhile). */
async function appendLine(file: string, line: string): Promise<boolean> {
  const fh = await open(file, 'a');
  let ino: number;
  try {
    await fh.write(line);
    ino = (await fh.stat()).ino;
  } finally {
    await fh.close();
  }
  return (await stat(file).catch(() => undefined))?.ino === ino;
}

/**
 * Within a process, appends and rotations of one file go one at a time, in the order they were
 * asked for (history reads in order).
 */
export function inHistoryOrder<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const next = (queue.get(file) ?? Promise.resolve()).catch(() => undefined).then(fn);
  queue.set(file, next);
  void next.finally(() => queue.get(file) === next && queue.delete(file)).catch(() => undefined);
  return next;
}

const queue = new Map<string, Promise<unknown>>();

/**
 * Records of one job (or all), oldest first. A torn line (a crash mid-append) is ignored, and so
 * is a line repeated by an append that raced a rotation.
 */
export async function readHistory(stateDir: string, job?: string): Promise<RunRecord[]> {
  let text: string;
  try {
    text = await readFile(historyFile(stateDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: RunRecord[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim() || seen.has(line)) continue;
    seen.add(line);
    try {
      const r = JSON.parse(line) as RunRecord;
      if (r && typeof r.job === 'string' && (job === undefined || r.job === job)) out.push(r);
    } catch {
      // torn line
    }
  }
  return out;
}

/** The newest slot the scheduler dealt with (ran, failed or skipped); manual runs do not count. */
export function lastHandledSlot(records: readonly RunRecord[]): Date | undefined {
  let last: number | undefined;
  for (const r of records) {
    if (r.trigger === 'manual') continue;
    const t = Date.parse(r.scheduledFor);
    if (!Number.isNaN(t) && (last === undefined || t > last)) last = t;
  }
  return last === undefined ? undefined : new Date(last);
}

/** A run of this exact slot already finished (another process ran it, or it ran before a restart). */
export function slotHandled(records: readonly RunRecord[], slot: Date): RunRecord | undefined {
  return records.find((r) => r.trigger !== 'manual' && r.status !== 'skipped' && Date.parse(r.scheduledFor) === slot.getTime());
}

export function lastResult(records: readonly RunRecord[]): RunRecord | undefined {
  return records.at(-1);
}
