#!/usr/bin/env node
// Thin entry: all behaviour lives in the library (dist/cli). See src/cli/run.ts.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2));
