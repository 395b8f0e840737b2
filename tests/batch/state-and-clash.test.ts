/**
 * Issue 9, defect 12: a damaged manifest is said out loud (and survived), and two files with
 * one pair id are caught before the later one overwrites anything of the earlier one.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDistFresh } from '../helpers/cli.js';
import { AS_OF, bilat, outputs, scratchPerTest } from './helpers.js';

beforeAll(ensureDistFresh);
const tmp = scratchPerTest();

describe('a damaged incremental manifest', { timeout: 180_000 }, () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{ not json', /incremental-build manifest is damaged \(not JSON: [^)]+\); recovered: rebuilding every brief/],
    [
      'an entry of the wrong shape',
      '{"version":1,"briefs":{"batch-a-public.html":null}}',
      /incremental-build manifest is damaged \(.+ at briefs\.batch-a-public\.html\); recovered: rebuilding every brief/,
    ],
    [
      'another version',
      '{"version":99,"briefs":{}}',
      /incremental-build manifest is written by another version of bilat; recovered: rebuilding every brief/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`${what}: a warning naming the file, a full rebuild, a good manifest after (exit 0)`, () => {
      const { data, out } = tmp();
      const manifest = join(out, '.bilat', 'manifest.json');
      mkdirSync(join(out, '.bilat'), { recursive: true });
      writeFileSync(manifest, text);
      const r = bilat(['build', join(data, 'good-a.yaml'), '-a', 'public', '-f', 'html', '--out', out, '--as-of', AS_OF, '--incremental']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`${manifest}  warning  (file)  `);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/1 brief written/);
      expect(Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).briefs)).toEqual(['batch-a-public.html']);
      // Rewritten, so the next build is quiet and skips it.
      const again = bilat([
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
      ]);
      expect(again.stderr).not.toContain('warning');
      expect(again.stderr).toMatch(/0 briefs written .* 1 up to date/);
    });
  }

  it('--json carries the warning in "problems"', () => {
    const { data, out } = tmp();
    mkdirSync(join(out, '.bilat'), { recursive: true });
    writeFileSync(join(out, '.bilat', 'manifest.json'), '[]');
    const r = bilat([
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
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { problems?: { severity: string; file: string; message: string }[] };
    expect(s.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: join(out, '.bilat', 'manifest.json'),
        message: expect.stringMatching(/damaged .*rebuilding every brief/),
      }),
    ]);
  });
});

describe('two files with one pair id', { timeout: 180_000 }, () => {
  // The later file is larger, so with -j 2 it is handed out first and usually finishes first.
  for (const j of ['1', '2']) {
    it(`-j ${j}: the later file fails naming the earlier one, and the earlier file's briefs stay its own`, () => {
      const { data, out, dir } = tmp();
      const alone = join(dir, 'alone');
      const args = (o: string, ...files: string[]) => [
        'build',
        ...files,
        '-a',
        'public',
        '-f',
        'html',
        '--out',
        o,
        '--as-of',
        AS_OF,
        '-j',
        j,
      ];
      expect(bilat(args(alone, join(data, 'good-a.yaml'))).code).toBe(0);
      const copy = readFileSync(join(data, 'good-a.yaml'), 'utf8').replace('title: Albania – Armenia', 'title: Impostor – Copy');
      writeFileSync(join(data, 'good-z.yaml'), `${copy}\n${'# padding\n'.repeat(2000)}`);
      const r = bilat(args(out, join(data, 'good-a.yaml'), join(data, 'good-z.yaml')));
      // The earlier file's brief, byte for byte (before the fix the copy overwrote it, then was reported).
      expect(outputs(out)).toEqual(outputs(alone));
      expect(readFileSync(join(out, 'batch-a-public.html'), 'utf8')).not.toContain('Impostor');
      expect(r.stderr).toMatch(
        /good-z\.yaml:4:7  error  pair\.id  pair id "batch-a" is also used by \S*good-a\.yaml; both would write the same briefs, so nothing was written for this file/,
      );
      expect(r.code, r.stderr).toBe(1);
      expect(readdirSync(out).filter((f) => f.includes('bilat-tmp'))).toEqual([]);
      expect(r.stdout.trim().split('\n')).toEqual([join(out, 'batch-a-public.html')]);
      expect(r.stderr).toMatch(/2 files: 1 brief written .* 1 failed/);
    });
  }

  it('the earlier file failing leaves the way free: the later one is built', () => {
    const { data, out } = tmp();
    writeFileSync(join(data, 'good-z.yaml'), readFileSync(join(data, 'good-a.yaml')));
    writeFileSync(
      join(data, 'good-a.yaml'),
      readFileSync(join(data, 'good-a.yaml'), 'utf8').replace('schemaVersion: 1', 'schemaVersion: 1\nbogus: 1'),
    );
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
    expect(r.stderr).not.toContain('is also used by');
    expect(existsSync(join(out, 'batch-a-public.html'))).toBe(true);
  });
});
