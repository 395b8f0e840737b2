// buildBriefs as a library call (what the scheduler uses): in this thread, HTML only for speed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, splitPattern } from '../../src/batch/inputs.js';
import { ManifestIndex, manifestPath, readManifest } from '../../src/batch/manifest.js';
import { BilatError } from '../../src/errors.js';
import { buildBriefs } from '../../src/batch/build-briefs.js';
import { resolveBuildOptions } from '../../src/pipeline.js';
import { AS_OF, scratchPerTest } from './helpers.js';

const tmp = scratchPerTest();

describe('buildBriefs', () => {
  it('stops at the first bad file by default, as before: earlier files written, later ones not', async () => {
    const { data, out } = tmp();
    const files = ['good-a.yaml', 'bad.yaml', 'good-b.yaml'].map((f) => join(data, f));
    const err = await buildBriefs({ data: files, formats: ['html'], audiences: ['executive'], out, asOf: AS_OF }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BilatError);
    expect((err as BilatError).code).toBe('E_DATA_INVALID');
    expect((err as BilatError).exitCode).toBe(1);
    expect((err as BilatError).diagnostics?.map((d) => d.line)).toEqual([21, 22]);
    expect(existsSync(join(out, 'batch-a-executive.html'))).toBe(true);
    expect(existsSync(join(out, 'batch-b-executive.html'))).toBe(false);
  });

  it('with keepGoing, reports every file in input order and writes the good ones', async () => {
    const { data, out } = tmp();
    const events: string[] = [];
    const r = await buildBriefs({
      data: [join(data, 'good-a.yaml'), join(data, 'bad.yaml'), join(data, 'good-b.yaml')],
      formats: ['html'],
      audiences: ['public'],
      out,
      asOf: AS_OF,
      keepGoing: true,
      onProgress: (e) => events.push(`${e.type} ${e.done}/${e.total}`),
    });
    expect(r.results.map((x) => x.status)).toEqual(['ok', 'failed', 'ok']);
    expect(r.files).toEqual([join(out, 'batch-a-public.html'), join(out, 'batch-b-public.html')]);
    expect(r.results[1]!.error).toMatchObject({ code: 'E_DATA_INVALID', exitCode: 1 });
    expect(events).toEqual(['start 0/3', 'done 1/3', 'start 1/3', 'done 2/3', 'start 2/3', 'done 3/3']);
  });

  it('resolves options once, with defaults, and refuses a bad concurrency', () => {
    const o = resolveBuildOptions({ data: [], audiences: ['executive'] });
    expect(o).toMatchObject({
      formats: ['html', 'pdf'],
      out: 'output',
      locale: 'en-GB',
      pageSize: 'A4',
      concurrency: 1,
      incremental: false,
      keepGoing: false,
      expand: false,
    });
    expect(Object.isFrozen(o)).toBe(true);
    expect(() => resolveBuildOptions({ data: [], concurrency: 0 })).toThrow(/concurrency/);
  });
});

describe('expandInputs', () => {
  it('expands folders and patterns, sorted, each file once; plain paths are kept as given', async () => {
    const { data } = tmp();
    writeFileSync(join(data, 'bilateral.schema.json'), '{}');
    writeFileSync(join(data, 'notes.txt'), '');
    expect(await expandInputs([data, join(data, 'good-a.yaml')])).toEqual(
      ['bad.yaml', 'good-a.yaml', 'good-b.yaml', 'good-c.yaml'].map((f) => join(data, f)),
    );
    expect(await expandInputs(['data/good-{b,c}.yaml', 'missing.yaml'], join(data, '..'))).toEqual([
      'data/good-b.yaml',
      'data/good-c.yaml',
      'missing.yaml',
    ]);
  });

  it('absolute, recursive and ".." patterns keep the form they were given in', async () => {
    const { data } = tmp();
    mkdirSync(join(data, '2026', 'q4'), { recursive: true });
    writeFileSync(join(data, '2026', 'q4', 'late.yaml'), '');
    expect(await expandInputs([join(data, 'good-[ab].yaml')])).toEqual([join(data, 'good-a.yaml'), join(data, 'good-b.yaml')]);
    expect(await expandInputs([`${data}/**/late.yaml`])).toEqual([join(data, '2026/q4/late.yaml')]);
    expect(await expandInputs(['../good-c.*'], join(data, '2026'))).toEqual(['../good-c.yaml']);
  });

  // The crawl starts at the base: an absolute pattern must not list "/" and every folder on the way.
  it('splits a pattern into the folders it names outright and the part to match', () => {
    expect(splitPattern('/tmp/x/data/*.yaml')).toEqual({ base: '/tmp/x/data', rest: '*.yaml' });
    expect(splitPattern('data/{a/b,c}/*.yaml')).toEqual({ base: 'data', rest: '{a/b,c}/*.yaml' });
    expect(splitPattern('**/*.yaml')).toEqual({ base: '.', rest: '**/*.yaml' });
    expect(splitPattern('/*.yaml')).toEqual({ base: '/', rest: '*.yaml' });
    expect(splitPattern('data/\\[draft\\]/*.yaml')).toEqual({ base: 'data', rest: '\\[draft\\]/*.yaml' });
    expect(splitPattern('data/(sub|other)/*.yaml')).toEqual({ base: 'data', rest: '(sub|other)/*.yaml' });
    expect(splitPattern('data/reports (2026)/*.yaml')).toEqual({ base: 'data', rest: 'reports (2026)/*.yaml' });
  });

  it('refuses a folder or a pattern that yields nothing', async () => {
    const { data } = tmp();
    mkdirSync(join(data, 'empty'));
    await expect(expandInputs([join(data, 'empty')])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(expandInputs([join(data, '*.json')])).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

describe('the incremental manifest', () => {
  it('records each brief under its output path and finds it again only while the file is unchanged', async () => {
    const { data, out } = tmp();
    const file = join(data, 'good-c.yaml');
    await buildBriefs({ data: [file], formats: ['html'], audiences: ['executive'], out, asOf: AS_OF, incremental: true });
    const m = readManifest(out);
    expect(Object.keys(m.briefs)).toEqual(['batch-c-executive.html']);
    const entry = m.briefs['batch-c-executive.html']!;
    expect(entry).toMatchObject({ data: file, audience: 'executive', format: 'html' });
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    const index = new ManifestIndex(out, m);
    expect(index.upToDate(file, 'executive', 'html', entry.input)).toBe(join(out, 'batch-c-executive.html'));
    expect(index.upToDate(file, 'executive', 'html', 'another input')).toBeUndefined();
    expect(index.upToDate(file, 'executive', 'pdf', entry.input)).toBeUndefined();
    writeFileSync(
      join(out, 'batch-c-executive.html'),
      readFileSync(join(out, 'batch-c-executive.html'), 'utf8').replace('<html', '<html '),
    );
    expect(index.upToDate(file, 'executive', 'html', entry.input)).toBeUndefined();
  });

  it('a damaged manifest means a full build, not a failure', async () => {
    const { data, out } = tmp();
    mkdirSync(join(out, '.bilat'), { recursive: true });
    writeFileSync(manifestPath(out), '{ not json');
    const r = await buildBriefs({
      data: [join(data, 'good-a.yaml')],
      formats: ['html'],
      audiences: ['public'],
      out,
      asOf: AS_OF,
      incremental: true,
    });
    expect(r.files).toHaveLength(1);
    expect(Object.keys(readManifest(out).briefs)).toEqual(['batch-a-public.html']);
  });
});
