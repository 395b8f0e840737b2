import { open } from 'node:fs/promises';
import { appendToFile } from '../write/append.js';
import { writeFileAtomic } from '../write/atomic.js';
import { releaseGuardFolder, takeGuardFolder } from '../write/exclusive.js';
import { historyFile, inHistoryOrder, type RunRecord } from './history.js';
import { parseRecordLine } from './history-record.js';

/** Per job: at most `keep` records and `maxBytes` bytes of them stay in history.jsonl. */
export interface HistoryLimits {
  keep: number;
  maxBytes: number;
}

/**
 * The file is rewritten only when a job is this far over a limit, then trimmed to the limit: a
 * job that runs every minute does not rewrite the whole file after every run.
 */
export const ROTATE_SLACK = 0.1;

export interface RotationPlan {
  /** Lines kept, in file order. */
  lines: string[];
  dropped: number;
}

/**
 * What stays: for each job, newest first, records while both limits allow. The newest record
 * always stays, and so does the newest scheduled (non-manual) one, which catch-up starts from.
 * Torn and repeated lines go. Undefined when no job is over its limit by ROTATE_SLACK.
 */
export function planRotation(lines: readonly string[], limits: HistoryLimits): RotationPlan | undefined {
  const parsed = lines.map((line) => ({ line, record: parse(line), bytes: Buffer.byteLength(line) + 1 }));
  const totals = new Map<string, { count: number; bytes: number }>();
  for (const p of parsed) {
    if (!p.record) continue;
    const t = totals.get(p.record.job) ?? { count: 0, bytes: 0 };
    t.count++;
    t.bytes += p.bytes;
    totals.set(p.record.job, t);
  }
  const over = [...totals.values()].some(
    (t) => t.count > limits.keep * (1 + ROTATE_SLACK) || t.bytes > limits.maxBytes * (1 + ROTATE_SLACK),
  );
  if (!over) return undefined;

  const kept = new Array<boolean>(parsed.length).fill(false);
  const used = new Map<string, { count: number; bytes: number; full: boolean; scheduled: boolean }>();
  const seen = new Set<string>();
  for (let i = parsed.length - 1; i >= 0; i--) {
    const { line, record, bytes } = parsed[i]!;
    if (!record || seen.has(line)) continue;
    seen.add(line);
    const u = used.get(record.job) ?? { count: 0, bytes: 0, full: false, scheduled: false };
    used.set(record.job, u);
    const first = u.count === 0;
    u.full ||= !first && (u.count >= limits.keep || u.bytes + bytes > limits.maxBytes);
    const lastScheduled = !u.scheduled && record.trigger !== 'manual';
    if (!u.full || lastScheduled) {
      kept[i] = true;
      u.count++;
      u.bytes += bytes;
    }
    if (record.trigger !== 'manual') u.scheduled = true;
  }
  const out = parsed.filter((_, i) => kept[i]).map((p) => p.line);
  return { lines: out, dropped: parsed.length - out.length };
}

/**
 * Trim history.jsonl to the limits, atomically (temp file + rename). Returns the records dropped.
 * Lines another process appends meanwhile are kept: those written to the old file after it was
 * read are copied over after the rename, and an append that finds the file replaced under it
 * writes its line again (history.ts). Only one process rotates at a time (a mkdir guard).
 */
export function rotateHistory(stateDir: string, limits: HistoryLimits): Promise<number> {
  const file = historyFile(stateDir);
  return inHistoryOrder(file, async () => {
    const guard = `${file}.rotating`;
    if (!(await takeGuard(guard))) return 0;
    try {
      const fh = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      if (!fh) return 0;
      try {
        const buf = await fh.readFile();
        const end = buf.lastIndexOf(0x0a) + 1; // complete lines only; a line being written is read later
        const plan = planRotation(buf.subarray(0, end).toString('utf8').split('\n').filter(Boolean), limits);
        if (!plan) return 0;
        await writeFileAtomic(file, plan.lines.map((l) => l + '\n').join(''));
        const size = (await fh.stat()).size;
        if (size > end) {
          const tail = Buffer.alloc(size - end);
          await fh.read(tail, 0, tail.length, end);
          const complete = tail.subarray(0, tail.lastIndexOf(0x0a) + 1);
          if (complete.length) await appendToFile(file, complete);
        }
        return plan.dropped;
      } finally {
        await fh.close();
      }
    } finally {
      await releaseGuardFolder(guard);
    }
  });
}

/** A rotator that crashed holding the guard: rotations take milliseconds. */
const GUARD_STALE_MS = 60_000;

/** False when another process rotates now (the next run tries again) or there is no state folder yet. */
async function takeGuard(guard: string): Promise<boolean> {
  return takeGuardFolder(guard, GUARD_STALE_MS).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return false; // no state folder: no history yet
    throw e;
  });
}

/** Only valid records count and stay: readers skip the rest already (history.ts), with a warning. */
function parse(line: string): RunRecord | undefined {
  const parsed = parseRecordLine(line);
  return 'record' in parsed ? parsed.record : undefined;
}
