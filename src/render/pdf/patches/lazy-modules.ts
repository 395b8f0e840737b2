/**
 * pdfkit loads an AES implementation (@noble/ciphers, for encrypted PDFs) and fontkit a Brotli
 * decoder (for WOFF2 fonts) as they are themselves loaded. bilat makes neither kind of file, and
 * the two cost every thread that renders ~60–85 ms of start-up and ~1.5 MB of heap (the AES
 * tables, Brotli's 750 kB dictionary source). Each gets a stand-in in require's cache that loads
 * the real module the first time anything is read from it or it is called, so a user's WOFF2
 * font or a future encryption option still works, only later.
 */
import Module, { createRequire } from 'node:module';
import { applied, skipped, type PatchResult } from './result.js';

const standIns = new WeakSet<object>();
/** By resolved file: the first call's result is every later call's (fonts.ts and installPatches both ask). */
const results = new Map<string, PatchResult>();

/**
 * pdfkit's AES and fontkit's Brotli, deferred. Call before pdfkit or fontkit is first required
 * (whichever of bilat's modules needs one first does); later calls report the first result.
 */
export function deferUnusedModules(pdfkitFile: string): { aes: PatchResult; brotli: PatchResult } {
  const fromPdfkit = createRequire(pdfkitFile);
  return {
    aes: deferModule(fromPdfkit, '@noble/ciphers/aes'),
    brotli: deferModule(createRequire(fromPdfkit.resolve('fontkit')), 'brotli/decompress.js'),
  };
}

/** A module that is loaded on first use; `requireFrom` resolves `id` as its real importer would. */
export function deferModule(requireFrom: NodeJS.Require, id: string): PatchResult {
  let file: string;
  try {
    file = requireFrom.resolve(id);
  } catch {
    return skipped(`${id} cannot be found from its importer`);
  }
  let result = results.get(file);
  if (result === undefined) results.set(file, (result = standIn(requireFrom, id, file)));
  return result;
}

function standIn(requireFrom: NodeJS.Require, id: string, file: string): PatchResult {
  const cache = requireFrom.cache;
  if (cache[file] !== undefined) return skipped(`${id} was loaded before the patch`);
  let real: unknown;
  const load = (): object => {
    if (real === undefined) {
      // Out of the cache so that require loads the file itself; the real module stays there.
      delete cache[file];
      real = createRequire(file)(file);
    }
    return real as object;
  };
  // A function target, so that a module whose exports are a function (Brotli's decoder) can be
  // called; an arrow function has no non-configurable properties the traps would have to report.
  const proxy = new Proxy(() => {}, {
    get: (_t, key) => Reflect.get(load(), key),
    has: (_t, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(load(), key);
      return d === undefined ? undefined : { ...d, configurable: true };
    },
    apply: (_t, self, args: unknown[]) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
  });
  const entry = new Module(file);
  entry.filename = file;
  entry.loaded = true;
  entry.exports = proxy;
  standIns.add(proxy);
  cache[file] = entry;
  return applied;
}

/** Whether `id`, as `requireFrom` resolves it, is loaded for real (not, or no longer, a stand-in). */
export function loadedForReal(requireFrom: NodeJS.Require, id: string): boolean {
  const entry = requireFrom.cache[requireFrom.resolve(id)];
  return entry !== undefined && !standIns.has(entry.exports as object);
}
