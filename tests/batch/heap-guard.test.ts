// A data file just under the 10 MB limit, built alone (-j 1): it must fail alone with a clear
// message (or succeed), never take the process down with V8's fatal out-of-memory abort. The
// main thread gets a small heap here so that, without the guard, the abort comes in seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ensureDistFresh, ROOT, tempDir } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  await ensureDistFresh();
  dir = tempDir('heap-guard');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** az-kg with tens of thousands of talking points: valid data, 10 MB less 4 KB, made in milliseconds. */
function nearLimitFile(): string {
  const base = readFileSync(join(ROOT, 'data/az-kg.yaml'), 'utf8');
  const item = (i: number) =>
    `  - text: Talking point ${i} on trade, transport and visits between both sides.\n    sources: [tdi-2021-12-22]\n`;
  const room = 10 * 1024 * 1024 - 4096 - Buffer.byteLength(base);
  const count = Math.floor(room / Buffer.byteLength(item(100_000)));
  const text = base.replace('talkingPoints:\n', `talkingPoints:\n${Array.from({ length: count }, (_, i) => item(100_000 + i)).join('')}`);
  const file = join(dir, 'near-limit.yaml');
  writeFileSync(file, text);
  expect(Buffer.byteLength(text)).toBeGreaterThan(10 * 1024 * 1024 - 8192);
  return file;
}

describe('the one-file path runs under the heap guard', () => {
  it('a file just under 10 MB with -j 1 ends with a clear message, never a V8 abort', () => {
    const file = nearLimitFile();
    const out = join(dir, 'out');
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/bilat.js'), 'build', file, '-j', '1', '-a', 'executive', '-f', 'pdf', '-o', out, '--as-of', AS_OF],
      {
        cwd: ROOT,
        encoding: 'utf8',
        // Small heaps everywhere keep the test quick and light; the guard does not depend on sizes.
        env: {
          ...process.env,
          NO_COLOR: '1',
          NODE_OPTIONS: '--max-old-space-size=256',
          BILAT_WORKER_HEAP_MB: '24',
          BILAT_LARGE_WORKER_HEAP_MB: '24',
        },
        timeout: 400_000,
      },
    );
    expect(r.signal, 'killed: the build hung').toBeNull();
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|Allocation failed/);
    expect([0, 3], r.stderr).toContain(r.status);
    if (r.status === 3) {
      expect(r.stderr).toContain(
        `${file}  ran out of memory on a worker with a 24 MB heap and again on one of its own with 24 MB; nothing was written for it. Split the file, or allow more: BILAT_LARGE_WORKER_HEAP_MB=48`,
      );
      expect(existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith('.')) : []).toEqual([]);
    }
  }, 420_000);
});
