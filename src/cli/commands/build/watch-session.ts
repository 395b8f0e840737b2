import { fstatSync } from 'node:fs';
import { BilatError, loadPreview, loadWatcher } from '../../../core.js';
import type { BuildOptions } from '../../../index.js';
import { paint, type CliIO } from '../../io.js';
import { reportError } from '../../report-error.js';
import { createJsonFailure, type WatchJsonWarning } from './json-summary.js';
import { createReporter } from './reporter.js';
import type { BuildArgs } from './spec.js';

/**
 * `--watch` (and `--serve`, which watches too): an incremental build, then another after every
 * change, each reported like a build of its own; problems are printed and watching goes on.
 * With a `port`, the preview server runs alongside and reloads pages a rebuild rewrote. Ctrl-C
 * (or SIGTERM) stops it, and the command exits 0.
 */
export async function runWatchSession(io: CliIO, argv: BuildArgs, options: BuildOptions, port: number | undefined): Promise<void> {
  const { watchBriefs } = await loadWatcher();
  const preview = port === undefined ? undefined : await startPreview(options.out ?? 'output', port);
  // On stderr even with --json (stdout is the summaries'): with --port 0 it is the only way to know.
  if (preview) io.err(`preview at ${preview.url} (pages reload on every rebuild)`);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const time = () => new Date().toTimeString().slice(0, 8);
  let report = createReporter(io, argv);
  let ready = false;
  const waiting = () => {
    if (ready && !argv.json && !argv.quiet) io.err(paint(io, 90, `[${time()}] waiting for changes (Ctrl-C to stop)`));
  };
  try {
    await watchBriefs(
      { ...options, onProgress: (p) => report.progress(p) },
      {
        onBuildStart(changed) {
          report = createReporter(io, { ...argv, incremental: true }, 'line');
          if (changed.length && !argv.json) {
            const what = changed.length === 1 ? changed[0]! : `${changed.length} files`;
            io.err(`[${time()}] ${what} changed: rebuilding`);
          }
        },
        onBuild(result) {
          report.stop();
          if (result.aborted) return;
          preview?.notify();
          report.finish(result);
          waiting();
        },
        onError(e) {
          report.stop();
          // One line per build still, so a tool reading the stream sees the failure.
          if (argv.json) io.out(JSON.stringify(createJsonFailure(e)));
          else reportError(io, e, argv.debug);
          waiting();
        },
        onWatchProblem(message) {
          if (argv.json) io.out(JSON.stringify({ kind: 'watch', warning: message } satisfies WatchJsonWarning));
          else io.err(`${paint(io, 33, 'warning')}  ${message}`);
        },
        onReady: (roots) => {
          ready = true;
          if (!argv.json && !argv.quiet) io.err(paint(io, 90, `[${time()}] watching ${roots.join(', ')} for changes (Ctrl-C to stop)`));
        },
      },
      { signal: stop.signal, exclude: ownOutputs() },
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await preview?.close();
  }
}

/** The preview server on `port`; a port in use or not allowed is a usage error that says what to do. */
async function startPreview(out: string, port: number) {
  const { startPreviewServer } = await loadPreview();
  try {
    return await startPreviewServer({ out, port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new BilatError(
        'E_USAGE',
        `cannot serve the preview on port ${port} (${code === 'EADDRINUSE' ? 'in use' : 'not allowed'}): pick another with --port <n>, or --port 0 for any free one`,
      );
    throw e;
  }
}

/**
 * stdout and stderr when they are files (`--json > data/log.json`): a watched folder may hold
 * them, and a build must neither read them as data nor rebuild because they grew.
 */
function ownOutputs(): { dev: number; ino: number }[] {
  const out: { dev: number; ino: number }[] = [];
  for (const fd of [1, 2]) {
    try {
      const st = fstatSync(fd);
      if (st.isFile()) out.push({ dev: st.dev, ino: st.ino });
    } catch {
      // closed
    }
  }
  return out;
}
