#!/usr/bin/env node
// Thin entry: all behaviour lives in the library (src/cli/run.ts). The CLI runs from the
// bundle `npm run build` writes (dist/bundle, see scripts/bundle.mjs), which starts faster
// than the ~250 separate modules of dist/; dist/cli/main.js is the same code unbundled, used
// when there is no bundle or it is older than dist/ (after a plain `tsc`).
import { statSync } from 'node:fs';

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const plain = new URL('../dist/cli/main.js', import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
await import(mtime(bundle) >= mtime(plain) ? bundle.href : plain.href);
