/**
 * `bilat migrate`: a v1 file rewritten as v2 keeps every byte but the version and the schema
 * reference, validates as v2, and builds the same briefs as the v1 file (round trip of az-kg).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPair, resolveBuildOptions } from '../../src/pipeline.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { validateFile } from '../../src/validate/validate.js';
import type { RelationshipData } from '../../src/schema/v2/normalize.js';
import { AUDIENCES } from '../helpers/cli.js';
import { ROOT, AS_OF, assertBuilt, bilat } from './validate-run.js';

const V1 = 'data/az-kg.yaml';
let dir: string;
let migrated: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'bilat-migrate-'));
  // Beside the schema folder's relative path: data/ → ../schema/ must still resolve.
  migrated = join(ROOT, 'data', `.az-kg.v2.test-${process.pid}.yaml`);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(migrated, { force: true });
});

describe('bilat migrate', () => {
  it('prints the v2 file: only schemaVersion and the editor schema line change', () => {
    const r = bilat(['migrate', V1]);
    expect(r.code).toBe(0);
    const before = readFileSync(join(ROOT, V1), 'utf8').split('\n');
    const after = `${r.stdout}`.split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(changed).toEqual([
      [
        '# yaml-language-server: $schema=../schema/bilateral.schema.json',
        '# yaml-language-server: $schema=../schema/bilateral.v2.schema.json',
      ],
      ['schemaVersion: 1', 'schemaVersion: 2'],
    ]);
    // What v2 could say better is advice on stderr, never a silent change.
    expect(r.stderr).toMatch(/organizations\[\d+\] \(joint-commission\) is a bilateral body: version 2 lists those under mechanisms/);
  });

  it('--out writes the file (atomically, through src/write) and it validates as version 2 with the v1 diagnostics', () => {
    const out = join(dir, 'az-kg.v2.yaml');
    const r = bilat(['migrate', V1, '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8')).toBe(bilat(['migrate', V1]).stdout);
    const v1 = validateFile(join(ROOT, V1), AS_OF);
    const v2 = validateFile(out, AS_OF);
    expect((v2.data as RelationshipData).v2?.schemaVersion).toBe(2);
    const brief = (d: { rule: string; severity: string; path: string; line: number; message: string }) => [
      d.rule,
      d.severity,
      d.path,
      d.line,
      d.message,
    ];
    expect(v2.diagnostics.map(brief)).toEqual(v1.diagnostics.map(brief));
  });

  it('--write replaces the file in place', () => {
    const copy = join(dir, 'copy.yaml');
    writeFileSync(copy, readFileSync(join(ROOT, V1)));
    expect(bilat(['migrate', copy, '--write']).code).toBe(0);
    expect(readFileSync(copy, 'utf8')).toMatch(/^schemaVersion: 2$/m);
  });

  it('refuses a v2 file (usage, exit 2) and a file of another version (invalid data, exit 1, located)', () => {
    const v2 = join(dir, 'v2.yaml');
    writeFileSync(v2, readFileSync(join(ROOT, V1), 'utf8').replace('schemaVersion: 1', 'schemaVersion: 2'));
    const again = bilat(['migrate', v2]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already schemaVersion 2');
    const v7 = join(dir, 'v7.yaml');
    writeFileSync(v7, readFileSync(join(ROOT, V1), 'utf8').replace('schemaVersion: 1', 'schemaVersion: 7'));
    const other = bilat(['migrate', v7]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`${v7}:7`);
    expect(other.stderr).toContain('cannot migrate schemaVersion 7');
  });

  it('round trip: the migrated az-kg builds HTML briefs byte-identical to the v1 file', async () => {
    writeFileSync(migrated, bilat(['migrate', V1]).stdout);
    const html = async (file: string) => {
      const result = validateFile(file, AS_OF);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const opts = resolveBuildOptions({ data: [file], asOf: AS_OF, audiences: [...AUDIENCES], formats: ['html'] });
      const briefs = await renderPair(
        result.data!,
        opts.audiences.map((id) => compileAudience(resolveAudience(id))),
        opts,
      );
      return briefs.map((b) => [b.audience, b.bytes]);
    };
    const before = await html(join(ROOT, V1));
    const after = await html(migrated);
    expect(before).toHaveLength(AUDIENCES.length);
    expect(after).toEqual(before);
  });
});
