/**
 * The CLI's own thread keeps a small young generation while a parallel batch runs on workers
 * (src/young-generation.ts), and the workers' young generations are full size from their
 * start. Measured inside the real CLI by a preloaded probe that records each thread's largest
 * young generation.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDistFresh } from '../helpers/cli.js';
import { AS_OF, bilat, ROOT, scratch } from './helpers.js';

const PROBE = `
const v8 = require('node:v8'); const fs = require('node:fs'); const { threadId } = require('node:worker_threads');
let max = 0;
const sample = () => { max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size); };
setInterval(sample, 5).unref();
const save = () => { sample(); fs.writeFileSync(process.env.PROBE_DIR + '/' + threadId + '.json', JSON.stringify(max)); };
process.on('exit', save);
setInterval(save, 50).unref();
`;

let probeDir: string;
let batch: ReturnType<typeof scratch>;
beforeAll(async () => {
  await ensureDistFresh();
  probeDir = mkdtempSync(join(tmpdir(), 'bilat-young-'));
  writeFileSync(join(probeDir, 'probe.cjs'), PROBE);
  batch = scratch();
  rmSync(join(batch.data, 'bad.yaml'));
});
afterAll(() => {
  rmSync(probeDir, { recursive: true, force: true });
  batch?.cleanup();
});

/** Each thread's largest young generation (MB) during `bilat build -j 2` (or `args`), main thread first. */
function youngGenerations(
  nodeOptions: string,
  args = ['build', batch.data, '-j', '2', '-o', join(probeDir, 'out'), '--as-of', AS_OF],
): number[] {
  const dir = mkdtempSync(join(probeDir, 'run-'));
  const r = bilat(args, undefined, {
    NODE_OPTIONS: `--require ${join(probeDir, 'probe.cjs')} ${nodeOptions}`,
    PROBE_DIR: dir,
  });
  expect(r.code, r.stderr).toBe(0);
  const threads = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => Number(f.replace('.json', '')))
    .sort((a, b) => a - b);
  return threads.map((id) => JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) / 2 ** 20);
}

describe('young generations in a parallel batch', () => {
  it('the CLI thread stays at its initial size; the workers have theirs at full size', () => {
    const [main, ...workers] = youngGenerations('');
    expect(workers.length).toBe(2);
    // 2 MB as held; V8 often doubles it once later in the batch (by some path other than the
    // growth factor, not yet found), never towards the 16 MB it reaches unheld.
    expect(main).toBeLessThanOrEqual(4);
    // Two semi-spaces of 4 MB: the workers' 12 MB young generation (pool.ts), as V8 divides it.
    for (const w of workers) expect(w).toBe(8);
  });

  it('a command that works on its own thread lets it grow: validating a large file', () => {
    // az-kg with 8,000 more talking points (~1 MB): validation allocates much that survives.
    const base = readFileSync(join(ROOT, 'data/az-kg.yaml'), 'utf8');
    const item = (i: number) => `  - text: Talking point ${i} on trade, transport and visits.\n    sources: [tdi-2021-12-22]\n`;
    const file = join(probeDir, 'large.yaml');
    writeFileSync(file, base.replace('talkingPoints:\n', `talkingPoints:\n${Array.from({ length: 8000 }, (_, i) => item(i)).join('')}`));
    const [main] = youngGenerations('', ['validate', file, '--as-of', AS_OF]);
    expect(main).toBeGreaterThan(4);
  });

  it("V8's own growth when the user sets the young generation for Node", () => {
    // A flag for Node wins: the CLI does not hold its young generation, which V8 grows at start-up.
    const [main] = youngGenerations('--max-semi-space-size=16');
    expect(main).toBeGreaterThan(4);
  });
});
