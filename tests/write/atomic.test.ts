/** The writer on its own: all or nothing per file and per group, temp files never left behind. */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BilatError } from '../../src/errors.js';
import { commitStaged, discardStaged, stageFiles, writeFileAtomic } from '../../src/write/atomic.js';
import { removeStaleTemps } from '../../src/write/stale-temps.js';
import { AS_OF, ROOT, ensureDistFresh, removeDir, tempDir } from '../helpers/cli.js';

let dirs: string[] = [];
const dir = () => {
  const d = tempDir('write');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs) removeDir(d);
  dirs = [];
});

describe('writeFileAtomic', () => {
  it('replaces the file whole, keeps its mode, and leaves no temp file', async () => {
    const d = dir();
    const f = join(d, 'a.html');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    await writeFileAtomic(f, 'new bytes');
    expect(readFileSync(f, 'utf8')).toBe('new bytes');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(['a.html']);
  });

  it('a failure is E_WRITE naming the file; the earlier file stays', async () => {
    const d = dir();
    writeFileSync(join(d, 'blocker'), 'a file, not a folder');
    const e = await writeFileAtomic(join(d, 'blocker', 'x.pdf'), 'data').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BilatError);
    expect(e).toMatchObject({ code: 'E_WRITE', exitCode: 3, file: join(d, 'blocker', 'x.pdf') });
  });
});

describe('files written together', () => {
  it("a failure on the second file removes the first one's temp file and replaces nothing", async () => {
    const d = dir();
    writeFileSync(join(d, 'a.html'), 'old a');
    writeFileSync(join(d, 'sub'), 'a file where a folder is needed');
    const e = await stageFiles([
      { path: join(d, 'a.html'), data: 'new a' },
      { path: join(d, 'sub', 'b.pdf'), data: 'new b' },
    ]).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'E_WRITE' });
    expect(readdirSync(d).sort()).toEqual(['a.html', 'sub']);
    expect(readFileSync(join(d, 'a.html'), 'utf8')).toBe('old a');
  });

  it('staged files are invisible until committed, and discarding leaves nothing', async () => {
    const d = dir();
    const staged = await stageFiles([
      { path: join(d, 'a.html'), data: 'a' },
      { path: join(d, 'b.pdf'), data: new Uint8Array([1, 2, 3]) },
    ]);
    expect(readdirSync(d).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(staged.map((s) => s.size)).toEqual([1, 3]);
    const again = await stageFiles([{ path: join(d, 'c.html'), data: 'c' }]);
    await discardStaged(again);
    expect(await commitStaged(staged)).toEqual({ done: [join(d, 'a.html'), join(d, 'b.pdf')] });
    expect(readdirSync(d).sort()).toEqual(['a.html', 'b.pdf']);
    expect([...readFileSync(join(d, 'b.pdf'))]).toEqual([1, 2, 3]);
  });
});

describe('removeStaleTemps', () => {
  it('removes old temp files of dead processes only', async () => {
    const d = dir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const names = {
      deadOld: `.a.html.${dead}-0-0123abcd.bilat-tmp`,
      deadYoung: `.b.html.${dead}-0-0123abcd.bilat-tmp`,
      aliveOld: `.c.html.${process.pid}-0-0123abcd.bilat-tmp`,
      other: `.d.html.${dead}-0-zzzz.tmp`,
    };
    for (const n of Object.values(names)) writeFileSync(join(d, n), 'x');
    const old = new Date(Date.now() - 3600_000);
    for (const n of [names.deadOld, names.aliveOld, names.other]) utimesSync(join(d, n), old, old);
    expect(await removeStaleTemps(d)).toEqual([join(d, names.deadOld)]);
    expect(readdirSync(d).sort()).toEqual([names.deadYoung, names.aliveOld, names.other].sort());
  });
});

// Not root, no tmpfs: a file-size limit (ulimit -f) makes write() stop short the same way a full disk does.
describe.skipIf(process.platform === 'win32')('a short write (file-size limit), with the real CLI', { timeout: 180_000 }, () => {
  it('is noticed: exit 3 naming the brief, the earlier brief byte for byte, no temp file', async () => {
    await ensureDistFresh();
    const out = dir();
    const build = (limitBlocks?: number) => {
      const cli = `exec "${process.execPath}" bin/bilat.js build data/az-kg.yaml -a executive -f html --as-of ${AS_OF} --out "${out}"`;
      // SIGXFSZ ignored, so the over-limit write returns short (then EFBIG) instead of killing node.
      const script = limitBlocks ? `trap '' XFSZ; ulimit -f ${limitBlocks}; ${cli}` : cli;
      return spawnSync('sh', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    };
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    const before = readFileSync(join(out, 'az-kg-executive.html'));
    writeFileSync(
      join(out, 'az-kg-executive.html'),
      Buffer.concat([before.subarray(0, 100), Buffer.from('<!-- earlier -->'), before.subarray(100)]),
    );
    const earlier = readFileSync(join(out, 'az-kg-executive.html'));
    const r = build(16); // 8 KB, well under the brief's ~20 KB
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain(
      `${join(out, 'az-kg-executive.html')}  cannot write az-kg-executive.html: larger than this process may write`,
    );
    expect(readFileSync(join(out, 'az-kg-executive.html')).equals(earlier)).toBe(true);
    expect(readdirSync(out)).toEqual(['az-kg-executive.html']);
  });
});
