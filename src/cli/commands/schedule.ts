import type { Argv } from 'yargs';
import { BilatError, ExitCode, formatDiagnostic, loadConfiguration, loadScheduler } from '../../core.js';
import type { ResolvedConfig } from '../../index.js';
import { paint, type CliIO } from '../io.js';

export interface ScheduleArgs {
  config?: string;
  json: boolean;
}

export const CONFIG_OPTION = {
  type: 'string',
  describe: 'Config file (default: bilat.config.yaml, .yml or .json in the working directory, or $BILAT_CONFIG)',
} as const;

export function scheduleCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'schedule',
    describe: 'Run the jobs of bilat.config.yaml on their schedules until stopped',
    builder: (y: Argv) =>
      y
        .option('config', CONFIG_OPTION)
        .option('json', { type: 'boolean', default: false, describe: 'Log one JSON object per line' })
        .example('$0 schedule', 'run the jobs of ./bilat.config.yaml')
        .example('$0 schedule --config ops/bilat.config.yaml --json', 'for a service manager that collects JSON logs')
        .epilog(
          'SIGINT/SIGTERM: take no new runs, finish the current ones, exit 0. A second signal exits at once (the next run cleans up).',
        ),
    handler: async (argv: ScheduleArgs) => setExit(await runSchedule(io, argv)),
  };
}

export async function runSchedule(io: CliIO, argv: ScheduleArgs): Promise<number> {
  const config = await loadConfigOrReport(io, argv.config);
  if (!config) return ExitCode.InvalidInput;
  const { createScheduler, createLogger, systemClock } = await loadScheduler();
  const log = createLogger({ clock: systemClock, write: io.out, json: argv.json });
  const scheduler = createScheduler({ config, log });
  const release = onStopSignals((sig) => scheduler.stop(`${sig} received`));
  try {
    await scheduler.start();
    if ((await scheduler.done) === 'no-slots') {
      io.err(
        `${config.file}  no job has a further slot: nothing to schedule (check the cron expressions: bilat jobs list shows the next runs)`,
      );
      return ExitCode.InvalidInput;
    }
  } finally {
    release();
  }
  return ExitCode.Ok;
}

/**
 * Load and validate the config; on invalid config print every diagnostic (with its hint) and
 * return undefined, so the command exits 1 before anything runs.
 */
export async function loadConfigOrReport(io: CliIO, file: string | undefined): Promise<ResolvedConfig | undefined> {
  const { loadConfig } = await loadConfiguration();
  try {
    return loadConfig({ file });
  } catch (e) {
    if (!(e instanceof BilatError) || !e.diagnostics?.length) throw e;
    io.err(e.format());
    for (const d of e.diagnostics) io.err(`  ${formatDiagnostic(d).replace('  error  ', `  ${paint(io, 31, 'error')}  `)}`);
    return undefined;
  }
}

/**
 * SIGINT/SIGTERM: the first asks for a clean stop; a second one means "now", so we hand the
 * signal back to Node's default handling (the process ends; the next run removes temp folders).
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => void): () => void {
  let stopping = false;
  const handler = (sig: NodeJS.Signals) => {
    if (!stopping) {
      stopping = true;
      stop(sig);
      return;
    }
    release();
    process.kill(process.pid, sig);
  };
  const release = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return release;
}
