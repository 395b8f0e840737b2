#!/usr/bin/env node
// Bundles the compiled CLI (dist/) into dist/bundle/, run by `npm run build` after tsc.
//
// Why: on Node 20, loading ~250 small ES modules (our own, yargs, zod, yaml, Handlebars) cost
// ~110 ms of a ~750 ms cold `bilat build -a executive -f pdf`, most of it in the module
// loader (resolving, reading, linking), not in running code. One file per entry point, with
// split chunks for what a command loads lazily, removes that cost. The library API
// (dist/index.js) stays unbundled; the CLI and its batch worker run from the bundle.
//
// External: native or data-carrying packages that find files next to their own code
// (@napi-rs/canvas, pdfmake, pdfkit, fontkit), tinypool (starts its own worker file),
// chart.js (loaded only to draw charts).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

await build({
  // The worker keeps its name: pool.ts finds it as ./worker.js next to the code that starts it.
  entryPoints: { cli: join(root, 'dist', 'cli', 'main.js'), worker: join(root, 'dist', 'batch', 'worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  external: ['@napi-rs/canvas', 'pdfmake', 'pdfkit', 'fontkit', 'tinypool', 'chart.js'],
  // Bundled CommonJS (Handlebars) calls require() and reads __filename.
  banner: {
    js: [
      "import { createRequire as __bilatRequire } from 'node:module';",
      "import { fileURLToPath as __bilatPath } from 'node:url';",
      'const require = __bilatRequire(import.meta.url);',
      'const __filename = __bilatPath(import.meta.url);',
    ].join('\n'),
  },
  legalComments: 'none',
  logLevel: 'warning',
});
