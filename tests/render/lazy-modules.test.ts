/**
 * Modules deferred until first use (src/render/pdf/patches/lazy-modules.ts): the stand-in in
 * require's cache loads the real module when it is first read or called, and behaves as it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deferModule, deferUnusedModules, loadedForReal } from '../../src/render/pdf/patches/lazy-modules.js';
import { pdfkitPath } from '../../src/render/pdf/fonts.js';

/** A CommonJS module that counts its own loads in a global. */
function tempModule(name: string, body: string): NodeJS.Require {
  const dir = mkdtempSync(join(tmpdir(), 'bilat-lazy-'));
  writeFileSync(join(dir, `${name}.cjs`), `globalThis.__loads = (globalThis.__loads ?? 0) + 1;\n${body}`);
  return createRequire(join(dir, 'importer.cjs'));
}
const loads = (): number => (globalThis as { __loads?: number }).__loads ?? 0;

describe('a deferred module', () => {
  it('is loaded when a property is first read, once, and reads as the real one', () => {
    const req = tempModule('obj', 'exports.double = (x) => 2 * x; exports.answer = 42;');
    const before = loads();
    expect(deferModule(req, './obj.cjs')).toEqual({ applied: true });
    const mod = req('./obj.cjs') as { double(x: number): number; answer: number };
    expect(loads()).toBe(before);
    expect(loadedForReal(req, './obj.cjs')).toBe(false);
    expect(mod.double(21)).toBe(42);
    expect(mod.answer).toBe(42);
    expect('answer' in mod).toBe(true);
    expect(Object.keys(mod).sort()).toEqual(['answer', 'double']);
    expect(loads()).toBe(before + 1);
    // Later requires get the real module itself.
    expect(loadedForReal(req, './obj.cjs')).toBe(true);
    expect((req('./obj.cjs') as { answer: number }).answer).toBe(42);
    expect(loads()).toBe(before + 1);
  });

  it('whose exports are a function can be called, with its arguments and result', () => {
    const req = tempModule('fn', 'module.exports = function (a, b) { "use strict"; return [this === undefined, a + b]; };');
    deferModule(req, './fn.cjs');
    const fn = req('./fn.cjs') as (a: number, b: number) => [boolean, number];
    expect(fn(2, 3)).toEqual([true, 5]);
  });

  it('is left alone when it was loaded already, and says so', () => {
    const req = tempModule('early', 'exports.x = 1;');
    req('./early.cjs');
    expect(deferModule(req, './early.cjs')).toEqual({ applied: false, reason: './early.cjs was loaded before the patch' });
    expect(deferModule(req, './missing.cjs')).toEqual({ applied: false, reason: './missing.cjs cannot be found from its importer' });
  });
});

describe("pdfkit's AES and fontkit's Brotli", () => {
  it('still work when used: Brotli data decodes through the stand-in', () => {
    const { brotli } = deferUnusedModules(pdfkitPath());
    // Applied here, or earlier in this process: the same result either way.
    expect(brotli).toEqual({ applied: true });
    const fromFontkit = createRequire(createRequire(pdfkitPath()).resolve('fontkit'));
    const text = Buffer.from('bilateral relations '.repeat(50));
    const decompress = fromFontkit('brotli/decompress.js') as (data: Uint8Array, size?: number) => Uint8Array;
    expect(Buffer.from(decompress(brotliCompressSync(text), text.length)).equals(text)).toBe(true);
    expect(loadedForReal(fromFontkit, 'brotli/decompress.js')).toBe(true);
  });
});
