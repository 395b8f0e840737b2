// The scheduler's public surface (re-exported from src/index.ts).
export { createScheduler, MAX_QUEUED } from './scheduler.js';
export type { Scheduler, SchedulerOptions } from './scheduler.js';
export { runJob } from './run-job.js';
export type { RunJobOptions } from './run-job.js';
export type { BuildFn } from './attempts.js';
export { systemClock, sleepUntil } from './clock.js';
export type { Clock } from './clock.js';
export { createSchedule, cronProblem } from '../job-spec/cron.js';
export type { Schedule } from '../job-spec/cron.js';
export { createLogger } from './log.js';
export type { Logger, LogEntry, LogEvent } from './log.js';
export { readHistory, historyFile, lastResult } from './history.js';
export type { RunRecord, RunStatus, Trigger } from './history.js';
export { OUT_TOKENS } from '../job-spec/out-pattern.js';
export { zonedIso, instantOfWallTime } from '../job-spec/zoned-time.js';
export { jobLockHolder } from './lock-status.js';
export type { LockInfo } from './lock.js';
