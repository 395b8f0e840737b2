import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type RunStatus = 'ok' | 'failed' | 'skipped';
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
  /** For a failed run: the exit code `bilat jobs run` ends with (1 invalid data, 3 render/write, 4 bug). */
  exitCode?: number;
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
 * One `appendFile` per record: O_APPEND writes of one short line do not interleave, so
 * several jobs and processes can share the file.
 */
export function appendRecord(stateDir: string, record: RunRecord): Promise<void> {
  const file = historyFile(stateDir);
  // Within a process, appends go out in the order they were asked for (history reads in order).
  const next = (appending.get(file) ?? Promise.resolve()).catch(() => undefined).then(async () => {
    await mkdir(stateDir, { recursive: true });
    await appendFile(file, JSON.stringify(record) + '\n', 'utf8');
  });
  appending.set(file, next);
  void next.finally(() => appending.get(file) === next && appending.delete(file)).catch(() => undefined);
  return next;
}

const appending = new Map<string, Promise<void>>();

/** Records of one job (or all), oldest first. A torn last line (a crash mid-append) is ignored. */
export async function readHistory(stateDir: string, job?: string): Promise<RunRecord[]> {
  let text: string;
  try {
    text = await readFile(historyFile(stateDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: RunRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
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
