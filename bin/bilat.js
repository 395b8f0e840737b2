#!/usr/bin/env node
// Thin entry: all behaviour lives in the library (src/cli/run.ts). The CLI runs from the
// bundle `npm run build` writes (dist/bundle, see scripts/bundle.mjs), which starts faster
// than the ~250 separate modules of dist/; dist/cli/main.js is the same code unbundled.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
await import(existsSync(bundle) ? bundle.href : new URL('../dist/cli/main.js', import.meta.url).href);
