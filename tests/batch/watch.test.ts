// `bilat build --watch`: the real CLI in a child process, edited files, real file events.
// The waits below bound how long a test may hang; they assert nothing about speed.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchRoots } from '../../src/batch/watch.js';
import { AS_OF, ROOT, scratchPerTest } from './helpers.js';

const tmp = scratchPerTest();
const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
});

/** A watching CLI whose stderr and stdout can be awaited line by line. */
function watchCli(args: string[]) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bilat.js'), ...args, '--watch'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
  });
  running.push(child);
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited,
    get stderr() {
      return stderr;
    },
    get stdout() {
      return stdout;
    },
    /** Resolves once `text` has appeared `count` times on stderr (or stdout), failing with what was printed after 30 s. */
    async until(text: string | RegExp, count = 1, stream: 'stderr' | 'stdout' = 'stderr'): Promise<void> {
      const seen = () => (stream === 'stderr' ? stderr : stdout).split(text).length - 1;
      const deadline = Date.now() + 30_000;
      while (seen() < count) {
        if (child.exitCode !== null) throw new Error(`bilat exited ${child.exitCode} waiting for ${String(text)}\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`waited 30 s for ${String(text)} ×${count}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

describe('bilat build --watch', () => {
  it('rebuilds what a data edit, a new file or a template override touches; a bad edit is reported and watching goes on; Ctrl-C exits 0', async () => {
    const { dir, data, out } = tmp();
    rmSync(join(data, 'bad.yaml'));
    rmSync(join(data, 'good-c.yaml'));
    const tpl = join(dir, 'templates');
    mkdirSync(tpl);
    const w = watchCli(['build', data, '-a', 'executive', '-f', 'html', '--out', out, '--as-of', AS_OF, '--templates', tpl]);
    await w.until(/watching .* for changes/);
    expect(w.stderr).toContain('✔ 2 files: 2 briefs written');
    const a = join(out, 'batch-a-executive.html');
    const b = join(out, 'batch-b-executive.html');
    expect(readFileSync(a, 'utf8')).not.toContain('(edited)');

    // A data edit rebuilds that file's brief only.
    const fileA = join(data, 'good-a.yaml');
    writeFileSync(fileA, readFileSync(fileA, 'utf8').replace(/^(\s+title: )(.*)$/m, '$1$2 (edited)'));
    await w.until(/✔ 2 files: 1 brief written .* 1 up to date/);
    expect(w.stderr).toContain(`${fileA} changed: rebuilding`);
    expect(readFileSync(a, 'utf8')).toContain('(edited)');

    // A new data file in the watched folder is built.
    writeFileSync(join(data, 'good-d.yaml'), readFileSync(join(dir, 'data', 'good-b.yaml'), 'utf8').replace(/batch-b/g, 'batch-d'));
    await w.until(/✔ 3 files: 1 brief written .* 2 up to date/);
    expect(statSync(join(out, 'batch-d-executive.html')).isFile()).toBe(true);

    // A template override added to --templates rebuilds every brief.
    mkdirSync(join(tpl, 'shared', 'partials'), { recursive: true });
    writeFileSync(join(tpl, 'shared', 'partials', 'sources.hbs'), '<section id="sources"><h2>Sources</h2><p>Watched desk</p></section>\n');
    await w.until(/✔ 3 files: 3 briefs written .* 0 up to date/);
    expect(readFileSync(b, 'utf8')).toContain('Watched desk');

    // A broken edit: located error, the earlier brief left as it was, still watching.
    const before = readFileSync(b);
    appendFileSync(join(data, 'good-b.yaml'), 'oops: [\n');
    await w.until(/✖ 3 files: 0 briefs written .* 1 failed/);
    expect(w.stderr).toMatch(new RegExp(`${join(data, 'good-b.yaml').replace(/[.]/g, '\\.')}:\\d+:\\d+  error`));
    expect(readFileSync(b).equals(before)).toBe(true);
    await w.until('waiting for changes', 4);
    expect(w.child.exitCode).toBeNull();

    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
    expect(w.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000);

  it('--json prints one summary per build, one line each; SIGTERM exits 0', async () => {
    const { data, out } = tmp();
    rmSync(join(data, 'bad.yaml'));
    const w = watchCli(['build', join(data, 'good-a.yaml'), '-a', 'public', '-f', 'html', '--out', out, '--as-of', AS_OF, '--json']);
    await w.until('\n', 1, 'stdout');
    const fileA = join(data, 'good-a.yaml');
    writeFileSync(fileA, `${readFileSync(fileA, 'utf8')}\n# a comment changes the file's hash\n`);
    await w.until('\n', 2, 'stdout');
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    const lines = w.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { totals: { written: number; upToDate: number; files: number } });
    expect(lines.map((l) => l.totals)).toEqual([
      expect.objectContaining({ files: 1, written: 1, upToDate: 0 }),
      expect.objectContaining({ files: 1, written: 1, upToDate: 0 }),
    ]);
    expect(w.stderr).toBe('');
  }, 60_000);

  it('only files a build reads start one: not a log written beside the data, not the briefs; a folder it cannot watch is reported', async () => {
    const { dir, data } = tmp();
    rmSync(join(data, 'bad.yaml'));
    symlinkSync('loop', join(data, 'loop')); // a symbolic link to itself: watching it fails (ELOOP)
    const fileA = join(data, 'good-a.yaml');
    // The output folder holds the data folder, and the log goes into the data folder.
    const w = watchCli(['build', fileA, '-a', 'executive', '-f', 'html', '--out', dir, '--as-of', AS_OF]);
    await w.until(/watching .* for changes/);
    expect(w.stderr).toMatch(/cannot watch \S*loop: ELOOP/);
    writeFileSync(join(data, 'builds.json'), '{}\n');
    writeFileSync(join(data, 'good-b.yaml'), `${readFileSync(join(data, 'good-b.yaml'), 'utf8')}\n# not an input of this build\n`);
    await new Promise((r) => setTimeout(r, 600)); // let those events arrive; they must start nothing
    writeFileSync(fileA, readFileSync(fileA, 'utf8').replace(/^(\s+title: )(.*)$/m, '$1$2 (edited)'));
    await w.until(/✔ 1 file: 1 brief written/, 2);
    expect(w.stderr.match(/changed: rebuilding/g)).toEqual(['changed: rebuilding']);
    expect(w.stderr).toContain(`${fileA} changed: rebuilding`);
    expect(readFileSync(join(dir, 'batch-a-executive.html'), 'utf8')).toContain('(edited)');
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  }, 60_000);

  it('a CSV series the data file names is watched with it, in its subfolder', async () => {
    const { dir } = tmp();
    const rel = join(dir, 'rel');
    cpSync(join(ROOT, 'tests', 'fixtures', 'trade-csv'), rel, { recursive: true });
    const out = join(dir, 'out');
    const w = watchCli(['build', join(rel, 'mn-rs-csv.yaml'), '-a', 'analyst', '-f', 'html', '--out', out, '--as-of', AS_OF]);
    await w.until(/watching .* for changes/);
    const csv = join(rel, 'trade', 'mn-rs.csv');
    writeFileSync(
      csv,
      readFileSync(csv, 'utf8')
        .replace('t2023,2023,2023,2023,998.4,', 't2023,2023,2023,2023,999.4,')
        .replace(',2208.6,-211.8,', ',2209.6,-210.8,'),
    );
    await w.until(`${csv} changed: rebuilding`);
    await w.until(/✔ 1 file: 1 brief written/, 2);
    expect(readFileSync(join(out, 'mn-rs-csv-analyst.html'), 'utf8')).toMatch(/999[.,]4/);
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
  }, 60_000);

  it('--json into a file in a watched data folder: that file is neither read as data nor a reason to rebuild', async () => {
    const { data, out } = tmp();
    rmSync(join(data, 'bad.yaml'));
    const log = join(data, 'log.json');
    const fd = openSync(log, 'w');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'bilat.js'), 'build', data, '-a', 'public', '-f', 'html', '--out', out, '--as-of', AS_OF, '--json', '--watch'],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', fd, 'pipe'],
      },
    );
    closeSync(fd);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const lines = () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { kind?: string; warning?: string; totals?: { files: number; written: number } });
    const wait = async (n: number) => {
      const deadline = Date.now() + 30_000;
      while (lines().filter((l) => l.totals).length < n) {
        if (Date.now() > deadline) throw new Error(`waited 30 s for ${n} summaries:\n${readFileSync(log, 'utf8')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await wait(1);
    const fileA = join(data, 'good-a.yaml');
    writeFileSync(fileA, `${readFileSync(fileA, 'utf8')}\n# edited\n`);
    await wait(2);
    await new Promise((r) => setTimeout(r, 1000)); // a loop would add a line per build meanwhile
    const all = lines();
    expect(all.filter((l) => l.kind === 'watch').map((l) => l.warning)).toEqual([
      `${log} is where this command's own output goes: not read as data, not watched`,
    ]);
    expect(all.filter((l) => l.totals).map((l) => l.totals)).toEqual([
      expect.objectContaining({ files: 3, written: 3 }),
      expect.objectContaining({ files: 3, written: 1 }),
    ]);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);

  it('a usage error no save can fix (an unknown audience) ends the watch at once: exit 2', async () => {
    const { data, out } = tmp();
    const w = watchCli(['build', join(data, 'good-a.yaml'), '-a', 'nope', '--out', out, '--as-of', AS_OF]);
    expect(await w.exited).toBe(2);
    expect(w.stderr).toContain('unknown audience "nope"');
  }, 30_000);

  it('--serve: a port in use, not a port, or --port alone is a usage error (exit 2), before anything is built', async () => {
    const { data, out } = tmp();
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as { port: number }).port;
    try {
      const w = watchCli([
        'build',
        join(data, 'good-a.yaml'),
        '-a',
        'public',
        '--out',
        out,
        '--as-of',
        AS_OF,
        '--serve',
        '--port',
        String(port),
      ]);
      expect(await w.exited).toBe(2);
      expect(w.stderr).toContain(
        `cannot serve the preview on port ${port} (in use): pick another with --port <n>, or --port 0 for any free one`,
      );
      const bad = watchCli(['build', join(data, 'good-a.yaml'), '--out', out, '--serve', '--port', 'eighty']);
      expect(await bad.exited).toBe(2);
      expect(bad.stderr).toContain('--port takes a whole number from 0 to 65535');
      const alone = watchCli(['build', join(data, 'good-a.yaml'), '--out', out, '--port', '4700']);
      expect(await alone.exited).toBe(2);
      expect(alone.stderr).toContain('--port goes with --serve');
      expect(existsSync(out)).toBe(false);
    } finally {
      busy.close();
    }
  }, 30_000);

  it('a file outside the watched folders, a pattern or the output folder itself: the folders watched', () => {
    const { dir, data } = tmp();
    mkdirSync(join(data, 'deep'));
    cpSync(join(data, 'good-a.yaml'), join(data, 'deep', 'x.yaml'));
    expect(watchRoots([join(data, 'good-a.yaml'), join(data, 'deep', 'x.yaml')], undefined)).toEqual([data]);
    expect(watchRoots([`${data}/deep/*.yaml`, join(dir, 'missing.yaml')], join(dir, 'tpl'))).toEqual([dir]);
    expect(watchRoots(['data/*.yaml'], undefined, dir)).toEqual([data]);
  });
});
