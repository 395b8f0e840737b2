// The `bilat build --json` contract: the real CLI's summary has exactly the keys of the exported
// BuildJsonSummary interfaces, in the order they are printed. The key lists below are checked
// against the interfaces by the type checker (`npm run typecheck`), so a key added to or
// dropped from the output without the interface (or the other way round) fails one or the other.
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BuildJsonError, BuildJsonFile, BuildJsonSummary, BuildJsonTotals } from '../../src/cli/commands/build/json-summary.js';
import { AS_OF, ensureDistFresh, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
/** Every key of T, each marked as the interface has it; the object's key order is the printed order. */
type KeySpec<T> = { [K in keyof T]-?: K extends OptionalKeys<T> ? 'optional' : 'required' };

const SUMMARY = {
  files: 'required',
  totals: 'required',
  problems: 'optional',
  durationMs: 'required',
} as const satisfies KeySpec<BuildJsonSummary>;
const FILE = {
  data: 'required',
  status: 'required',
  outputs: 'required',
  written: 'required',
  diagnostics: 'required',
  error: 'optional',
  ms: 'required',
} as const satisfies KeySpec<BuildJsonFile>;
const TOTALS = {
  files: 'required',
  ok: 'required',
  failed: 'required',
  skipped: 'required',
  written: 'required',
  upToDate: 'required',
  errors: 'required',
  warnings: 'required',
} as const satisfies KeySpec<BuildJsonTotals>;
const ERROR = {
  code: 'required',
  message: 'required',
  file: 'optional',
  line: 'optional',
  column: 'optional',
} as const satisfies KeySpec<BuildJsonError>;

/** `value`'s keys are the spec's, in its order: every required one, optional ones only if present, nothing else. */
function expectKeys(value: object, spec: Record<string, 'required' | 'optional'>): void {
  const expected = Object.entries(spec)
    .filter(([key, kind]) => kind === 'required' || key in value)
    .map(([key]) => key);
  expect(Object.keys(value)).toEqual(expected);
}

function expectContract(s: BuildJsonSummary): void {
  expectKeys(s, SUMMARY);
  expectKeys(s.totals, TOTALS);
  for (const n of Object.values(s.totals)) expect(Number.isInteger(n)).toBe(true);
  expect(Number.isInteger(s.durationMs)).toBe(true);
  for (const f of s.files) {
    expectKeys(f, FILE);
    expect(['ok', 'failed', 'skipped']).toContain(f.status);
    expect(Number.isInteger(f.ms)).toBe(true);
    for (const w of [...f.outputs, ...f.written]) expect(typeof w).toBe('string');
    if (f.error) expectKeys(f.error, ERROR);
  }
}

beforeAll(ensureDistFresh);

let out: string | undefined;
afterEach(() => removeDir(out));

describe('bilat build --json', () => {
  it('prints a BuildJsonSummary for data/az-kg.yaml, keys in order, nothing on stderr', () => {
    out = tempDir('build-json');
    const r = runCli(['build', 'data/az-kg.yaml', '--as-of', AS_OF, '--out', out, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout) as BuildJsonSummary;
    expectContract(s);
    expect(s.files.map((f) => [f.data, f.status, f.written.length])).toEqual([['data/az-kg.yaml', 'ok', 6]]);
    expect(s.totals).toMatchObject({ files: 1, ok: 1, failed: 0, skipped: 0, written: 6, upToDate: 0, errors: 0 });
  });

  it('a file that fails has its error between diagnostics and ms', () => {
    out = tempDir('build-json');
    const bad = join(ROOT, 'tests/fixtures/batch/bad.yaml');
    const r = runCli(['build', bad, '--as-of', AS_OF, '--out', out, '-f', 'html', '--json']);
    expect(r.status).toBe(1);
    const s = JSON.parse(r.stdout) as BuildJsonSummary;
    expectContract(s);
    expect(Object.keys(s.files[0]!)).toEqual(['data', 'status', 'outputs', 'written', 'diagnostics', 'error', 'ms']);
    expect(s.files[0]!.error?.code).toBe('E_DATA_INVALID');
  });
});
