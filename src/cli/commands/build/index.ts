import { loadBuilder } from '../../../core.js';
import type { CliIO } from '../../io.js';
import { createReporter } from './reporter.js';
import { defineBuildArgs, resolveBuildArgs, type BuildArgs } from './spec.js';
import { runWatchSession } from './watch-session.js';

export type { BuildArgs } from './spec.js';
export type {
  BuildJsonError,
  BuildJsonFailure,
  BuildJsonFile,
  BuildJsonSummary,
  BuildJsonTotals,
  WatchJsonWarning,
} from './json-summary.js';

/**
 * `bilat build`: its arguments (spec.ts), one build reported as it goes (reporter.ts, with the
 * --json summary of json-summary.ts), or with --watch / --serve a session that rebuilds on
 * every change until Ctrl-C (watch-session.ts).
 */
export function buildCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'build <data..>',
    describe: 'Render briefs (HTML and PDF) for each audience',
    builder: defineBuildArgs,
    handler: async (argv: BuildArgs) => {
      // The pipeline itself, not the whole public API: the scheduler and config stay unloaded.
      const { buildBriefs } = await loadBuilder();
      const { options, port } = resolveBuildArgs(argv);
      if (argv.watch || port !== undefined) {
        await runWatchSession(io, argv, options, port);
        setExit(0);
        return;
      }
      const report = createReporter(io, argv);
      const result = await buildBriefs({ ...options, onProgress: report.progress }).finally(report.stop);
      setExit(report.finish(result));
    },
  };
}
