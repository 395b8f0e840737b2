/**
 * Running the real CLI (`node bin/bilat.js …`, i.e. dist/) from tests, and building the demo
 * briefs once per set of inputs so every test file can read the same outputs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const AS_OF = '2026-11-22';
export const AUDIENCES = ['executive', 'analyst', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The two relationships every brief test covers: the real one and the synthetic one. */
export const PAIRS = [
  { id: 'az-kg', file: join(ROOT, 'data/az-kg.yaml') },
  { id: 'mn-rs', file: join(ROOT, 'tests/fixtures/relationships/mn-rs-synthetic.yaml') },
] as const;
export type PairId = (typeof PAIRS)[number]['id'];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `bilat …` in a child process, as a user runs it (cwd = repo root, no colour). */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/bilat.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 180_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder; the caller removes it (see `removeDir`). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bilat-${prefix}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function staleDistFiles(): string[] {
  const stale: string[] = [];
  // The binary runs the bundle (dist/bundle, written after tsc): it must be newer than every source.
  const bundle = join(ROOT, 'dist', 'bundle', 'cli.js');
  const bundled = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  for (const ts of walk(join(ROOT, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const js = join(ROOT, 'dist', relative(join(ROOT, 'src'), ts)).replace(/\.ts$/, '.js');
    const source = statSync(ts).mtimeMs;
    if (!existsSync(js) || statSync(js).mtimeMs < source || bundled < source) stale.push(relative(ROOT, ts));
  }
  return stale;
}

/**
 * The CLI runs dist/bundle, vitest runs src/: a stale build would make these tests check old code.
 * `npm test` builds first; when vitest is run directly, this compiles and bundles src/ once (tsc emits
 * even when someone's work in progress has type errors) and fails only if that did not help.
 */
export async function ensureDistFresh(): Promise<void> {
  if (staleDistFiles().length === 0) return;
  await withLock(join(tmpdir(), `bilat-test-tsc-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}.lock`), () => {
    if (staleDistFiles().length === 0) return;
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
    spawnSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  });
  const stale = staleDistFiles();
  if (stale.length)
    throw new Error(
      `dist/ is older than src/ (${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', …' : ''}) even after compiling: run "npm run build" and look at its errors`,
    );
}

/** Runs `fn` while holding a lock folder (mkdir is atomic); waits for other holders, breaks dead locks. */
async function withLock<T>(lock: string, fn: () => T): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Hash of everything the CLI's output depends on: its code, templates, inputs, arguments. */
function inputsHash(files: readonly string[], args: readonly string[]): string {
  const h = createHash('sha256').update(`${process.version}\0${args.join('\0')}\0`);
  const roots = ['dist', 'templates', 'bin'].map((d) => join(ROOT, d));
  const all = [...roots.flatMap((r) => walk(r)), join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), ...files]
    .filter(existsSync)
    .sort();
  for (const f of all)
    h.update(`${relative(ROOT, f)}\0`)
      .update(readFileSync(f))
      .update('\0');
  return h.digest('hex').slice(0, 20);
}

const CACHE = join(tmpdir(), 'bilat-test-briefs');
/** Builds unused this long are removed (any run touches the one it uses). */
const MAX_AGE_MS = 2 * 3600 * 1000;

/**
 * Builds `files` (all audiences, HTML and PDF, as of AS_OF) with the real CLI and returns the
 * output folder. Outputs are cached under the hash of every input, so the test files of one
 * run share one build (~5 s) instead of each making its own; byte-identical outputs for the
 * same inputs is itself tested (tests/briefs/determinism.test.ts builds afresh). Callers must
 * treat the folder as read-only.
 */
export async function buildOnce(files: readonly string[] = PAIRS.map((p) => p.file), extra: readonly string[] = []): Promise<string> {
  await ensureDistFresh();
  const args = ['build', ...files, '--as-of', AS_OF, ...extra];
  const final = join(CACHE, inputsHash(files, args));
  mkdirSync(CACHE, { recursive: true });
  pruneCache(final);
  // Another test worker may be building the same thing: the second one waits, then reuses it.
  return withLock(`${final}.lock`, () => {
    if (!existsSync(final)) {
      const work = `${final}.tmp-${process.pid}`;
      rmSync(work, { recursive: true, force: true });
      const r = runCli([...args, '--out', work]);
      if (r.status !== 0) throw new Error(`bilat ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
      renameSync(work, final);
    }
    const now = new Date();
    utimesSync(final, now, now);
    return final;
  });
}

function pruneCache(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const p = join(CACHE, name);
    if (p === keep || p.startsWith(`${keep}.`)) continue;
    const st = statSync(p, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > MAX_AGE_MS) rmSync(p, { recursive: true, force: true });
  }
}

export const outputPath = (dir: string, pair: string, audience: string, ext: 'html' | 'pdf') => join(dir, `${pair}-${audience}.${ext}`);

/** Every file in a folder with its bytes and mtime, to prove a failed run left it alone. */
export function snapshotDir(dir: string): Map<string, { mtimeMs: number; bytes: Buffer }> {
  const snap = new Map<string, { mtimeMs: number; bytes: Buffer }>();
  for (const f of walk(dir).sort()) snap.set(relative(dir, f), { mtimeMs: statSync(f).mtimeMs, bytes: readFileSync(f) });
  return snap;
}

export function listDir(dir: string): string[] {
  return walk(dir)
    .map((f) => relative(dir, f))
    .sort();
}
