/**
 * A full disk, for real: a 1 MB tmpfs filled to a few KB, then the real CLI builds into it.
 * Mounting needs root (CI runs as root); elsewhere the tests say why they are skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ensureDistFresh, removeDir, runCli, tempDir } from '../helpers/cli.js';

let mnt: string | undefined;
let mounted = false;
let skipReason: string | undefined;

beforeAll(async () => {
  await ensureDistFresh();
  if (process.platform !== 'linux') skipReason = `tmpfs mounts need Linux (this is ${process.platform})`;
  else if (process.getuid?.() !== 0) skipReason = 'mounting a tmpfs needs root (CI runs as root)';
  else {
    mnt = tempDir('disk-full');
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { encoding: 'utf8' });
    if (r.status === 0) mounted = true;
    else skipReason = `mount -t tmpfs failed: ${(r.stderr || r.error?.message || '').trim()}`;
  }
  if (skipReason) console.warn(`disk-full tests skipped: ${skipReason}`);
});

afterAll(() => {
  if (mounted) execFileSync('umount', [mnt!]);
  removeDir(mnt);
});

const BUILD = ['build', 'data/az-kg.yaml', '-a', 'executive', '--as-of', AS_OF];

/** Leaves `bytes` free on the tmpfs (it counts whole 4 KB pages). */
function fillTo(bytes: number): void {
  const fill = join(mnt!, 'fill');
  rmSync(fill, { force: true });
  const st = statfsSync(mnt!);
  const free = st.bavail * st.bsize;
  writeFileSync(fill, Buffer.alloc(Math.max(0, free - bytes)));
  const left = statfsSync(mnt!);
  expect(left.bavail * left.bsize).toBe(bytes);
}

const files = (dir: string) => readdirSync(dir).sort();

// Several real builds per test: generous budgets for a loaded machine (these guard against hangs, not speed).
describe('a disk that fills up while briefs are written', { timeout: 240_000 }, () => {
  it('keeps the earlier briefs byte for byte, leaves no temp file, and exits 3 with a located message', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const out = join(mnt!, 'out');
    rmSync(join(mnt!, 'fill'), { force: true });
    const first = runCli([...BUILD, '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    const html = readFileSync(join(out, 'az-kg-executive.html'));
    const pdf = readFileSync(join(out, 'az-kg-executive.pdf'));
    // Room for the HTML but not the PDF after it (a pair half updated), then for neither.
    for (const free of [Math.ceil((html.length + 4096) / 4096) * 4096, 8192]) {
      fillTo(free);
      const r = runCli([...BUILD, '--out', out]);
      expect(r.status, r.stderr).toBe(3);
      const failed = free > html.length ? 'az-kg-executive.pdf' : 'az-kg-executive.html';
      expect(r.stderr).toContain(`${join(out, failed)}  disk full while writing ${failed} (`);
      expect(r.stderr).toMatch(/bytes needed.*free space .* and run again/);
      expect(r.stdout).toBe('');
      expect(files(out)).toEqual(['az-kg-executive.html', 'az-kg-executive.pdf']);
      expect(readFileSync(join(out, 'az-kg-executive.html')).equals(html)).toBe(true);
      expect(readFileSync(join(out, 'az-kg-executive.pdf')).equals(pdf)).toBe(true);
      const check = spawnSync('qpdf', ['--check', join(out, 'az-kg-executive.pdf')], { encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
  });

  it('into an empty folder: no file at all, and the summary claims nothing written', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const out = join(mnt!, 'empty');
    mkdirSync(out, { recursive: true });
    fillTo(8192);
    const r = runCli([...BUILD, '--out', out]);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${join(out, 'az-kg-executive.html')}  disk full while writing az-kg-executive.html (`);
    expect(files(out)).toEqual([]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/1 file: 0 briefs written to .*, 1 failed/);
    expect(r.stderr).not.toMatch(/[1-9]\d* briefs? written/);
  });

  it('--incremental with --json: a failed write is failed in the summary and not recorded in the manifest', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const out = join(mnt!, 'inc');
    rmSync(join(mnt!, 'fill'), { force: true });
    rmSync(out, { recursive: true, force: true });
    fillTo(8192);
    const r = runCli([...BUILD, '-f', 'pdf', '--out', out, '--incremental', '--json']);
    expect(r.status, r.stderr).toBe(3);
    const s = JSON.parse(r.stdout) as {
      files: { status: string; written: string[]; error?: { code: string } }[];
      totals: { written: number; failed: number };
    };
    expect(s.totals).toMatchObject({ written: 0, failed: 1 });
    expect(s.files[0]).toMatchObject({ status: 'failed', written: [], error: { code: 'E_WRITE' } });
    expect(readdirSync(out).filter((f) => !f.startsWith('.bilat'))).toEqual([]);
  });
});
