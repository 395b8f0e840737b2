// `bilat build` on many files: real CLI processes on a small corpus (3 good files + 1 bad).
// No timing assertions: speed is measured by `npm run bench`, not by tests.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, bilat, outputs, ROOT, scratchPerTest } from './helpers.js';

const GOOD = ['batch-a', 'batch-b', 'batch-c'];
const AUDIENCES = ['executive', 'analyst', 'public'];

const tmp = scratchPerTest();

interface Summary {
  files: {
    data: string;
    status: 'ok' | 'failed' | 'skipped';
    outputs: string[];
    written: string[];
    diagnostics: { file: string; line: number; column: number; severity: string; path: string; message: string }[];
    ms: number;
    error?: { code: string };
  }[];
  totals: {
    files: number;
    ok: number;
    failed: number;
    skipped: number;
    written: number;
    upToDate: number;
    errors: number;
    warnings: number;
  };
  durationMs: number;
}

describe('bilat build with many files', () => {
  it('reports a bad file with located diagnostics, writes the others, and exits 1', () => {
    const { data, out } = tmp();
    const r = bilat(['build', data, '-f', 'html', '--out', out, '--as-of', AS_OF, '-j', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(data, 'bad.yaml')}:21:5  error  trade[0].exprots  unknown key "exprots" (did you mean "exports"?)`);
    expect(r.stderr).toContain(`${join(data, 'bad.yaml')}:22:14  error  trade[0].imports  expected number, got string "1,4"`);
    expect(r.stderr).toMatch(/failed\s+\S*bad\.yaml\s+2 errors/);
    expect(r.stderr).toMatch(/4 files: 9 briefs written to \S+, 0 up to date, 1 failed/);
    for (const pair of GOOD) for (const a of AUDIENCES) expect(existsSync(join(out, `${pair}-${a}.html`))).toBe(true);
    expect([...outputs(out).keys()].some((f) => f.startsWith('batch-bad'))).toBe(false);
    // Written paths on stdout, one per line, for scripts.
    expect(r.stdout.trim().split('\n')).toHaveLength(9);
  });

  it('--json prints one summary object: per-file status, outputs, diagnostics, times and totals', () => {
    const { data, out } = tmp();
    const r = bilat(['build', data, '-f', 'html', '-a', 'executive', '--out', out, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.files.map((f) => [f.data.split('/').at(-1), f.status])).toEqual([
      ['bad.yaml', 'failed'],
      ['good-a.yaml', 'ok'],
      ['good-b.yaml', 'ok'],
      ['good-c.yaml', 'ok'],
    ]);
    const bad = s.files[0]!;
    expect(bad.outputs).toEqual([]);
    expect(bad.error?.code).toBe('E_DATA_INVALID');
    expect(bad.diagnostics.map((d) => [d.line, d.column, d.severity, d.path])).toEqual([
      [21, 5, 'error', 'trade[0].exprots'],
      [22, 14, 'error', 'trade[0].imports'],
    ]);
    expect(s.files[1]).toMatchObject({
      outputs: [join(out, 'batch-a-executive.html')],
      written: [join(out, 'batch-a-executive.html')],
      diagnostics: [],
    });
    expect(typeof s.files[1]!.ms).toBe('number');
    expect(s.totals).toEqual({ files: 4, ok: 3, failed: 1, skipped: 0, written: 3, upToDate: 0, errors: 2, warnings: 0 });
    expect(s.durationMs).toBeGreaterThan(0);
    expect(r.stderr).toBe(''); // everything is in the JSON
  });

  it('--incremental skips everything when nothing changed and rebuilds only what did', () => {
    const { data, out } = tmp();
    const good = join(data, 'good-*.yaml');
    const args = ['build', good, '-f', 'html', '--out', out, '--as-of', AS_OF, '--incremental', '--json'];
    const first = JSON.parse(bilat(args).stdout) as Summary;
    expect(first.totals).toMatchObject({ ok: 3, written: 9, upToDate: 0 });
    expect(existsSync(join(out, '.bilat', 'manifest.json'))).toBe(true);

    const second = bilat(args);
    expect(second.code).toBe(0);
    const s2 = JSON.parse(second.stdout) as Summary;
    expect(s2.totals).toMatchObject({ skipped: 3, written: 0, upToDate: 9 });
    expect(s2.files.every((f) => f.status === 'skipped' && f.outputs.length === 3)).toBe(true);

    // Touching a data file without changing it, or an output's mtime, is not a change.
    const now = new Date(Date.now() + 5000);
    utimesSync(join(data, 'good-a.yaml'), now, now);
    utimesSync(join(out, 'batch-b-public.html'), now, now);
    expect((JSON.parse(bilat(args).stdout) as Summary).totals).toMatchObject({ skipped: 3, written: 0 });

    // An edited data file is rebuilt, alone.
    const b = join(data, 'good-b.yaml');
    writeFileSync(b, readFileSync(b, 'utf8').replace('title: ', 'title: Revised '));
    const third = JSON.parse(bilat(args).stdout) as Summary;
    expect(third.files.map((f) => f.status)).toEqual(['skipped', 'ok', 'skipped']);
    expect(third.totals).toMatchObject({ written: 3, upToDate: 6 });

    // A deleted or damaged output is remade, and only that brief.
    writeFileSync(join(out, 'batch-c-analyst.html'), 'damaged');
    const fourth = JSON.parse(bilat(args).stdout) as Summary;
    expect(fourth.files[2]).toMatchObject({ status: 'ok', written: [join(out, 'batch-c-analyst.html')] });
    expect(fourth.files[2]!.outputs).toHaveLength(3);
    expect(fourth.totals).toMatchObject({ written: 1, upToDate: 8 });

    // Other options are other briefs: a new as-of date rebuilds everything.
    const other = JSON.parse(bilat(args.map((a) => (a === AS_OF ? '2026-12-01' : a))).stdout) as Summary;
    expect(other.totals).toMatchObject({ written: 9, upToDate: 0 });
  });

  it('a changed template rebuilds the briefs that use it, and only those', () => {
    const { dir, data, out } = tmp();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'shared', 'partials'), { recursive: true });
    mkdirSync(join(templates, 'analyst'));
    const shipped = (p: string) => readFileSync(join(ROOT, 'templates', p), 'utf8');
    writeFileSync(join(templates, 'shared', 'partials', 'title.hbs'), shipped('shared/partials/title.hbs'));
    writeFileSync(join(templates, 'analyst', 'timeline.hbs'), shipped('shared/partials/timeline.hbs'));
    const args = [
      'build',
      join(data, 'good-a.yaml'),
      '-f',
      'html',
      '--out',
      out,
      '--as-of',
      AS_OF,
      '--incremental',
      '--json',
      '--templates',
      templates,
    ];
    const run = () => (JSON.parse(bilat(args).stdout) as Summary).files[0]!.written.map((w) => w.split('/').at(-1));
    expect(run()).toEqual(['batch-a-executive.html', 'batch-a-analyst.html', 'batch-a-public.html']);
    expect(run()).toEqual([]);
    writeFileSync(
      join(templates, 'analyst', 'timeline.hbs'),
      `{{!-- analyst's own timeline --}}\n${shipped('shared/partials/timeline.hbs')}`,
    );
    expect(run()).toEqual(['batch-a-analyst.html']);
    writeFileSync(join(templates, 'shared', 'partials', 'title.hbs'), `{{!-- edited --}}\n${shipped('shared/partials/title.hbs')}`);
    expect(run()).toEqual(['batch-a-executive.html', 'batch-a-analyst.html', 'batch-a-public.html']);
  });

  it('takes folders and glob patterns, each file once', () => {
    const { data, out } = tmp();
    const dir = JSON.parse(
      bilat(['build', data, '-f', 'html', '-a', 'public', '--out', out, '--as-of', AS_OF, '--json']).stdout,
    ) as Summary;
    expect(dir.files.map((f) => f.data)).toEqual(['bad.yaml', 'good-a.yaml', 'good-b.yaml', 'good-c.yaml'].map((f) => join(data, f)));

    const glob = bilat(
      ['build', 'data/good-*.yaml', 'data/good-a.yaml', '-f', 'html', '-a', 'public', '--out', 'out', '--as-of', AS_OF, '--json'],
      join(data, '..'),
    );
    expect(glob.code).toBe(0);
    expect((JSON.parse(glob.stdout) as Summary).files.map((f) => f.data)).toEqual([
      'data/good-a.yaml',
      'data/good-b.yaml',
      'data/good-c.yaml',
    ]);

    const none = bilat(['build', join(data, 'nothing-*.yaml'), '--out', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no data file matches');

    mkdirSync(join(data, 'empty'));
    const empty = bilat(['build', join(data, 'empty'), '--out', out]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('holds no data files');
  });

  it('--concurrency 2 writes the same bytes as --concurrency 1', () => {
    const { data, out } = tmp();
    const args = (j: string, o: string) => [
      'build',
      join(data, 'good-*.yaml'),
      '-a',
      'executive,public',
      '--out',
      o,
      '--as-of',
      AS_OF,
      '-j',
      j,
      '--quiet',
    ];
    const r1 = bilat(args('1', `${out}-1`));
    expect(r1.code, r1.stderr).toBe(0);
    const r2 = bilat(args('2', `${out}-2`));
    expect(r2.code, r2.stderr).toBe(0);
    const one = outputs(`${out}-1`);
    const two = outputs(`${out}-2`);
    expect([...one.keys()]).toHaveLength(12);
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [name, bytes] of one) expect(two.get(name)!.equals(bytes), name).toBe(true);
  });

  // 24 MB (the lowest BILAT_WORKER_HEAP_MB takes) lets a worker start but not render: every
  // file overflows it and is built again on a worker of its own with a larger heap.
  it.each(['24'])('workers that run out of a %s MB heap: every file built again on a larger worker, with a warning, same bytes', (mb) => {
    const { data, out } = tmp();
    const args = (j: string, o: string) => [
      'build',
      join(data, 'good-*.yaml'),
      '-a',
      'executive',
      '-f',
      'pdf',
      '--out',
      o,
      '--as-of',
      AS_OF,
      '-j',
      j,
    ];
    expect(bilat(args('1', `${out}-1`)).code).toBe(0);
    const r = bilat(args('2', `${out}-2`), ROOT, { BILAT_WORKER_HEAP_MB: mb });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`ran out of its ${mb} MB heap`);
    expect(r.stderr).toMatch(/built on a worker of its own with a \d+ MB heap/);
    expect(r.stderr).toContain('BILAT_WORKER_HEAP_MB');
    const one = outputs(`${out}-1`);
    const two = outputs(`${out}-2`);
    expect(one.size).toBeGreaterThan(1);
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [name, bytes] of one) expect(two.get(name)!.equals(bytes), name).toBe(true);
  });

  it('a file too big even for the larger worker fails alone with a located error; the process lives on (exit 3)', () => {
    const { data, out } = tmp();
    const r = bilat(['build', join(data, 'good-*.yaml'), '-a', 'executive', '-f', 'pdf', '--out', out, '--as-of', AS_OF, '-j', '2'], ROOT, {
      BILAT_WORKER_HEAP_MB: '24',
      BILAT_LARGE_WORKER_HEAP_MB: '24',
    });
    expect(r.code, r.stderr).toBe(3);
    for (const f of ['good-a', 'good-b', 'good-c']) {
      expect(r.stderr).toMatch(new RegExp(`failed\\s+\\S*${f}\\.yaml\\s+E_RENDER`));
      expect(r.stderr).toContain(
        `${join(data, `${f}.yaml`)}  ran out of memory on a worker with a 24 MB heap and again on one of its own with 24 MB; nothing was written for it. Split the file, or allow more: BILAT_LARGE_WORKER_HEAP_MB=48`,
      );
    }
    expect(r.stderr).toMatch(/3 files: 0 briefs written .*3 failed/);
    expect(r.stderr).not.toMatch(/FATAL|heap out of memory|at .*\.js:\d+/);
    expect(existsSync(out) ? outputs(out).size : 0).toBe(0);
  });

  it('two files with one pair id: the later one is reported with the reason, each output listed once (exit 1)', () => {
    const { data, out } = tmp();
    writeFileSync(join(data, 'good-z.yaml'), readFileSync(join(data, 'good-a.yaml')));
    const r = bilat([
      'build',
      join(data, 'good-a.yaml'),
      join(data, 'good-z.yaml'),
      '-a',
      'public',
      '-f',
      'html',
      '--out',
      out,
      '--as-of',
      AS_OF,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`good-z\\.yaml:\\d+:\\d+  error  pair\\.id  pair id "batch-a" is also used by \\S*good-a\\.yaml`));
    expect(r.stdout.trim().split('\n')).toEqual([join(out, 'batch-a-public.html')]);
    expect(r.stderr).toMatch(/2 files: 1 brief written .* 1 failed/);
  });

  it('an output path that is a file: exit 3 naming it, not a temp file', () => {
    const { dir, data } = tmp();
    writeFileSync(join(dir, 'afile'), 'x');
    const r = bilat([
      'build',
      join(data, 'good-a.yaml'),
      '-a',
      'public',
      '-f',
      'html',
      '--out',
      join(dir, 'afile', 'out'),
      '--as-of',
      AS_OF,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`cannot write output: ENOTDIR: ${join(dir, 'afile')} is a file, not a folder`);
  });

  it('--incremental: the same template folder written another way is the same input', () => {
    const { dir, data, out } = tmp();
    mkdirSync(join(dir, 'tpl', 'shared', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'tpl', 'shared', 'partials', 'sources.hbs'), '<section id="sources"><h2>Sources</h2></section>\n');
    const args = (t: string) => [
      'build',
      join(data, 'good-a.yaml'),
      '-a',
      'public',
      '-f',
      'html',
      '--out',
      out,
      '--as-of',
      AS_OF,
      '--incremental',
      '--templates',
      t,
    ];
    expect(bilat(args('tpl'), dir).code).toBe(0);
    const again = bilat(args(join(dir, 'tpl/')), ROOT);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 briefs written .* 1 up to date/);
  });

  it('--incremental: a copy with the pair id of a file skipped as up to date is still caught (exit 1)', () => {
    const { data, out } = tmp();
    const args = ['build', data, '-a', 'public', '-f', 'html', '--out', out, '--as-of', AS_OF, '--incremental'];
    rmSync(join(data, 'bad.yaml'));
    expect(bilat(args).code).toBe(0);
    writeFileSync(join(data, 'good-z.yaml'), readFileSync(join(data, 'good-a.yaml')));
    const r = bilat(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/good-z\.yaml:\d+:\d+  error  pair\.id  pair id "batch-a" is also used by \S*good-a\.yaml/);
  });

  // Node's recursive mkdir spins for ever there; bilat makes one level at a time.
  it.skipIf(!existsSync('/proc/self'))('an output folder that cannot be made under /proc: exit 3 with the reason, no hang', () => {
    const { data } = tmp();
    const r = bilat(['build', join(data, 'good-a.yaml'), '-a', 'public', '-f', 'html', '--out', '/proc/bilat-nope/out', '--as-of', AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("cannot write output: ENOENT: no such file or directory, mkdir '/proc/bilat-nope'");
  });

  it('a broken template fails the whole build before any file is read (exit 3)', () => {
    const { dir, data, out } = tmp();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'shared', 'partials'), { recursive: true });
    writeFileSync(join(templates, 'shared', 'partials', 'title.hbs'), '<h1>{{#if}}</h1>\n');
    const r = bilat(['build', data, '--templates', templates, '--out', out, '--as-of', AS_OF, '-j', '2']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('title.hbs');
    expect(existsSync(out)).toBe(false);
  });

  it('--quiet prints problems only', () => {
    const { data, out } = tmp();
    const r = bilat(['build', data, '-f', 'html', '-a', 'executive', '--out', out, '--as-of', AS_OF, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('[1/4]');
    expect(r.stderr).toContain('bad.yaml:21:5  error');
    expect(statSync(join(out, 'batch-a-executive.html')).isFile()).toBe(true);
  });
});
