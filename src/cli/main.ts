/** The process entry of the `bilat` binary (bundled into dist/bundle/cli.js by scripts/bundle.mjs). */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
