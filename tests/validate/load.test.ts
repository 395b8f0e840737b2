import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseText } from '../../src/data/load-document.js';
import { MAX_INPUT_BYTES, readTextInput } from '../../src/data/read-file.js';
import { BilatError } from '../../src/errors.js';
import { validateFile } from '../../src/validate/validate.js';
import { AS_OF, BASE, positionOf, replaceOnce } from './helpers.js';

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bilat-validate-load-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Run validateFile and insist on exactly one load diagnostic; return it. */
function oneLoadError(path: string) {
  const { diagnostics } = validateFile(path, AS_OF);
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  expect(d).toMatchObject({ severity: 'error', rule: 'load', file: path, path: '' });
  return d!;
}

describe('unusable files: one clear diagnostic each, never a throw', () => {
  it('a missing file', () => {
    const p = join(dir, 'nope.yaml');
    expect(oneLoadError(p)).toMatchObject({ code: 'E_FILE_MISSING', line: 0, column: 0, message: 'data file not found (check the path)' });
  });

  it('a directory', () => {
    const p = join(dir, 'folder.yaml');
    mkdirSync(p);
    const d = oneLoadError(p);
    expect(d).toMatchObject({ code: 'E_FILE_DIRECTORY', line: 0 });
    expect(d.message).toMatch(/^is a directory, not a data file/);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n\n\t\n'],
    ['comments only', '# nothing here\n  # still nothing\n'],
    ['a BOM only', '\uFEFF'],
  ])('an empty file (%s)', (_what, content) => {
    expect(oneLoadError(file(`empty-${_what.replace(/\W/g, '')}.yaml`, content))).toMatchObject({
      code: 'E_FILE_EMPTY',
      line: 1,
      column: 1,
    });
  });

  it('a binary file, located at the first NUL byte', () => {
    const d = oneLoadError(file('bin.yaml', Buffer.from('schemaVersion: 1\npa\0ir:\n')));
    expect(d).toMatchObject({ code: 'E_FILE_BINARY', line: 2, column: 3 });
    expect(d.message).toMatch(/binary file/);
  });

  it('a PNG renamed to .yaml', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(oneLoadError(file('image.yaml', png)).code).toBe('E_FILE_BINARY');
  });

  it('text that is not UTF-8', () => {
    const d = oneLoadError(file('latin1.yaml', Buffer.from('schemaVersion: 1\nname: caf\xe9\n', 'latin1')));
    // Located at the first character in another encoding: "é" after "name: caf".
    expect(d).toMatchObject({ code: 'E_FILE_BINARY', line: 2, column: 10, message: expect.stringContaining('is not valid UTF-8 text') });
    expect(d.message).toContain('Windows-1252 or Latin-1');
  });

  it('UTF-16 text (with its byte order mark)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('schemaVersion: 1\n', 'utf16le')]);
    expect(oneLoadError(file('utf16.yaml', utf16))).toMatchObject({
      code: 'E_FILE_BINARY',
      message: expect.stringContaining('is UTF-16 text'),
    });
  });

  it('a file over 10 MB, without reading it', () => {
    const p = join(dir, 'huge.yaml');
    writeFileSync(p, '');
    truncateSync(p, MAX_INPUT_BYTES + 1); // sparse: cheap to make, full of NULs if it were read
    const d = oneLoadError(p);
    expect(d.code).toBe('E_FILE_TOO_LARGE');
    expect(d.message).toBe(
      'data file is 10,485,761 bytes; the limit is 10 MB, 10,485,760 bytes (split the relationship or move series to CSV)',
    );
  });

  it('exactly 10 MB is still read', () => {
    const p = file('limit.yaml', Buffer.alloc(MAX_INPUT_BYTES, 0x20));
    expect(oneLoadError(p).code).toBe('E_FILE_EMPTY'); // read, then found to be blank
  });

  it('malformed YAML, at the offending key', () => {
    const text = replaceOnce(BASE, '    publisher: Agency\n', '    publisher: Agency\n    title: Again\n');
    const d = oneLoadError(file('dup.yaml', text));
    expect(d).toMatchObject({
      code: 'E_DATA_PARSE',
      message: 'syntax error: Map keys must be unique',
      ...positionOf(text, 'title: Again'),
    });
  });

  it('YAML indented with a tab', () => {
    const text = 'schemaVersion: 1\npair:\n\tid: aa\n';
    expect(oneLoadError(file('tab.yaml', text))).toMatchObject({
      code: 'E_DATA_PARSE',
      line: 3,
      column: 1,
      message: 'syntax error: Tabs are not allowed as indentation',
    });
  });

  it('malformed JSON, at the stray token', () => {
    const json = JSON.stringify(parse(BASE), null, 2);
    const text = replaceOnce(json, '"schemaVersion": 1,', '"schemaVersion": 1,,');
    const d = oneLoadError(file('bad.json', text));
    const at = positionOf(text, ',,');
    expect(d).toMatchObject({ code: 'E_DATA_PARSE', line: at.line, column: at.column + 1 });
    expect(d.message).toMatch(/^JSON syntax error: /);
  });

  it('JSON the YAML parser would accept but JSON does not (single quotes, trailing comma)', () => {
    expect(oneLoadError(file('quotes.json', "{'schemaVersion': 1}")).code).toBe('E_DATA_PARSE');
    expect(oneLoadError(file('trailing.json', '{\n  "schemaVersion": 1,\n}\n'))).toMatchObject({
      code: 'E_DATA_PARSE',
      line: 3,
      column: 1,
    });
  });

  it('an alias bomb is refused instead of expanded', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(oneLoadError(file('bomb.yaml', bomb + '\n')).code).toBe('E_DATA_PARSE');
  });
});

describe('readable files', () => {
  it('a UTF-8 BOM is skipped and positions stay right', () => {
    const text = replaceOnce(BASE, 'date: 2020-04-27', 'date: 2108');
    const open = replaceOnce(text, '        to: 2021-06\n', '');
    const { diagnostics } = validateFile(file('bom.yaml', '\uFEFF' + open), AS_OF);
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['date-future', positionOf(open, 'date: 2108').line, 11]]);
  });

  it('JSON is located as precisely as YAML', () => {
    const data = parse(replaceOnce(BASE, 'turnover: 3.7', 'turnover: 9.9')) as unknown;
    const json = JSON.stringify(data, null, 2) + '\n';
    const { diagnostics } = validateFile(file('data.json', json), AS_OF);
    const at = positionOf(json, '9.9');
    expect(diagnostics.map((d) => [d.rule, d.path, d.line, d.column])).toEqual([
      ['trade-arithmetic', 'trade[0].turnover', at.line, at.column],
    ]);
  });

  it('a top-level list or scalar is a schema error at 1:1', () => {
    for (const [name, content, got] of [
      ['list.yaml', '- a\n- b\n', 'a list'],
      ['scalar.yaml', 'hello\n', 'string "hello"'],
      ['null.yaml', '~\n', 'null'],
    ] as const) {
      const { diagnostics } = validateFile(file(name, content), AS_OF);
      expect(diagnostics.map((d) => [d.rule, d.line, d.column, d.message])).toEqual([['schema', 1, 1, `expected object, got ${got}`]]);
    }
  });
});

describe('readTextInput and parseText throw BilatError with a code', () => {
  it('names what it was reading', () => {
    expect(() => readTextInput(join(dir, 'absent.yaml'), 'config file')).toThrow('config file not found (check the path)');
  });

  it('parseText reports the first syntax error with its position', () => {
    let err: unknown;
    try {
      parseText('x.yaml', 'a: 1\nb: [\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BilatError);
    expect(err).toMatchObject({ code: 'E_DATA_PARSE', file: 'x.yaml', line: 3, column: 1 });
    expect((err as BilatError).format()).toMatch(/^x\.yaml:3:1 {2}syntax error: /);
  });
});
