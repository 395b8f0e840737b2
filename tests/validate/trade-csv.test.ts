// Trade periods from CSV files (`tradeFiles`): rows join `trade`, every rule checks them, and
// each problem is located in the CSV file (line and column of the cell) or, for a default or
// a path, in the relationship file. Positions are found by text search, not by the parser.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { dataInputHash, sha256 } from '../../src/batch/fingerprint.js';
import { parseCsv } from '../../src/data/csv.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { validateFile } from '../../src/validate/validate.js';
import { TRADE_COLUMNS } from '../../src/validate/trade-csv.js';
import { TradePeriod } from '../../src/schema/relationship.js';
import { AS_OF, positionOf, valuePos } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/trade-csv/', import.meta.url));
const YAML = 'mn-rs-csv.yaml';
const CSV = 'trade/mn-rs.csv';
const HEADER = 'id,start,end,label,exports,imports,turnover,balance,sources\n';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A copy of the fixture folder, with some of its files replaced. */
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bilat-trade-csv-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const fixtureYaml = readFileSync(join(FIXTURE, YAML), 'utf8');
/** The fixture's relationship file with one edit. */
const yamlWith = (from: string, to: string): string => {
  if (!fixtureYaml.includes(from)) throw new Error(`not in the fixture: ${from}`);
  return fixtureYaml.replace(from, to);
};

function check(dir: string) {
  return validateFile(join(dir, YAML), AS_OF);
}

/** file (relative to the project), line, column, path, rule: what a test pins. */
function where(dir: string, d: Diagnostic) {
  return { file: d.file.slice(dir.length + 1), line: d.line, column: d.column, path: d.path, rule: d.rule, severity: d.severity };
}

describe('a good CSV file', () => {
  it('adds its rows to trade, after the periods written inline, with defaults for what it leaves out', () => {
    const r = check(project());
    expect(r.diagnostics).toEqual([]);
    const trade = r.data!.trade!;
    expect(trade.map((t) => t.id)).toEqual(['t2020', 't2021', 't2022', 't2023', 't2024h1']);
    expect(trade[3]).toEqual({
      id: 't2023',
      start: '2023',
      end: '2023',
      label: '2023',
      exports: 998.4,
      imports: 1210.2,
      turnover: 2208.6,
      balance: -211.8,
      sources: ['synthetic-b'],
      reporter: 'RS',
      currency: 'EUR',
      unit: 'thousand',
    });
    // An empty sources cell takes the entry's; a filled one replaces it (ids split on ";" or spaces).
    expect(trade[2]!.sources).toEqual(['synthetic-b']);
    expect(trade[4]).toMatchObject({ label: 'January–June 2024', exports: 530, sources: ['synthetic-b', 'synthetic-a'] });
    expect(trade[4]).not.toHaveProperty('imports');
  });

  it('leaves the document as loaded (the rows are in data only) and a file without tradeFiles untouched', () => {
    const r = check(project());
    expect((r.doc!.value as { trade: unknown[] }).trade).toHaveLength(2);
    const plain = validateFile(fileURLToPath(new URL('../fixtures/relationships/mn-rs-synthetic.yaml', import.meta.url)), AS_OF);
    expect(plain.diagnostics).toEqual([]);
  });

  it('accepts a CRLF file with a BOM, comments, blank lines, quoted cells and spaces around cells', () => {
    const csv =
      '\ufeff# exported by hand\r\nid , start,end,label,exports,imports,sources\r\n\r\n"t2022",2022,2022,"2022, revised",1104, 502 ,"synthetic-a synthetic-b"\r\n';
    const r = check(project({ [CSV]: csv }));
    expect(r.diagnostics).toEqual([]);
    expect(r.data!.trade![2]).toMatchObject({
      id: 't2022',
      label: '2022, revised',
      exports: 1104,
      imports: 502,
      sources: ['synthetic-a', 'synthetic-b'],
    });
  });

  it('works the same from a JSON relationship file', () => {
    const value = parseYaml(fixtureYaml) as { tradeFiles: { sources: string[] }[] };
    value.tradeFiles[0]!.sources = ['synthetic-q'];
    const json = `${JSON.stringify(value, null, 2)}\n`;
    const csv = `${HEADER}t2022,2022,2022,2022,"1,104",502,,,\n`;
    const dir = project({ 'mn-rs-csv.json': json, [CSV]: csv });
    const diags = validateFile(join(dir, 'mn-rs-csv.json'), AS_OF).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: 'mn-rs-csv.json', ...positionOf(json, '"synthetic-q"'), path: 'trade[2].sources[0]', rule: 'reference', severity: 'error' },
      { file: CSV, ...positionOf(csv, '"1,104"'), path: 'trade[2].exports', rule: 'csv', severity: 'error' },
    ]);
  });

  it('takes the columns from the fields of a trade period', () => {
    expect(TRADE_COLUMNS).toEqual(Object.keys(TradePeriod.shape));
  });
});

describe('figures', () => {
  it.each([
    ['"1,104"', '1,104', 'write 1104, without thousands separators, or 1.104 if the comma is a decimal comma'],
    ['"1104,5"', '1104,5', 'use a dot for decimals: 1104.5'],
    ['n/a', 'n/a', 'leave the cell empty when the source gives no figure'],
    ['1 104', '1 104', 'write 1104, without spaces or thousands separators'],
    ['1.1e3', '1.1e3', 'write a plain number with a dot for decimals, e.g. 1234.5, or leave the cell empty'],
    ['"168,420.5"', '168,420.5', '168,420.5 looks like a number with a thousands separator: write 168420.5'],
    ['"1.234,5"', '1.234,5', '1.234,5 looks like a number with "." between thousands and a decimal comma: write 1234.5'],
  ])('rejects %s at its cell, naming the column and the value', (written, value, hint) => {
    const csv = `${HEADER}t2022,2022,2022,2022,${written},502,,,\n`;
    const dir = project({ [CSV]: csv });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, ...positionOf(csv, written), path: 'trade[2].exports', rule: 'csv', severity: 'error' },
    ]);
    expect(diags[0]).toMatchObject({ message: `column "exports": "${value}" is not a plain number`, hint, code: 'E_DATA_INVALID' });
  });

  it('accepts negative and decimal figures', () => {
    const csv = `${HEADER}t2022,2022,2022,2022,0.5,10.75,11.25,-10.25,\n`;
    expect(check(project({ [CSV]: csv })).diagnostics).toEqual([]);
  });
});

describe('columns and rows', () => {
  it('reports an unknown column at its header cell, with a did-you-mean, and still reads the rows', () => {
    const csv = 'id,start,end,exprots,imports,sources\nt2022,2022,2022,1104,502,synthetic-x\n';
    const dir = project({ [CSV]: csv });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, ...positionOf(csv, 'exprots'), path: 'tradeFiles[0]', rule: 'csv', severity: 'error' },
      { file: CSV, ...positionOf(csv, 'synthetic-x'), path: 'trade[2].sources[0]', rule: 'reference', severity: 'error' },
    ]);
    expect(diags[0]).toMatchObject({ message: 'unknown column "exprots"; its cells are ignored', hint: 'did you mean "exports"?' });
  });

  it('reports a column without a default that every period needs once, at the header, and reads no row', () => {
    const dir = project({ [YAML]: yamlWith('    currency: EUR\n', ''), [CSV]: 'id,start,end\nt2022,2022,2022\nt2023,2023,2023\n' });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, line: 1, column: 1, path: 'tradeFiles[0]', rule: 'csv', severity: 'error' },
    ]);
    expect(diags[0]!.message).toBe('no "currency" column, which every trade period needs; no row is read');
    expect(diags[0]!.hint).toBe(`add a column "currency", or currency: under tradeFiles[0] in ${YAML}`);
  });

  it('reports a row with more or fewer cells than the header, even an unquoted 1,104 that leaves the count right but for an empty cell, and skips it', () => {
    const csv = `${HEADER}t2022,2022,2022,2022,1,104,502,,,\nt2023,2023,2023,2023,998\nt2024,2024,2024,2024,1,2,3,-1,synthetic-x\n`;
    const dir = project({ [CSV]: csv });
    const r = check(dir);
    const line2 = positionOf(csv, 't2022').line;
    expect(r.diagnostics.map((d) => where(dir, d))).toEqual([
      { file: CSV, line: line2, column: csv.split('\n')[line2 - 1]!.length + 1, path: 'tradeFiles[0]', rule: 'csv', severity: 'error' },
      { file: CSV, ...positionOf(csv, '998'), path: 'tradeFiles[0]', rule: 'csv', severity: 'error' },
      // The good row is trade[2]: the skipped ones take no index.
      { file: CSV, ...positionOf(csv, 'synthetic-x'), path: 'trade[2].sources[0]', rule: 'reference', severity: 'error' },
    ]);
    expect(r.diagnostics[0]!.message).toBe('row has 10 cells, the header names 9 columns; the row is skipped');
    expect(r.diagnostics[0]!.hint).toBe(
      'a figure written with a comma, like 1,234, splits into two cells: write 1234, and quote text that holds a comma',
    );
    expect(r.diagnostics[1]!.message).toBe('row has 5 cells, the header names 9 columns; the row is skipped');
  });

  it('ignores empty unnamed columns (as spreadsheets export them), but not a value in one', () => {
    const csv = 'id,start,end,exports,,\nt2022,2022,2022,1,,\nt2023,2023,2023,2,x,\n';
    const dir = project({ [CSV]: csv });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, line: 3, column: positionOf(csv, ',x,').column + 1, path: 'tradeFiles[0]', rule: 'csv', severity: 'error' },
    ]);
    expect(diags[0]!.message).toBe('value "x" in column 5, which has no name in the header');
  });

  it('says so when the file is separated by semicolons', () => {
    const dir = project({ [CSV]: 'id;start;end\nt2022;2022;2022\n' });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, line: 1, column: 1, path: 'tradeFiles[0]', rule: 'csv', severity: 'error' },
    ]);
    expect(diags[0]!.message).toContain('trade CSV files are separated by commas');
  });

  it('warns about a header without rows', () => {
    const dir = project({ [CSV]: HEADER });
    expect(check(dir).diagnostics.map((d) => [where(dir, d), d.message])).toEqual([
      [{ file: CSV, line: 1, column: 1, path: 'tradeFiles[0]', rule: 'csv', severity: 'warning' }, 'CSV file has a header but no rows'],
    ]);
  });
});

describe('rules on CSV rows, located in the CSV file', () => {
  it('an unknown source id, at the id inside its cell', () => {
    const csv = `${HEADER}t2022,2022,2022,2022,1104,502,1606,602,synthetic-b; synthetc-a\n`;
    const dir = project({ [CSV]: csv });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, ...positionOf(csv, 'synthetc-a'), path: 'trade[2].sources[1]', rule: 'reference', severity: 'error' },
    ]);
    expect(diags[0]).toMatchObject({ message: 'unknown source "synthetc-a"', hint: 'did you mean "synthetic-a"?' });
  });

  it('turnover ≠ exports + imports, with the tolerance of the decimals as printed in the cells', () => {
    const row = (turnover: string) => `${HEADER}t2022,2022,2022,2022,2.3,1.4,${turnover},,\n`;
    const arithmetic = (turnover: string) => {
      const dir = project({ [CSV]: row(turnover) });
      return check(dir).diagnostics.map((d) => where(dir, d));
    };
    expect(arithmetic('3.8')).toEqual([]); // 2.3 + 1.4 stands for [3.6, 3.8)
    expect(arithmetic('3.70')).toEqual([]);
    expect(arithmetic('3.85')).toEqual([
      { file: CSV, ...positionOf(row('3.85'), '3.85'), path: 'trade[2].turnover', rule: 'trade-arithmetic', severity: 'error' },
    ]);
  });

  it('dates: a period that ends before it starts, and an end after the as-of date', () => {
    const csv = `${HEADER}t2022,2022-06,2022-01,,1,2,,,\nt2030,2030,2030,,1,2,,,\n`;
    const dir = project({ [CSV]: csv });
    expect(check(dir).diagnostics.map((d) => where(dir, d))).toEqual([
      { file: CSV, ...positionOf(csv, '2022-06'), path: 'trade[2].start', rule: 'period-order', severity: 'error' },
      { file: CSV, ...positionOf(csv, '2030', 2), path: 'trade[3].end', rule: 'date-future', severity: 'warning' },
    ]);
  });

  it('a bad value for the schema: at its cell, with the schema message', () => {
    const csv = `${HEADER}t2022,2022-13,2022,,1,2,,,\n`;
    const dir = project({ [CSV]: csv });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, ...positionOf(csv, '2022-13'), path: 'trade[2].start', rule: 'schema', severity: 'error' },
    ]);
    expect(diags[0]!.message).toBe('expected a date as YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('an id used inline and in the CSV file: the message names the other file', () => {
    const csv = `${HEADER}t2021,2021,2021,,1,2,,,\n`;
    const dir = project({ [CSV]: csv });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: CSV, line: 2, column: 1, path: 'trade[2].id', rule: 'duplicate-id', severity: 'error' },
    ]);
    expect(diags[0]!.message).toBe(
      `duplicate id "t2021" (first used at ${join(dir, YAML)}:${positionOf(fixtureYaml, '{ id: t2021').line})`,
    );
  });

  it('a bad default is reported once, in the relationship file, however many rows take it', () => {
    const yaml = yamlWith('    sources: [synthetic-b]\n', '    sources: [synthetic-q]\n');
    const dir = project({ [YAML]: yaml });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: YAML, ...positionOf(yaml, 'synthetic-q'), path: 'trade[2].sources[0]', rule: 'reference', severity: 'error' },
    ]);
  });

  it('an inline period keeps its place in the relationship file', () => {
    const yaml = yamlWith("label: '2021', reporter: RS", "label: '2021', reporter: XX");
    const dir = project({ [YAML]: yaml });
    expect(check(dir).diagnostics.map((d) => where(dir, d))).toEqual([
      { file: YAML, ...valuePos(yaml, 'reporter: XX'), path: 'trade[1].reporter', rule: 'reference', severity: 'error' },
    ]);
  });
});

describe('the path of a CSV file', () => {
  it.each([
    ['../outside.csv', 'it must not leave the relationship file\'s folder ("..")'],
    ['trade/../../outside.csv', 'it must not leave the relationship file\'s folder ("..")'],
    ['/etc/hosts', 'it must be relative to the relationship file, not absolute'],
    ['trade\\mn-rs.csv', 'use "/" between folders, not "\\"'],
  ])('refuses %s, located at the path, before reading anything', (path, why) => {
    const yaml = yamlWith('path: trade/mn-rs.csv', `path: '${path}'`);
    const dir = project({ [YAML]: yaml });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: YAML, ...valuePos(yaml, `path: '${path}'`), path: 'tradeFiles[0].path', rule: 'schema', severity: 'error' },
    ]);
    expect(diags[0]!.message).toBe(`path "${path}" is refused: ${why}`);
  });

  it('refuses a symbolic link that leads out of the folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'bilat-trade-csv-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'x.csv'), HEADER);
    const yaml = yamlWith('path: trade/mn-rs.csv', 'path: trade/link.csv');
    const dir = project({ [YAML]: yaml });
    symlinkSync(join(outside, 'x.csv'), join(dir, 'trade/link.csv'));
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: YAML, ...valuePos(yaml, 'path: trade/link.csv'), path: 'tradeFiles[0].path', rule: 'csv', severity: 'error' },
    ]);
    expect(diags[0]!.message).toMatch(/^path "trade\/link\.csv" is refused: it leads out of the relationship file's folder/);
  });

  it('a missing file: at the path in the relationship file, naming the CSV file', () => {
    const yaml = yamlWith('path: trade/mn-rs.csv', 'path: trade/mn-rs-2024.csv');
    const dir = project({ [YAML]: yaml });
    const diags = check(dir).diagnostics;
    expect(diags.map((d) => where(dir, d))).toEqual([
      { file: YAML, ...valuePos(yaml, 'path: trade/mn-rs-2024.csv'), path: 'tradeFiles[0].path', rule: 'csv', severity: 'error' },
    ]);
    expect(diags[0]).toMatchObject({
      code: 'E_FILE_MISSING',
      message: `CSV file ${join(dir, 'trade/mn-rs-2024.csv')} not found`,
      hint: `"trade/mn-rs-2024.csv" is relative to the folder of ${YAML}`,
    });
  });

  it('a folder, an empty file and a binary file each get one message', () => {
    const run = (files: Record<string, string>) => {
      const dir = project(files);
      return check(dir).diagnostics.map((d) => [where(dir, d).file, d.code, d.message.replace(dir, '<dir>')]);
    };
    expect(run({ [YAML]: yamlWith('path: trade/mn-rs.csv', 'path: trade') })).toEqual([
      [YAML, 'E_FILE_DIRECTORY', '<dir>/trade: is a directory, not a CSV file (name a .csv file inside it)'],
    ]);
    expect(run({ [CSV]: '# nothing yet\n' })).toEqual([
      [CSV, 'E_FILE_EMPTY', 'CSV file is empty (it needs a header row naming the columns)'],
    ]);
    expect(run({ [CSV]: 'id,start\0\n' })).toEqual([[CSV, 'E_FILE_BINARY', 'looks like a binary file (NUL byte); expected CSV text']]);
  });
});

describe('parseCsv', () => {
  it('gives the line and column of every cell, across quoted line breaks and skipped lines', () => {
    const text = 'a, b ,"c"\n\n# note\nx,"multi\nline",z\n , \n"q ""w""",2,  3\n';
    const t = parseCsv('t.csv', text);
    const cells = [t.header, ...t.rows].map((r) => r.cells.map((c) => [c.value, c.line, c.column]));
    expect(cells).toEqual([
      [
        ['a', 1, 1],
        ['b', 1, 4],
        ['c', 1, 7],
      ],
      [
        ['x', 4, 1],
        ['multi\nline', 4, 3],
        ['z', 5, 7],
      ],
      [
        ['q "w"', 7, 1],
        ['2', 7, 11],
        ['3', 7, 15],
      ],
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([4, 7]);
  });

  it.each([
    ['a,b\n1,"2\n3,4\n', 2, 3, 'a quoted cell is never closed'],
    ['a,b\n\n# c\n1,x"2"\n', 4, 4, 'a quote in the middle of a cell that does not start with one'],
    ['a,b\r\n1,"x"y\r\n', 2, 3, 'text after the closing quote of a cell'],
  ])('locates a syntax error: %j', (text, line, column, reason) => {
    expect(() => parseCsv('t.csv', text)).toThrow(
      expect.objectContaining({
        code: 'E_DATA_PARSE',
        file: 't.csv',
        line,
        column,
        message: expect.stringContaining(`CSV syntax error: ${reason}`),
      }),
    );
  });
});

describe('dataInputHash (incremental builds)', () => {
  it('is the hash of the bytes for a file without tradeFiles, so existing manifests stay valid', () => {
    const file = fileURLToPath(new URL('../fixtures/relationships/mn-rs-synthetic.yaml', import.meta.url));
    const bytes = readFileSync(file);
    expect(dataInputHash(file, bytes)).toBe(sha256(bytes));
  });

  it('changes when a CSV file it names changes, and only then', () => {
    const dir = project();
    const file = join(dir, YAML);
    const bytes = readFileSync(file);
    const before = dataInputHash(file, bytes);
    expect(before).not.toBe(sha256(bytes));
    expect(dataInputHash(file, bytes)).toBe(before);
    writeFileSync(join(dir, CSV), readFileSync(join(dir, CSV), 'utf8').replace('998.4', '998.5'));
    expect(dataInputHash(file, bytes)).not.toBe(before);
  });
});
