import type { Argv } from 'yargs';
import type { ResolvedConfig, ResolvedJob, RunRecord } from '../../index.js';
import { BilatError, ExitCode, didYouMean, formatDuration, loadScheduler } from '../../core.js';
import { paint, type CliIO } from '../io.js';
import { CONFIG_OPTION, loadConfigOrReport, onStopSignals } from './schedule.js';

interface JobsArgs {
  config?: string;
  json: boolean;
  name?: string;
  count?: number;
  limit?: number;
  at?: string;
}

export function jobsCommand(io: CliIO, setExit: (code: number) => void) {
  const wrap = (fn: (io: CliIO, argv: JobsArgs) => Promise<number>) => async (argv: unknown) => setExit(await fn(io, argv as JobsArgs));
  return {
    command: 'jobs',
    describe: 'List scheduled jobs, run one now (for cron or systemd timers), show its history',
    builder: (y: Argv) =>
      y
        .option('config', CONFIG_OPTION)
        .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
        .example('$0 jobs list', 'every job of bilat.config.yaml: next runs, last result, policies')
        .example('$0 jobs run weekly-az-kg', 'run one now, as the scheduler would')
        .command({
          command: 'list',
          describe: 'Each job, its next run times in its time zone, and its last result',
          builder: (s: Argv) =>
            s
              .option('count', { type: 'number', default: 3, describe: 'Next run times to show' })
              .example('$0 jobs list --count 5', 'the next five runs of every job'),
          handler: wrap(listJobs),
        })
        .command({
          command: 'run <name>',
          describe: 'Run one job now, as the scheduler would (lock, retries, history, retention)',
          builder: (s: Argv) =>
            s
              .positional('name', { type: 'string', describe: 'Job name' })
              .option('at', {
                type: 'string',
                describe:
                  "Run as if scheduled at this ISO time (default now; without an offset, on the job's own clock); sets the as-of day",
              })
              .example('$0 jobs run weekly-az-kg', 'from crontab or a systemd timer'),
          handler: wrap(runOne),
        })
        .command({
          command: 'history <name>',
          describe: 'Past runs of a job, newest last',
          builder: (s: Argv) =>
            s
              .positional('name', { type: 'string', describe: 'Job name' })
              .option('limit', { type: 'number', default: 20, describe: 'Newest runs to show (0: all)' })
              .example('$0 jobs history weekly-az-kg --json', 'every recorded run, for scripts'),
          handler: wrap(showHistory),
        })
        .demandCommand(1, 'Name a jobs command: list, run or history.'),
    handler: () => undefined,
  };
}

async function listJobs(io: CliIO, argv: JobsArgs): Promise<number> {
  const config = await loadConfigOrReport(io, argv.config);
  if (!config) return ExitCode.InvalidInput;
  const { createSchedule, readHistory, zonedIso, jobLockHolder } = await loadScheduler();
  const warn = (m: string) => io.err(`${paint(io, 33, 'warning')}  ${m}`);
  const rows = [];
  for (const job of config.jobs) {
    const next = createSchedule(job.cron, job.timezone)
      .nextN(argv.count ?? 3, new Date())
      .map((d) => zonedIso(d, job.timezone));
    const last = (await readHistory(job.stateDir, job.name, { warn })).at(-1);
    const running = await jobLockHolder(job.stateDir, job.name, warn);
    rows.push({ job, next, last, running });
  }
  if (argv.json) {
    io.out(
      JSON.stringify(
        rows.map((r) => ({ ...r.job, next: r.next, last: r.last ?? null, running: r.running ?? null })),
        null,
        2,
      ),
    );
    return ExitCode.Ok;
  }
  for (const { job, next, last, running } of rows) {
    io.out(`${paint(io, 1, job.name)}  ${job.cron}  (${job.timezone})`);
    io.out(`  next:    ${next.join(', ') || 'never'}`);
    io.out(`  last:    ${last ? describeRecord(io, last) : 'never run'}`);
    if (running)
      io.out(`  running: pid ${running.pid} on ${running.hostname}, slot ${running.scheduledFor ?? '?'}, since ${running.startedAt}`);
    io.out(
      `  policy:  catchUp ${job.catchUp}${job.catchUp === 'all' ? ` (≤ ${job.catchUpLimit})` : ''} · overlap ${job.overlap} · retries ${job.retries} · timeout ${formatDuration(job.timeoutMs)} · keep ${retention(job)}`,
    );
    io.out(`  out:     ${job.out}  (history in ${rel(config, job.stateDir)}/history.jsonl)`);
  }
  return ExitCode.Ok;
}

async function runOne(io: CliIO, argv: JobsArgs): Promise<number> {
  const config = await loadConfigOrReport(io, argv.config);
  if (!config) return ExitCode.InvalidInput;
  const job = findJob(config, argv.name!);
  const at = await parseAt(argv.at, job.timezone);
  const { runJob, createLogger, systemClock } = await loadScheduler();
  const log = createLogger({ clock: systemClock, write: io.out, json: argv.json });
  const abort = new AbortController();
  const release = onStopSignals(() => abort.abort());
  try {
    const record = await runJob(job, { at, trigger: 'manual', log, signal: abort.signal });
    if (!record || record.status === 'ok' || record.status === 'skipped') return ExitCode.Ok;
    return record.exitCode ?? ExitCode.RenderFailure; // failed, or timed-out (3)
  } finally {
    release();
  }
}

async function showHistory(io: CliIO, argv: JobsArgs): Promise<number> {
  const config = await loadConfigOrReport(io, argv.config);
  if (!config) return ExitCode.InvalidInput;
  const job = findJob(config, argv.name!);
  const { readHistory } = await loadScheduler();
  const all = await readHistory(job.stateDir, job.name, { warn: (m) => io.err(`${paint(io, 33, 'warning')}  ${m}`) });
  const shown = argv.limit ? all.slice(-argv.limit) : all;
  if (argv.json) {
    io.out(JSON.stringify(shown, null, 2));
    return ExitCode.Ok;
  }
  if (!shown.length) io.out(`${job.name}: no runs yet (history: ${rel(config, job.stateDir)}/history.jsonl)`);
  for (const r of shown) io.out(`${r.scheduledFor}  ${describeRecord(io, r)}`);
  if (shown.length < all.length) io.out(`(${all.length - shown.length} older run(s) not shown; --limit 0 shows all)`);
  return ExitCode.Ok;
}

function describeRecord(io: CliIO, r: RunRecord): string {
  const status = r.status === 'ok' ? paint(io, 32, 'ok') : r.status === 'skipped' ? paint(io, 33, 'skipped') : paint(io, 31, r.status);
  const trigger = r.trigger === 'schedule' ? '' : ` (${r.trigger})`;
  if (r.status === 'skipped') return `${status}${trigger}: ${r.reason ?? ''}`;
  const base = `${status}${trigger} in ${(r.durationMs / 1000).toFixed(1)} s, attempt ${r.attempt}`;
  if (r.status === 'failed' || r.status === 'timed-out') return `${base}: ${r.error ?? ''}`;
  return `${base}, ${r.files.length} file(s) → ${r.folders.join(', ')}`;
}

function findJob(config: ResolvedConfig, name: string): ResolvedJob {
  const job = config.jobs.find((j) => j.name === name);
  if (job) return job;
  const names = config.jobs.map((j) => j.name);
  const guess = didYouMean(name, names);
  throw new BilatError(
    'E_USAGE',
    `no job "${name}" in ${config.file}${guess ? ` — did you mean "${guess}"?` : ` (jobs: ${names.join(', ')})`}`,
  );
}

/**
 * `--at`: an ISO date and time. With an offset (or Z) it is that instant; without one it is the
 * job's own wall clock, as in the config. Anything else, and any impossible date or time, is a
 * usage error (never a silent roll-over to another day).
 */
export async function parseAt(at: string | undefined, timeZone: string): Promise<Date> {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  if (at === undefined) return now;
  const bad = () =>
    new BilatError(
      'E_USAGE',
      `--at "${at}" is not a date and time (use ISO 8601: 2026-11-23T07:00 on the job's clock, or with an offset, 2026-11-23T07:00:00+04:00)`,
    );
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|z|[+-]\d{2}:?\d{2})?$/.exec(at);
  if (!m) throw bad();
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', offset] = m;
  const day = `${y}-${mo}-${d}`;
  const real = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== day) throw bad();
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) throw bad();
  const time = `${hh}:${mi}:${ss}`;
  if (offset)
    return new Date(
      `${day}T${time}${offset.toUpperCase() === 'Z' ? 'Z' : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`,
    );
  const { instantOfWallTime } = await loadScheduler();
  return instantOfWallTime(day, time, timeZone);
}

function retention(job: ResolvedJob): string {
  const parts = [job.keep !== undefined ? `${job.keep} runs` : '', job.keepDays !== undefined ? `${job.keepDays} days` : ''].filter(
    Boolean,
  );
  return parts.join(' and ') || 'all';
}

function rel(config: ResolvedConfig, p: string): string {
  return p.startsWith(config.root + '/') ? p.slice(config.root.length + 1) : p;
}
