import { z } from 'zod';
import { join } from 'node:path';
import type { ResolvedJob } from '../config/resolve-config.js';
import { writeFileAtomic } from '../write/atomic.js';
import type { Schedule } from '../job-spec/cron.js';
import { lastHandledSlot, readHistory } from './history.js';
import { moveAside, readStateFile } from './state-file.js';
import { removeFile } from '../write/remove.js';

export interface MissedPlan {
  /** Slots to run now, oldest first. */
  run: Date[];
  /** Missed slots not run (catchUp: none, or beyond latest / catchUpLimit). */
  skipped: number;
  /** The newest of the skipped slots, to record the skip at. */
  latestSkipped?: Date;
  /** True when there were too many missed slots to count them all. */
  more: boolean;
}

/**
 * What to do with the slots in (after, upTo] that nobody ran: none → skip them all, latest →
 * run the most recent one, all → run them in order, at most catchUpLimit (the most recent).
 * Unlike replaying every slot, a scheduler that was down for a month runs a bounded number.
 */
export function planMissed(job: Pick<ResolvedJob, 'catchUp' | 'catchUpLimit'>, schedule: Schedule, after: Date, upTo: Date): MissedPlan {
  const limit = job.catchUp === 'none' ? 0 : job.catchUp === 'latest' ? 1 : job.catchUpLimit;
  const { slots, total, more } = schedule.between(after, upTo, limit + 1);
  const run = slots.slice(slots.length - Math.min(limit, slots.length));
  const skipped = total - run.length;
  return { run, skipped, latestSkipped: skipped > 0 ? slots[slots.length - run.length - 1] : undefined, more };
}

/** `jobs/<job>.json`: when the scheduler first watched the job. */
const StartNote = z.object({ job: z.string().optional(), since: z.iso.datetime({ offset: true }) });

/**
 * The newest slot this job's scheduler is known to have dealt with: its last history record,
 * or when it first started watching the job (so a brand-new job does not catch up on the past).
 * Undefined on the very first start, which is then noted. A damaged note is moved aside with a
 * warning and noted afresh: catch-up then starts from the history alone, or from now.
 */
export async function lastKnownSlot(
  job: Pick<ResolvedJob, 'name' | 'stateDir'>,
  now: Date,
  warn: (message: string) => void = () => undefined,
): Promise<Date | undefined> {
  const last = lastHandledSlot(await readHistory(job.stateDir, job.name, { warn }));
  const file = join(job.stateDir, 'jobs', `${job.name}.json`);
  let since: Date | undefined;
  const note = await readStateFile(file, StartNote);
  if (note.kind === 'ok') since = new Date(note.value.since);
  else {
    if (note.kind === 'bad') {
      const aside = await moveAside(file, now);
      if (!aside) await removeFile(file).catch(() => undefined); // never recursive: a folder here is not ours to empty
      warn(
        `${file} (when the scheduler first watched job "${job.name}") ${note.problem}; ${aside ? `moved it aside to ${aside}` : 'could not move it aside'}; noting the job afresh`,
      );
    }
    await writeFileAtomic(file, JSON.stringify({ job: job.name, since: now.toISOString() }, null, 2) + '\n');
  }
  if (!last) return since;
  if (!since) return last;
  return last > since ? last : since;
}
