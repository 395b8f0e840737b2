import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, bilat } from './validate-run.js';

const COMMITTED = readFileSync(`${ROOT}schema/bilateral.schema.json`, 'utf8');
const COMMITTED_V2 = readFileSync(`${ROOT}schema/bilateral.v2.schema.json`, 'utf8');

beforeAll(assertBuilt);

describe('bilat schema', () => {
  it('prints the committed JSON Schema (stale file or stale build: `npm run build && npm run schema:write`)', () => {
    const r = bilat(['schema']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(COMMITTED);
  });

  it('prints a draft 2020-12 schema that forbids unknown top-level keys', () => {
    const schema = JSON.parse(bilat(['schema']).stdout) as { $schema: string; additionalProperties: boolean; title: string };
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      additionalProperties: false,
      title: 'bilat relationship',
    });
  });

  it('--write <file> writes the same text and prints the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bilat-schema-'));
    try {
      const out = join(dir, 'schema.json');
      const r = bilat(['schema', '--write', out]);
      expect(r).toMatchObject({ code: 0, stdout: `${out}\n` });
      expect(readFileSync(out, 'utf8')).toBe(COMMITTED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--schema-version 2 prints the committed version 2 schema (stale: `npm run build && npm run schema:write`)', () => {
    const r = bilat(['schema', '--schema-version', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(COMMITTED_V2);
    const schema = JSON.parse(r.stdout) as { title: string; additionalProperties: boolean; properties: Record<string, { const?: number }> };
    expect(schema).toMatchObject({ title: 'bilat relationship (version 2)', additionalProperties: false });
    expect(schema.properties.schemaVersion).toMatchObject({ const: 2 });
    // The v2 lists an editor should offer.
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['status', 'mechanisms', 'indicators', 'quotes']));
  });
});
