/** The process entry of the `bilat` binary (bundled into dist/bundle/cli.js by scripts/bundle.mjs). */
import './start.js';
import { run } from './run.js';

// If the event loop ever empties while `run` still waits (a promise nothing will settle), Node
// would end with exit 13 and no message. Say so, with the "bug" exit code, instead.
let settled = false;
process.on('exit', () => {
  if (settled) return;
  process.stderr.write(
    'bilat: unexpected error: the command stopped with work unfinished (nothing left to wait for)\nThis is a bug in bilat; please report it with the command you ran.\n',
  );
  process.exitCode = 4;
});
try {
  process.exitCode = await run(process.argv.slice(2));
} finally {
  settled = true;
}
