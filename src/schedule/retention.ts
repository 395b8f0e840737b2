import { relative, resolve, sep } from 'node:path';
import type { RunRecord } from './history.js';
import { readMarker } from './staging.js';
import { removeTree } from '../write/remove.js';

export interface RetentionPolicy {
  /** Keep the folders of the newest `keep` successful runs. */
  keep?: number;
  /** Delete folders of runs whose slot is more than `keepDays` days old. */
  keepDays?: number;
}

/**
 * Folders to delete: those of successful runs outside the newest `keep`, or older than
 * `keepDays` (both limits apply), and not used by any run that is kept. Only folders the job's
 * own history names are candidates, so unrelated folders are never even looked at.
 */
export function foldersToPrune(records: readonly RunRecord[], job: string, policy: RetentionPolicy, now: Date): string[] {
  if (policy.keep === undefined && policy.keepDays === undefined) return [];
  const runs = records
    .filter((r) => r.job === job && r.status === 'ok' && r.folders.length)
    .sort((a, b) => Date.parse(b.scheduledFor) - Date.parse(a.scheduledFor) || b.endedAt.localeCompare(a.endedAt));
  const cutoff = policy.keepDays === undefined ? -Infinity : now.getTime() - policy.keepDays * 86_400_000;
  const kept = new Set<string>();
  const old = new Set<string>();
  runs.forEach((r, i) => {
    const expired = (policy.keep !== undefined && i >= policy.keep) || Date.parse(r.scheduledFor) < cutoff;
    for (const f of r.folders) (expired ? old : kept).add(f);
  });
  return [...old].filter((f) => !kept.has(f));
}

/**
 * Delete the job's old run folders. Each must lie inside the project folder and carry the
 * job's marker; anything else is left alone. Returns the folders deleted (relative).
 */
export async function pruneRuns(
  records: readonly RunRecord[],
  job: string,
  policy: RetentionPolicy,
  opts: { root: string; now: Date; protect?: readonly string[] },
): Promise<string[]> {
  const deleted: string[] = [];
  for (const rel of foldersToPrune(records, job, policy, opts.now)) {
    if (opts.protect?.includes(rel)) continue; // the run that just finished
    const abs = resolve(opts.root, rel);
    const inside = relative(opts.root, abs);
    if (!inside || inside.startsWith('..') || inside.split(sep).includes('..')) continue;
    const marker = await readMarker(abs);
    if (marker?.job !== job) continue;
    await removeTree(abs);
    deleted.push(rel);
  }
  return deleted;
}
