import { describe, expect, it } from 'vitest';
import { BilatError } from '../../src/errors.js';
import { migrateV1Text } from '../../src/migrate/migrate-v1.js';

describe('migrateV1Text', () => {
  it('keeps a comment after the version, a $schema key, quoting and folded text byte for byte', () => {
    const text = [
      '$schema: "../schema/bilateral.schema.json"',
      'schemaVersion: 1   # bumped by hand once',
      'pair:',
      '  title: >',
      '    A folded title that',
      '    spans two lines',
      '',
    ].join('\n');
    const { text: out } = migrateV1Text('x.yaml', text);
    expect(out).toBe(text.replace('bilateral.schema.json', 'bilateral.v2.schema.json').replace('schemaVersion: 1 ', 'schemaVersion: 2 '));
  });

  it('rewrites JSON as JSON with its indentation', () => {
    const text = '{\n    "$schema": "bilateral.schema.json",\n    "schemaVersion": 1,\n    "pair": {}\n}\n';
    expect(migrateV1Text('x.json', text).text).toBe(
      '{\n    "$schema": "bilateral.v2.schema.json",\n    "schemaVersion": 2,\n    "pair": {}\n}\n',
    );
  });

  it('a YAML syntax error is located', () => {
    try {
      migrateV1Text('x.yaml', 'schemaVersion: 1\npair: [\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BilatError);
      expect((e as BilatError).code).toBe('E_DATA_PARSE');
      expect((e as BilatError).line).toBeGreaterThan(0);
    }
  });

  it('a file without schemaVersion is refused with the reason', () => {
    expect(() => migrateV1Text('x.yaml', 'pair: {}\n')).toThrow(/cannot migrate schemaVersion null/);
  });
});
