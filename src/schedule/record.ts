import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ResolvedJob } from '../config/resolve-config.js';
import type { RunRecord, RunStatus, Trigger } from './history.js';
import type { SlotInfo } from './plan-run.js';
import { zonedIso } from '../job-spec/zoned-time.js';

/** Unique per run, readable in folder names: `20261123T0700-4242-a1b2c3`. */
export function newRunId(slot: SlotInfo): string {
  return `${slot.asOf.replaceAll('-', '')}T${slot.time}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** A history record with every field set; times in the job's zone. */
export function makeRecord(
  job: Pick<ResolvedJob, 'name' | 'timezone'>,
  slot: SlotInfo,
  run: { runId: string; trigger: Trigger; status: RunStatus; start: Date; end: Date },
  extra: Partial<RunRecord> = {},
): RunRecord {
  return {
    job: job.name,
    runId: run.runId,
    trigger: run.trigger,
    scheduledFor: slot.scheduledFor,
    asOf: slot.asOf,
    startedAt: zonedIso(run.start, job.timezone),
    endedAt: zonedIso(run.end, job.timezone),
    durationMs: run.end.getTime() - run.start.getTime(),
    status: run.status,
    attempt: 0,
    files: [],
    folders: [],
    pid: process.pid,
    host: hostname(),
    ...extra,
  };
}
