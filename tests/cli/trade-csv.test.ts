// `bilat build` with trade periods from a CSV file (`tradeFiles`), through the real CLI: a good
// file renders its figures; a bad one exits 1 with a located message and writes nothing;
// --incremental rebuilds when only the CSV file changed.
import { cpSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ensureDistFresh, removeDir, runCli, tempDir } from '../helpers/cli.js';
import { normalizeSpace, pdfRawText } from '../helpers/text.js';
import { positionOf, valuePos } from '../validate/helpers.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/trade-csv/', import.meta.url));
const YAML = 'mn-rs-csv.yaml';
const CSV = 'trade/mn-rs.csv';
const fixtureYaml = readFileSync(join(FIXTURE, YAML), 'utf8');
const fixtureCsv = readFileSync(join(FIXTURE, CSV), 'utf8');

beforeAll(ensureDistFresh);

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) removeDir(d);
  dirs = [];
});

/** A copy of the fixture folder (with some files replaced) and an output folder inside it that does not exist yet. */
function project(files: Record<string, string> = {}): { dir: string; yaml: string; csv: string; out: string } {
  const dir = tempDir('trade-csv');
  dirs.push(dir);
  cpSync(FIXTURE, join(dir, 'data'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'data', name), text);
  return { dir, yaml: join(dir, 'data', YAML), csv: join(dir, 'data', CSV), out: join(dir, 'out') };
}

const edit = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  return text.replace(from, to);
};

const build = (yaml: string, out: string, ...extra: string[]) => runCli(['build', yaml, '--as-of', AS_OF, '--out', out, ...extra]);

const pdfText = (file: string): string => normalizeSpace(pdfRawText(file));

describe('bilat build with a trade CSV file', () => {
  it('merges the CSV rows into the relationship and renders their figures', () => {
    const p = project();
    const r = build(p.yaml, p.out, '-a', 'analyst');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = pdfText(join(p.out, 'mn-rs-csv-analyst.pdf'));
    // 2023 is only in the CSV file (998.4 / 1,210.2 / 2,208.6); 2021 only inline (905).
    expect(text).toContain(
      'Trade in 2023, as reported by Serbia: turnover 2,208.6 thousand EUR, exports 998.4, imports 1,210.2, balance −211.8.',
    );
    expect(text).toContain('905');
    expect(readFileSync(join(p.out, 'mn-rs-csv-analyst.html'), 'utf8')).toContain('2,208.6');
  });

  it('validate reports nothing for it', () => {
    const p = project();
    expect(runCli(['validate', p.yaml, '--as-of', AS_OF])).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('0 errors, 0 warnings'),
    });
  });

  it('a character no PDF font has in a CSV cell is reported at that cell: exit 3, only the PDFs that print it are not written', () => {
    const csv = edit(fixtureCsv, 'January–June 2024', 'January–June 2024 (ქალაქი \uE000)');
    const p = project({ [CSV]: csv });
    const r = build(p.yaml, p.out, '-f', 'pdf');
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('U+E000');
    expect(r.stderr).not.toContain('U+10E5'); // Georgian is drawn by the fallback chain
    const line = csv.split('\n').findIndex((l) => l.includes('ქალაქი')) + 1;
    expect(r.stderr).toContain(`mn-rs.csv:${line}:`);
    expect(r.stderr).toContain('not written: mn-rs-csv-analyst.pdf, mn-rs-csv-public.pdf');
    // The executive brief never prints that period's label, so its PDF is made.
    expect(readdirSync(p.out).sort()).toEqual(['mn-rs-csv-executive.pdf']);
  });
});

describe('a bad trade CSV file: exit 1, a located message, nothing written', () => {
  /** Builds, expects exit 1 and no output, and returns stderr. */
  function fails(p: ReturnType<typeof project>): string {
    const r = build(p.yaml, p.out);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(p.out) ? readdirSync(p.out).filter((f) => !f.startsWith('.')) : []).toEqual([]);
    return r.stderr;
  }

  it('a figure written "1,104": at its cell in the CSV file, with the column, the value and the fix', () => {
    const csv = edit(fixtureCsv, 't2022,2022,2022,2022,1104,', 't2022,2022,2022,2022,"1,104",');
    const p = project({ [CSV]: csv });
    const at = positionOf(csv, '"1,104"');
    expect(fails(p)).toContain(
      `${p.csv}:${at.line}:${at.column}  error  trade[2].exports  column "exports": "1,104" is not a plain number (write 1104, without thousands separators, or 1.104 if the comma is a decimal comma)`,
    );
  });

  it('a data file given by a relative path: its CSV file is named relative too, as the user would write it', () => {
    const csv = edit(fixtureCsv, 't2022,2022,2022,2022,1104,', 't2022,2022,2022,2022,"1,104",');
    const p = project({ [CSV]: csv });
    const at = positionOf(csv, '"1,104"');
    const r = spawnSync(
      process.execPath,
      [join(fileURLToPath(new URL('../../', import.meta.url)), 'bin', 'bilat.js'), 'validate', join('data', YAML), '--as-of', AS_OF],
      { cwd: p.dir, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${join('data', CSV)}:${at.line}:${at.column}  error  trade[2].exports  column "exports"`);
  });

  it('an empty required cell: at that cell, saying to fill it', () => {
    const csv = edit(fixtureCsv, 't2023,2023,2023,2023,', 't2023,,2023,2023,');
    const p = project({ [CSV]: csv });
    const at = positionOf(csv, ',,2023,2023,');
    expect(fails(p)).toContain(
      `${p.csv}:${at.line}:${at.column + 1}  error  trade[3].start  missing required field (fill the "start" cell of this row`,
    );
  });

  it('a spreadsheet export in Windows-1252: at the first such character, saying how to save it', () => {
    const p = project();
    const csv = edit(fixtureCsv, 'January–June 2024', 'Janvier–juin 2024 (1er semestre, février)').replace('–', '-');
    writeFileSync(p.csv, Buffer.from(csv, 'latin1'));
    const at = positionOf(csv, 'é');
    expect(fails(p)).toContain(`${p.csv}:${at.line}:${at.column}  error  tradeFiles[0]  is not valid UTF-8 text`);
    expect(fails(p)).toContain('"CSV UTF-8 (comma delimited)"');
  });

  it('an unknown column: at its header cell', () => {
    const csv = edit(fixtureCsv, ',balance,', ',balanse,');
    const p = project({ [CSV]: csv });
    const at = positionOf(csv, 'balanse');
    expect(fails(p)).toContain(
      `${p.csv}:${at.line}:${at.column}  error  tradeFiles[0]  unknown column "balanse"; its cells are ignored (did you mean "balance"?)`,
    );
  });

  it('a row citing a source that does not exist: at the id in its cell', () => {
    const csv = edit(fixtureCsv, '-211.8,synthetic-b', '-211.8,synthetic-c');
    const p = project({ [CSV]: csv });
    const at = positionOf(csv, 'synthetic-c');
    expect(fails(p)).toContain(`${p.csv}:${at.line}:${at.column}  error  trade[3].sources[0]  unknown source "synthetic-c"`);
  });

  it('a missing CSV file: at its path in the relationship file, naming the file', () => {
    const yaml = edit(fixtureYaml, 'path: trade/mn-rs.csv', 'path: trade/mn-rs-2025.csv');
    const p = project({ [YAML]: yaml });
    const at = valuePos(yaml, 'path: trade/mn-rs-2025.csv');
    expect(fails(p)).toContain(
      `${p.yaml}:${at.line}:${at.column}  error  tradeFiles[0].path  CSV file ${join(p.dir, 'data', 'trade/mn-rs-2025.csv')} not found`,
    );
  });

  it('a path that leaves the folder ("..") is refused, even when the file is there', () => {
    const yaml = edit(fixtureYaml, 'path: trade/mn-rs.csv', 'path: ../mn-rs.csv');
    const p = project({ [YAML]: yaml });
    writeFileSync(join(p.dir, 'mn-rs.csv'), fixtureCsv);
    const at = valuePos(yaml, 'path: ../mn-rs.csv');
    expect(fails(p)).toContain(
      `${p.yaml}:${at.line}:${at.column}  error  tradeFiles[0].path  path "../mn-rs.csv" is refused: it must not leave the relationship file's folder ("..")`,
    );
  });
});

describe('bilat build --incremental with a trade CSV file', () => {
  interface Summary {
    totals: { ok: number; skipped: number; written: number; upToDate: number };
  }
  const run = (p: ReturnType<typeof project>) => {
    const r = build(p.yaml, p.out, '-a', 'analyst', '-f', 'pdf', '--incremental', '--json');
    expect(r.status).toBe(0);
    return (JSON.parse(r.stdout) as Summary).totals;
  };

  it('rebuilds the brief when only the CSV file changed, and skips it when it did not', () => {
    const p = project();
    expect(run(p)).toMatchObject({ ok: 1, written: 1 });
    expect(run(p)).toMatchObject({ skipped: 1, written: 0, upToDate: 1 });

    // Touched but unchanged: still up to date.
    const later = new Date(Date.now() + 5000);
    utimesSync(p.csv, later, later);
    expect(run(p)).toMatchObject({ skipped: 1, written: 0 });

    // 2023 revised in the CSV file only: rebuilt, with the new figures.
    writeFileSync(
      p.csv,
      edit(fixtureCsv, '2023,2023,2023,2023,998.4,1210.2,2208.6,-211.8', '2023,2023,2023,2023,997.4,1210.2,2207.6,-212.8'),
    );
    expect(run(p)).toMatchObject({ ok: 1, written: 1, upToDate: 0 });
    expect(pdfText(join(p.out, 'mn-rs-csv-analyst.pdf'))).toContain('turnover 2,207.6 thousand EUR, exports 997.4');
    expect(run(p)).toMatchObject({ skipped: 1, written: 0 });
  });
});
