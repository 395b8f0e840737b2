/**
 * The hostile-input suite: every case of the corpus (generated and fixed) runs through the
 * real CLI — validate, then build if it validated; `jobs list` for configs — in a fresh
 * folder whose output folder already holds earlier briefs, and must meet check.ts.
 * Reproduce a run with HOSTILE_SEED / HOSTILE_RUNS;
 * HOSTILE_KEEP=1 keeps the case folders.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT, ensureDistFresh, removeDir, tempDir } from '../helpers/cli.js';
import { outcomeProblems, outputProblems } from './check.js';
import { SEED, generatedCases, type HostileCase, type Step } from './corpus.js';
import { writeCaseFiles } from './files.js';
import { fixedCases } from './fixed-cases.js';
import { DEFAULT_BUDGET, runBilat, type Outcome } from './run.js';

const cases = [...fixedCases(), ...generatedCases()];
const keep = process.env.HOSTILE_KEEP === '1';
let seedDir = '';
const seeds = new Map<string, Buffer>();
const measured: { name: string; ms: number; peakMb: number }[] = [];

beforeAll(async () => {
  await ensureDistFresh();
  seedDir = tempDir('hostile-seed');
  // The earlier briefs every case's output folder starts with: a failed run must leave them as they are.
  const r = await runBilat(
    ['build', join(ROOT, 'data/az-kg.yaml'), '-a', 'analyst', '--as-of', AS_OF, '--out', seedDir, '--quiet'],
    seedDir,
    { ...DEFAULT_BUDGET, ms: 110_000 },
  );
  if (r.status !== 0) throw new Error(`seed build failed (${r.status}): ${r.stderr}`);
  for (const name of readdirSync(seedDir)) if (/\.(pdf|html)$/.test(name)) seeds.set(name, readFileSync(join(seedDir, name)));
}, 120_000);

afterAll(() => {
  removeDir(seedDir);
  const slowest = [...measured].sort((a, b) => b.ms - a.ms)[0];
  const biggest = [...measured].sort((a, b) => b.peakMb - a.peakMb)[0];
  if (slowest && biggest)
    console.log(
      `hostile suite (seed ${SEED}): ${measured.length} runs; slowest ${slowest.ms} ms (${slowest.name}); largest ${biggest.peakMb} MB (${biggest.name})`,
    );
});

function argsFor(c: HostileCase, step: Step, out: string): string[] {
  if (step === 'jobs-list') return ['jobs', 'list', '--config', c.config!];
  if (step === 'validate') return ['validate', ...c.data, '--as-of', AS_OF];
  const args = ['build', ...c.data, '--as-of', AS_OF, '--out', out, '-a', c.audience ?? 'analyst'];
  return c.templates ? [...args, '--templates', c.templates] : args;
}

async function runCase(c: HostileCase): Promise<string[]> {
  const dir = tempDir('hostile');
  try {
    writeCaseFiles(dir, c.files);
    const out = join(dir, 'out');
    mkdirSync(out);
    cpSync(seedDir, out, { recursive: true });
    // A build does more than a check: twice the time, still far from what a hang takes.
    const budgetFor = (step: Step) => ({ ...DEFAULT_BUDGET, ...(step === 'build' ? { ms: 2 * DEFAULT_BUDGET.ms } : {}), ...c.budget });
    const problems: string[] = [];
    for (const step of c.steps) {
      const o: Outcome = await runBilat(argsFor(c, step, out), dir, budgetFor(step));
      measured.push({ name: `${c.name} (${step})`, ms: o.ms, peakMb: o.peakMb });
      problems.push(...outcomeProblems(c, step, o));
      // Build only what validated, as a user would; a failed check stops the case.
      if (problems.length > 0 || (step === 'validate' && o.status !== 0)) break;
    }
    problems.push(...outputProblems(out, seeds, c.seedMayChange === true));
    if (problems.length > 0 && keep) problems.push(`case folder kept: ${dir}`);
    return problems;
  } finally {
    if (!keep) removeDir(dir);
  }
}

describe.concurrent('hostile inputs through the real CLI', () => {
  for (const c of cases) {
    const title = c.name;
    it(
      title,
      async () => {
        const problems = await runCase(c);
        // One line per problem, so a failure reads as a list of what went wrong.
        if (problems.length > 0) expect.fail(problems.join('\n'));
        // Each run is bounded by its own budget (run.ts); this only covers the wait for a free slot.
      },
      30 * 60_000,
    );
  }
});
