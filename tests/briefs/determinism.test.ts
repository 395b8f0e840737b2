/**
 * Same input + same --as-of → byte-identical HTML and PDF, whatever the clock, time zone or
 * locale of the machine that builds them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, buildOnce, listDir, PAIRS, removeDir, runCli, tempDir } from '../helpers/cli.js';

let first = '';
let again = '';
beforeAll(async () => {
  first = await buildOnce();
  again = tempDir('again');
  // A second build, later, in a time zone 14 hours ahead of UTC and another locale.
  const r = runCli(['build', ...PAIRS.map((p) => p.file), '--as-of', AS_OF, '--out', again], {
    TZ: 'Pacific/Kiritimati',
    LANG: 'de_DE.UTF-8',
    LC_ALL: 'de_DE.UTF-8',
  });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => removeDir(again));

describe('two builds of the same input and as-of date', () => {
  it('write the same files', () => {
    expect(listDir(again)).toEqual(listDir(first));
    expect(listDir(first)).toHaveLength(PAIRS.length * 3 * 2);
  });

  it('are byte-identical, HTML and PDF', () => {
    const differing = listDir(first).filter((f) => !readFileSync(`${first}/${f}`).equals(readFileSync(`${again}/${f}`)));
    expect(differing).toEqual([]);
  });
});
