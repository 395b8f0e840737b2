// buildBriefs({ signal }): stop between files on this thread, or terminate the worker pool.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs } from '../../src/batch/build-briefs.js';
import { AS_OF, scratchPerTest } from './helpers.js';

const tmp = scratchPerTest();
const FILES = ['good-a.yaml', 'good-b.yaml', 'good-c.yaml'];

/** The three files as executive HTML, aborted as soon as the first file starts. */
function abortedAtFirstStart(data: string, out: string, concurrency: number) {
  const abort = new AbortController();
  return buildBriefs({
    data: FILES.map((f) => join(data, f)),
    formats: ['html'],
    audiences: ['executive'],
    out,
    asOf: AS_OF,
    concurrency,
    signal: abort.signal,
    onProgress: (e) => e.type === 'start' && abort.abort(),
  });
}

describe('buildBriefs with an AbortSignal', () => {
  it('on this thread (-j 1): the file being built finishes, no further one starts, the rest is reported', async () => {
    const { data, out } = tmp();
    const r = await abortedAtFirstStart(data, out, 1); // aborts while the first file renders
    expect(r.aborted).toBe(true);
    expect(r.results.map((x) => [x.data, x.status])).toEqual([[join(data, 'good-a.yaml'), 'ok']]);
    expect(r.notBuilt).toEqual([join(data, 'good-b.yaml'), join(data, 'good-c.yaml')]);
    expect(existsSync(join(out, 'batch-a-executive.html'))).toBe(true);
    expect(existsSync(join(out, 'batch-b-executive.html'))).toBe(false);
  });

  it('on the worker pool: stops dispatching, terminates the workers, resolves with what was not built', async () => {
    const { data, out } = tmp();
    const r = await abortedAtFirstStart(data, out, 2);
    expect(r.aborted).toBe(true);
    // The first file(s) were on workers when they were terminated: none was finished or rebuilt here.
    expect(r.results).toEqual([]);
    expect(r.notBuilt).toEqual(FILES.map((f) => join(data, f)));
    expect(existsSync(join(out, 'batch-c-executive.html'))).toBe(false);
  });

  it('an aborted signal builds nothing; without a signal the result is as before (no aborted, no notBuilt)', async () => {
    const { data, out } = tmp();
    const r = await buildBriefs({
      data: [join(data, 'good-a.yaml')],
      formats: ['html'],
      audiences: ['public'],
      out,
      asOf: AS_OF,
      signal: AbortSignal.abort(),
    });
    expect(r).toMatchObject({ aborted: true, notBuilt: [join(data, 'good-a.yaml')], files: [] });
    const plain = await buildBriefs({ data: [join(data, 'good-a.yaml')], formats: ['html'], audiences: ['public'], out, asOf: AS_OF });
    expect(plain.files).toEqual([join(out, 'batch-a-public.html')]);
    expect(plain).not.toHaveProperty('aborted');
    expect(plain).not.toHaveProperty('notBuilt');
  });
});
