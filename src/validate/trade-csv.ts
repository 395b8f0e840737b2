/**
 * `tradeFiles`: read each CSV file and turn its rows into trade periods, appended to `trade`
 * after the periods written inline, so the schema and every rule check them like the others.
 * What only a CSV file can get wrong (a file that cannot be read, an unknown column, a figure
 * written "1,234") is reported here, at its cell; the rest is left to the schema and the rules.
 */
import { numberAdvice } from './value-advice.js';
import { basename } from 'node:path';
import { readCsv, type CsvCell, type CsvTable } from '../data/csv.js';
import type { LoadedDocument, Position } from '../data/load-document.js';
import { resolveTradeFile, withTradeRows, type CellOrigin, type RowOrigin } from '../data/trade-files.js';
import type { Diagnostic } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import { BilatError, type ErrorCode } from '../errors.js';
import { TradeFile, TradePeriod } from '../schema/relationship.js';
import { located } from './context.js';
import { didYouMean } from './did-you-mean.js';

/** Columns a trade CSV may have: the fields of a trade period. */
export const TRADE_COLUMNS: readonly string[] = Object.keys(TradePeriod.shape);
/** Plain decimal numbers. */
const FIGURES = new Set(['exports', 'imports', 'turnover', 'balance']);
/** Lists of ids, separated by ";" or spaces. */
const LISTS = new Set(['sources', 'quality']);
/** Fields a tradeFiles entry may give for every row. */
const DEFAULTABLE = ['reporter', 'currency', 'unit', 'quality', 'sources', 'visibility'] as const;
/** Fields every period needs: without a column (or a default) no row can be read. */
const REQUIRED = TRADE_COLUMNS.filter((k) => !TradePeriod.shape[k as keyof typeof TradePeriod.shape].safeParse(undefined).success);

const NUMBER = /^-?\d+(\.\d+)?$/;

type CellError = (cell: Position, path: string, message: string, hint?: string) => void;

interface Row {
  value: Record<string, unknown>;
  origin: RowOrigin;
}

export interface ExpandedDocument {
  /** The document with the CSV rows under `trade` (the same document when there are none). */
  doc: LoadedDocument;
  diagnostics: Diagnostic[];
  /** Fields rows took from their tradeFiles entry, as data paths (`trade[3].sources`). */
  defaulted: ReadonlySet<string>;
}

/** Read the CSV files under `tradeFiles` (paths relative to `doc.file`) into `trade`; never throws for bad data. */
export function expandTradeFiles(doc: LoadedDocument): ExpandedDocument {
  const root = doc.value;
  const entries = root !== null && typeof root === 'object' ? (root as { tradeFiles?: unknown }).tradeFiles : undefined;
  if (!Array.isArray(entries) || entries.length === 0) return { doc, diagnostics: [], defaulted: new Set() };
  const inline = (root as { trade?: unknown }).trade;
  const first = Array.isArray(inline) ? inline.length : 0;
  const out: Diagnostic[] = [];
  const rows: Row[] = [];
  entries.forEach((raw, k) => {
    // An entry the schema rejects (a refused path, a bad default) is reported by the schema, once.
    const entry = TradeFile.safeParse(raw);
    if (!entry.success) return;
    const at = ['tradeFiles', k];
    const table = readTable(doc, entry.data.path, at, out);
    if (table) rows.push(...tradeRows(doc, table, entry.data, at, first + rows.length, out));
  });
  const defaulted = new Set(rows.flatMap((r, i) => [...r.origin.defaulted].map((k) => formatPath(['trade', first + i, k]))));
  return { doc: withTradeRows(doc, rows), diagnostics: out, defaulted };
}

/**
 * A problem with a default of a tradeFiles entry (an unknown source id, say) is found once
 * for each row that takes it, all at the same place in the relationship file: keep the first.
 */
/**
 * A required field missing from a CSV row: say how to give it there (the schema's message is
 * about the data, and its file is the CSV file, where "add a key" makes no sense).
 */
export function csvHints(diags: Diagnostic[], dataFile: string): Diagnostic[] {
  return diags.map((d) => {
    const field = /^trade\[\d+\]\.(\w+)$/.exec(d.path)?.[1];
    if (field === undefined || d.file === dataFile || !d.message.startsWith('missing required field')) return d;
    const defaultable = (DEFAULTABLE as readonly string[]).includes(field);
    const fill = `fill the "${field}" cell of this row${defaultable ? `, or give ${field}: for the whole file under its tradeFiles entry` : ''}`;
    return { ...d, hint: d.hint ? `${fill}; ${d.hint}` : fill };
  });
}

export function collapseDefaults(diags: Diagnostic[], defaulted: ReadonlySet<string>): Diagnostic[] {
  if (defaulted.size === 0) return diags;
  const seen = new Set<string>();
  return diags.filter((d) => {
    const field = /^trade\[\d+\]\.\w+/.exec(d.path)?.[0];
    if (field === undefined || !defaulted.has(field)) return true;
    const key = [d.file, d.line, d.column, d.rule, d.message].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The CSV file of one entry, or undefined with the reason in `out`. */
function readTable(doc: LoadedDocument, path: string, at: PropertyKey[], out: Diagnostic[]): CsvTable | undefined {
  const r = resolveTradeFile(doc.file, path);
  const atPath = (code: ErrorCode, message: string, hint?: string) =>
    out.push({ ...located(doc, 'error', 'csv', [...at, 'path'], message, hint), code });
  if ('refused' in r) {
    atPath(
      'E_DATA_INVALID',
      `path "${path}" is refused: ${r.refused}`,
      'keep trade CSV files in the folder of the relationship file, or below it',
    );
    return undefined;
  }
  try {
    return { ...readCsv(r.file), file: r.shown };
  } catch (e) {
    if (!(e instanceof BilatError)) throw e;
    if (e.code === 'E_FILE_MISSING')
      atPath(e.code, `CSV file ${r.shown} not found`, `"${path}" is relative to the folder of ${basename(doc.file)}`);
    else if (e.line === undefined) atPath(e.code, `${r.shown}: ${e.message}`);
    else
      out.push({
        severity: 'error',
        rule: 'csv',
        code: e.code,
        file: e.file === undefined || e.file === r.file ? r.shown : e.file,
        line: e.line,
        column: e.column ?? 1,
        path: formatPath(at),
        message: e.message,
      });
    return undefined;
  }
}

/** The rows of one CSV file as trade periods; `index` is the position of the first in `trade`. */
function tradeRows(doc: LoadedDocument, table: CsvTable, entry: TradeFile, at: PropertyKey[], index: number, out: Diagnostic[]): Row[] {
  const cellError: CellError = (cell, path, message, hint) =>
    out.push({
      severity: 'error',
      rule: 'csv',
      code: 'E_DATA_INVALID',
      file: table.file,
      line: cell.line,
      column: cell.column,
      path,
      message,
      ...(hint ? { hint } : {}),
    });
  const columns = headerColumns(doc, table, at, entry, cellError);
  if (!columns) return [];
  if (table.rows.length === 0) {
    out.push({
      severity: 'warning',
      rule: 'csv',
      file: table.file,
      line: table.header.line,
      column: table.header.column,
      path: formatPath(at),
      message: 'CSV file has a header but no rows',
    });
  }
  const width = table.header.cells.length;
  const unnamedReported = new Set<number>();
  const rows: Row[] = [];
  for (const row of table.rows) {
    // Even an empty extra cell is refused: "1,104" unquoted shifts every cell after it by one.
    if (row.cells.length !== width) {
      const more = row.cells.length > width;
      cellError(
        (more ? row.cells[width] : row.cells.at(-1)) ?? row,
        formatPath(at),
        `row has ${row.cells.length} cells, the header names ${width} columns; the row is skipped`,
        more
          ? 'a figure written with a comma, like 1,234, splits into two cells: write 1234, and quote text that holds a comma'
          : 'leave a cell empty when there is no value, but keep its comma',
      );
      continue;
    }
    const path = (field: string) => formatPath(['trade', index + rows.length, field]);
    const value: Record<string, unknown> = {};
    const cells = new Map<string, CellOrigin>();
    row.cells.forEach((cell, j) => {
      if (cell.value === '') return;
      const field = columns[j];
      if (field === undefined) {
        if (table.header.cells[j]?.value === '' && !unnamedReported.has(j)) {
          unnamedReported.add(j);
          cellError(
            cell,
            formatPath(at),
            `value "${cell.value}" in column ${j + 1}, which has no name in the header`,
            'name the column in the header row, or empty its cells',
          );
        }
        return;
      }
      const origin: CellOrigin = { line: cell.line, column: cell.column, printed: cell.value };
      cells.set(field, origin);
      if (FIGURES.has(field)) {
        if (NUMBER.test(cell.value)) value[field] = Number(cell.value);
        else cellError(cell, path(field), `column "${field}": "${cell.value}" is not a plain number`, figureHint(cell.value));
      } else if (LISTS.has(field)) {
        const items = [...cell.value.matchAll(/[^\s;]+/g)];
        value[field] = items.map((m) => m[0]);
        if (cell.verbatim) origin.items = items.map((m) => ({ line: cell.line, column: cell.valueColumn + m.index }));
      } else value[field] = cell.value;
    });
    const defaulted = new Set<string>();
    for (const k of DEFAULTABLE) {
      if (cells.has(k) || entry[k] === undefined) continue;
      value[k] = entry[k];
      defaulted.add(k);
    }
    // A field left empty (and not defaulted) is located at its empty cell, not at the row.
    row.cells.forEach((cell, j) => {
      const field = columns[j];
      if (cell.value === '' && field !== undefined && !cells.has(field) && !defaulted.has(field))
        cells.set(field, { line: cell.line, column: cell.column, printed: '' });
    });
    rows.push({ value, origin: { file: table.file, line: row.line, column: row.column, cells, defaulted, entry: at } });
  }
  return rows;
}

/** Each header cell's field, undefined for a column that is ignored; undefined when no row can be read. */
function headerColumns(
  doc: LoadedDocument,
  t: CsvTable,
  where: PropertyKey[],
  e: TradeFile,
  err: CellError,
): (string | undefined)[] | undefined {
  const cells = t.header.cells;
  const only = cells.length === 1 ? cells[0] : undefined;
  if (only && /[;\t]/.test(only.value)) {
    err(
      only,
      formatPath(where),
      `the header is one column, "${only.value}": trade CSV files are separated by commas`,
      'save it as CSV with commas between cells; in a spreadsheet, choose "CSV UTF-8 (comma delimited)"',
    );
    return undefined;
  }
  const seen = new Set<string>();
  const columns = cells.map((c: CsvCell) => {
    if (c.value === '') return undefined;
    if (!TRADE_COLUMNS.includes(c.value)) {
      const guess = didYouMean(c.value, TRADE_COLUMNS);
      err(
        c,
        formatPath(where),
        `unknown column "${c.value}"; its cells are ignored`,
        guess ? `did you mean "${guess}"?` : `columns are the fields of a trade period: ${TRADE_COLUMNS.join(', ')}`,
      );
      return undefined;
    }
    if (seen.has(c.value)) {
      err(c, formatPath(where), `column "${c.value}" appears twice; the second is ignored`, 'keep one column per field');
      return undefined;
    }
    seen.add(c.value);
    return c.value;
  });
  const missing = REQUIRED.filter((k) => !seen.has(k) && (e as Record<string, unknown>)[k] === undefined);
  for (const k of missing) {
    const dflt = (DEFAULTABLE as readonly string[]).includes(k) ? `, or ${k}: under ${formatPath(where)} in ${basename(doc.file)}` : '';
    err(t.header, formatPath(where), `no "${k}" column, which every trade period needs; no row is read`, `add a column "${k}"${dflt}`);
  }
  return missing.length ? undefined : columns;
}

/** How to write a figure that is not a plain number. */
function figureHint(v: string): string {
  if (/^(n\/?a|na|n\.a\.|-+|–|—|\.+|x|none|null|nil|\?)$/i.test(v)) return 'leave the cell empty when the source gives no figure';
  const digits = v.replace(/[\s\u00a0']/g, '');
  // regex-safe: each repetition starts with a comma, so a run of digits splits one way only
  if (/^-?\d+(,\d+)+$/.test(digits)) {
    const thousands = digits.replace(/,/g, '');
    const decimal = /^-?\d+,\d+$/.test(digits) ? digits.replace(',', '.') : undefined;
    if (decimal && !/,\d{3}$/.test(digits)) return `use a dot for decimals: ${decimal}`;
    return `write ${thousands}, without thousands separators${decimal ? `, or ${decimal} if the comma is a decimal comma` : ''}`;
  }
  if (NUMBER.test(digits)) return `write ${digits}, without spaces or thousands separators`;
  // 168,420.5 or 1.234,5: the same advice as for a figure in the YAML file.
  const advice = numberAdvice(v);
  if (advice) return advice;
  return 'write a plain number with a dot for decimals, e.g. 1234.5, or leave the cell empty';
}
