import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, FIXTURES, STACK_LINE, assertBuilt, bilat, scrub } from './validate-run.js';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'bilat-cli-validate-'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('schemaVersion: 1\nname: caf\xe9\n', 'latin1'));
  writeFileSync(join(dir, 'huge.yaml'), '');
  truncateSync(join(dir, 'huge.yaml'), 10 * 1024 * 1024 + 1); // sparse, generated here: never committed
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Validate one input; insist on exit 1, a single located line, the summary, and no stack. */
function rejects(file: string): string {
  const r = bilat(['validate', file, '--as-of', AS_OF]);
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stdout).not.toMatch(STACK_LINE);
  const out = r.stdout.trimEnd().split('\n');
  expect(out).toHaveLength(2);
  expect(out[1]).toBe(`✖ 1 file checked (as of ${AS_OF}): 1 error, 0 warnings`);
  return scrub(out[0]!, { [dir]: '<tmp>' });
}

describe('bad input: one clear located message, exit 1, no stack trace', () => {
  it('malformed YAML', () => {
    expect(rejects(`${FIXTURES}/malformed.yaml`)).toMatchInlineSnapshot(
      `"tests/fixtures/validate/malformed.yaml:5:5  error  (file)  syntax error: Block collections are not allowed within flow collections"`,
    );
  });

  it('malformed JSON', () => {
    expect(rejects(`${FIXTURES}/malformed.json`)).toMatchInlineSnapshot(
      `"tests/fixtures/validate/malformed.json:5:5  error  (file)  JSON syntax error: Expected ',' or '}' after property value"`,
    );
  });

  it('an empty file', () => {
    expect(rejects(`${FIXTURES}/empty.yaml`)).toMatchInlineSnapshot(
      `"tests/fixtures/validate/empty.yaml:1:1  error  (file)  data file is empty (it needs at least the top-level keys)"`,
    );
  });

  it('a missing file', () => {
    expect(rejects(`${FIXTURES}/does-not-exist.yaml`)).toMatchInlineSnapshot(
      `"tests/fixtures/validate/does-not-exist.yaml  error  (file)  data file not found (check the path)"`,
    );
  });

  it('a folder is read as build reads it: every data file in it, and one with none is a usage error (exit 2)', () => {
    const empty = bilat(['validate', join(dir, 'folder')]);
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([
      2,
      `bilat: folder "${join(dir, 'folder')}" holds no data files (*.yaml, *.yml or *.json)`,
    ]);
    const batch = bilat(['validate', 'tests/fixtures/batch', '--as-of', AS_OF]);
    expect(batch.code).toBe(1);
    expect(batch.stdout.trimEnd().split('\n').at(-1)).toBe(`✖ 4 files checked (as of ${AS_OF}): 2 errors, 0 warnings`);
  });

  it('a binary file', () => {
    expect(rejects(join(dir, 'image.yaml'))).toMatchInlineSnapshot(
      `"<tmp>/image.yaml:3:1  error  (file)  looks like a binary file (NUL byte); expected YAML or JSON text"`,
    );
  });

  it('a file that is not UTF-8', () => {
    expect(rejects(join(dir, 'latin1.yaml'))).toMatchInlineSnapshot(
      `"<tmp>/latin1.yaml:2:10  error  (file)  is not valid UTF-8 text: the character at this place is in another encoding (Windows-1252 or Latin-1, most likely; save it as UTF-8)"`,
    );
  });

  it('a file over 10 MB', () => {
    expect(rejects(join(dir, 'huge.yaml'))).toMatchInlineSnapshot(
      `"<tmp>/huge.yaml  error  (file)  data file is 10,485,761 bytes; the limit is 10 MB, 10,485,760 bytes (split the relationship or move series to CSV)"`,
    );
  });

  it('wrong types and unknown keys: one line each, all of them, exit 1', () => {
    for (const name of ['wrong-types.yaml', 'unknown-keys.yaml']) {
      const r = bilat(['validate', `${FIXTURES}/${name}`, '--as-of', AS_OF]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const problems = r.stdout.split('\n').filter((l) => l.includes('  error  '));
      expect(problems.length).toBeGreaterThan(1);
      for (const l of problems) expect(l).toMatch(new RegExp(`^${FIXTURES}/${name.replace('.', '\\.')}:\\d+:\\d+  error  \\S+  `));
    }
  });
});

describe('usage errors: exit 2, a message on stderr, nothing on stdout', () => {
  it.each([
    ['no file', ['validate']],
    ['a bad --as-of', ['validate', 'data/az-kg.yaml', '--as-of', '2021-02-30']],
    ['an --as-of that is not a date', ['validate', 'data/az-kg.yaml', '--as-of', 'yesterday']],
    ['an unknown option', ['validate', 'data/az-kg.yaml', '--strcit']],
  ])('%s', (_what, args) => {
    const r = bilat(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bilat: /);
    expect(r.stderr).toContain('Run "bilat --help" for usage.');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('says what was wrong with --as-of', () => {
    expect(bilat(['validate', 'data/az-kg.yaml', '--as-of', '2021-02-30']).stderr).toMatchInlineSnapshot(`
      "bilat: --as-of "2021-02-30" is not a valid date (use YYYY-MM-DD)
      Run "bilat --help" for usage.
      "
    `);
  });

  it('--debug adds the stack trace', () => {
    const r = bilat(['validate', 'data/az-kg.yaml', '--as-of', 'yesterday', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(STACK_LINE);
  });

  it('bilat alone lists the commands on stderr and exits 2; --version prints the version', () => {
    const r = bilat([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const c of ['bilat build <data..>', 'bilat validate <files..>', 'bilat jobs']) expect(r.stderr).toContain(c);
    const v = bilat(['--version']);
    expect([v.code, v.stdout.trim()]).toEqual([0, JSON.parse(readFileSync('package.json', 'utf8')).version]);
  });

  it('--help shows the options with an example and exits 0', () => {
    const r = bilat(['validate', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--strict', '--json', '--as-of']) expect(r.stdout).toContain(opt);
    expect(r.stdout).toContain('bilat validate data/az-kg.yaml');
  });
});
