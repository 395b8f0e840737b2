import yargs, { type CommandModule } from 'yargs';
import { BilatError, ExitCode, PACKAGE_VERSION, releaseYoungGeneration } from '../core.js';
import { processIO, type CliIO } from './io.js';
import { reportError } from './report-error.js';

export { reportError };
import { validateCommand } from './commands/validate.js';
import { schemaCommand } from './commands/schema.js';
import { buildCommand } from './commands/build/index.js';
import { templatesCommand } from './commands/templates.js';
import { scheduleCommand } from './commands/schedule.js';
import { jobsCommand } from './commands/jobs.js';
import { migrateCommand } from './commands/migrate.js';

const EPILOG = `Exit codes: 0 ok · 1 invalid data or config · 2 usage error · 3 render or write failure · 4 unexpected error (run with --debug for a stack trace)`;

// yargs types each command's argv; the list holds commands of different argv shapes.
type CommandFactory = (io: CliIO, setExit: (code: number) => void) => CommandModule<any, any>;

/**
 * Every command. Their modules are small; each handler imports the heavy parts it needs
 * (rendering, charts, scheduling) lazily, so `--help` and `validate` start fast.
 */
const commands: CommandFactory[] = [
  buildCommand,
  validateCommand,
  schemaCommand,
  templatesCommand,
  scheduleCommand,
  jobsCommand,
  migrateCommand,
].map((c) => c as unknown as CommandFactory);

/** Commands that build through buildBriefs (src/batch), which manages the young generation itself. */
const BATCH_COMMANDS = new Set(['build', 'schedule', 'jobs']);

/** Run the CLI; returns the exit code instead of exiting, so it can be embedded and tested. */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes('--debug');
  // Read where no argv reaches: the PDF renderer in batch worker threads reports skipped patches.
  if (debug) process.env['BILAT_DEBUG'] = '1';
  let exit: number = ExitCode.Ok;
  const setExit = (code: number) => {
    exit = code;
  };
  try {
    let parser = yargs(argv)
      .scriptName('bilat')
      // Our messages are English; yargs would otherwise mix in the system language (LANG), and
      // only when it finds its locale files, which the bundle does not carry.
      .locale('en')
      .usage('$0 <command> [options]\n\nBriefs on bilateral relations, from structured data to HTML and PDF.')
      .option('debug', { type: 'boolean', default: false, describe: 'Print stack traces for unexpected errors' })
      .demandCommand(1, 'Name a command (bilat --help lists them).')
      .recommendCommands()
      .strict()
      .epilog(EPILOG)
      .wrap(Math.min(110, process.stdout.columns || 100))
      .exitProcess(false)
      .fail((msg, err) => {
        if (err) throw err;
        throw new BilatError('E_USAGE', msg ?? 'invalid usage');
      });
    // The CLI thread's young generation is held small from start-up (start.ts). Commands whose
    // work runs through a batch keep it so: the batch lets it grow when it renders on this thread,
    // and a parallel one leaves this thread only dispatching. The others work here (validating a
    // 4.5 MB file took ~15 % longer with the small one): growth as usual.
    parser = parser.middleware((args) => {
      if (!BATCH_COMMANDS.has(String(args._[0]))) releaseYoungGeneration();
    });
    for (const make of commands) parser = parser.command(make(io, setExit));
    let helpShown = false;
    parser = parser.help().alias('h', 'help').version(PACKAGE_VERSION);
    // With a callback yargs renders the whole help text on every run, in case it is asked for
    // (~20 ms); only runs that can print help or the version take that road.
    if (argv.filter((a) => a !== '--debug').length === 0) {
      // `bilat` alone: what it can do, then the usage exit code.
      parser.showHelp((text) => io.err(text));
      return ExitCode.Usage;
    }
    // --help, --help=true, -h inside a group of short flags (-qh), `bilat help`, --version.
    const mayPrint =
      argv[0] === 'help' || argv.some((a) => /^--(help|version)(=|$)/.test(a) || (/^-[a-zA-Z]+$/.test(a) && a.includes('h')));
    if (!mayPrint) await parser.parseAsync(argv);
    else
      await parser.parseAsync(argv, {}, (err, _argv, output) => {
        if (output && !err) {
          helpShown = true;
          io.out(output);
        }
        if (err) throw err;
      });
    if (helpShown) return ExitCode.Ok;
    return exit;
  } catch (e) {
    return reportError(io, e, debug);
  }
}
