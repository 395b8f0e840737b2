/**
 * Which files a one-thread build (one file, or -j 1) must not render on the main thread. A
 * data file near the 10 MB input limit takes gigabytes to validate and lay out; on the main
 * thread that ends in V8's fatal out-of-memory abort. Routed through the pool instead, it runs
 * on a worker with a heap limit, is retried on a larger one, and at worst fails alone with a
 * clear E_RENDER. A stat per file decides, so a normal build keeps its fast in-thread start.
 */
import { statSync } from 'node:fs';
import { readInputBytes } from '../data/read-file.js';
import { referencedTradeFiles } from '../data/trade-files.js';

/**
 * Inputs above this (the data file and its CSV series together) render on a guarded worker.
 * A relationship is a few hundred KB; 1 MB of YAML peaks well under the main thread's heap.
 */
const INLINE_MAX_BYTES = 1024 * 1024;

function inlineMax(): number {
  // BILAT_INLINE_MAX_BYTES: lowers the threshold for tests and measurements (0 = always a worker).
  const n = Number(process.env.BILAT_INLINE_MAX_BYTES);
  return process.env.BILAT_INLINE_MAX_BYTES !== undefined && Number.isInteger(n) && n >= 0 ? n : INLINE_MAX_BYTES;
}

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0; // missing or unreadable: the build reports it, located
  }
};

export function needsHeapGuard(file: string): boolean {
  const max = inlineMax();
  let total = sizeOf(file);
  if (total > max) return true;
  let bytes: Buffer;
  try {
    bytes = readInputBytes(file);
  } catch {
    return false; // the build reports it, located
  }
  // Most files name no CSV file: find that out without parsing them.
  if (!bytes.includes('tradeFiles')) return false;
  for (const csv of referencedTradeFiles(file, bytes.toString('utf8'))) {
    total += sizeOf(csv);
    if (total > max) return true;
  }
  return false;
}
