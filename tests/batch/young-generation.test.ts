/**
 * The CLI's own thread keeps a small young generation while a parallel batch runs on workers
 * (src/young-generation.ts), and the workers' young generations still grow: growth is switched
 * back on before the first worker starts. Measured inside the real CLI by a preloaded probe
 * that records each thread's largest young generation.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDistFresh } from '../helpers/cli.js';
import { AS_OF, bilat, scratch } from './helpers.js';

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

/** Each thread's largest young generation (MB) during `bilat build -j 2`, main thread first. */
function youngGenerations(nodeOptions: string): number[] {
  const dir = mkdtempSync(join(probeDir, 'run-'));
  const r = bilat(['build', batch.data, '-j', '2', '-o', join(dir, 'out'), '--as-of', AS_OF], undefined, {
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
  it('the CLI thread stays at its initial size; the workers grow theirs', () => {
    const [main, ...workers] = youngGenerations('');
    expect(workers.length).toBe(2);
    expect(main).toBeLessThanOrEqual(2);
    for (const w of workers) expect(w).toBeGreaterThan(main!);
  });

  it("V8's own growth when the user sets the young generation for Node", () => {
    // A flag for Node wins: the CLI does not hold its young generation, which V8 grows at start-up.
    const [main] = youngGenerations('--max-semi-space-size=16');
    expect(main).toBeGreaterThan(2);
  });
});
