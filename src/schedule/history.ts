import { lstat, readFile, stat } from 'node:fs/promises';
import { BilatError } from '../errors.js';
import { formatLineNumbers, parseRecordLine } from './history-record.js';
import { join } from 'node:path';
import { appendToFile } from '../write/append.js';
import { ensureDir } from '../write/ensure-dir.js';

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
    const line = JSON.stringify(record) + '\n';
    // Rotation (rotate-history.ts) replaces the file by rename. A line written to the old file
    // after the rotation read it would be lost, so when the file changed under the write, the
    // line is written again; readers drop the duplicate.
    try {
      await ensureDir(stateDir);
      for (let i = 0; i < 3 && !(await appendLine(file, line)); i++);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (
        code !== 'EISDIR' &&
        code !== 'ENOTDIR' &&
        code !== 'EEXIST' &&
        code !== 'EACCES' &&
        code !== 'EPERM' &&
        code !== 'ENOSPC' &&
        code !== 'EROFS'
      )
        throw e;
      throw new BilatError(
        'E_WRITE',
        `cannot record the run in the history (${code}); check that this is a writable file, or move it away`,
        { file, cause: e },
      );
    }
  });
}

/**
 * Before a run builds anything: a history path that is not a file could not record the run, and
 * briefs published unrecorded would escape retention. Fails with the same message as the append.
 */
export async function assertHistoryWritable(stateDir: string): Promise<void> {
  const file = historyFile(stateDir);
  const st = await lstat(file).catch(() => undefined);
  if (st && !st.isFile())
    throw new BilatError(
      'E_WRITE',
      `cannot record the run in the history (${st.isDirectory() ? 'EISDIR' : 'not a file'}); check that this is a writable file, or move it away`,
      { file },
    );
}

/** Appends; false when the path no longer names the file written to (it was rotated meanwhile). */
async function appendLine(file: string, line: string): Promise<boolean> {
  const ino = await appendToFile(file, line);
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

export interface ReadHistoryOptions {
  /** Told once per process about each set of bad lines (a damaged or hand-edited file). */
  warn?: (message: string) => void;
}

/**
 * Records of one job (or all), oldest first. Each line is checked (history-record.ts): a bad one
 * (a crash mid-append, a hand edit, a wrong type) is skipped with one warning naming the file and
 * its lines, so it can neither crash a command nor steer catch-up or retention. A line repeated
 * by an append that raced a rotation is read once.
 */
export async function readHistory(stateDir: string, job?: string, opts: ReadHistoryOptions = {}): Promise<RunRecord[]> {
  const file = historyFile(stateDir);
  let st;
  try {
    st = await lstat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    // ENOTDIR: the state folder is a file. Listing commands still work; recording a run says where.
    const why = code === 'ENOTDIR' ? `${stateDir} is not a folder` : `cannot be read (${code ?? (e as Error).message})`;
    warnOnce(opts, `${file}: ${why}; no past runs were read (move it away; bilat then starts a new history)`);
    return [];
  }
  if (!st.isFile()) {
    // A FIFO would block the read, a directory throw EISDIR: neither is a history bilat wrote.
    warnOnce(opts, `${file}: not a file; no past runs were read (move it away; bilat then starts a new history)`);
    return [];
  }
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  const out: RunRecord[] = [];
  const seen = new Set<string>();
  const bad: { line: number; problem: string }[] = [];
  lines.forEach((line, i) => {
    if (!line.trim() || seen.has(line)) return;
    seen.add(line);
    const parsed = parseRecordLine(line);
    if ('record' in parsed) {
      if (job === undefined || parsed.record.job === job) out.push(parsed.record);
    } else if (i < lines.length - 1) bad.push({ line: i + 1, problem: parsed.problem }); // the last, unterminated line may still be being written
  });
  if (bad.length) {
    const n = bad.map((b) => b.line);
    warnOnce(
      opts,
      `${file}: ${formatLineNumbers(n)} ${n.length > 1 ? 'are not valid run records' : 'is not a valid run record'} (line ${bad[0]!.line}: ${bad[0]!.problem}); skipped: catch-up, retention and listings ignore ${n.length > 1 ? 'them' : 'it'} (fix or delete ${n.length > 1 ? 'them' : 'it'}; the next rotation drops ${n.length > 1 ? 'them' : 'it'})`,
    );
  }
  return out;
}

const warned = new Set<string>();

function warnOnce(opts: ReadHistoryOptions, message: string): void {
  if (!opts.warn || warned.has(message)) return;
  warned.add(message);
  opts.warn(message);
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
