/**
 * CSV with the position of every cell, for located diagnostics. csv-parse does the parsing
 * (quotes, doubled quotes, comments, syntax errors); it reports the line a record ends on but
 * not where its cells start, so `cellStarts` finds those in the text of the record it parsed.
 *
 * The dialect: comma-separated, `"` quotes (a quote inside a quoted cell is doubled), spaces
 * around cells ignored, empty lines and lines starting with `#` skipped, a UTF-8 BOM allowed.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { BilatError } from '../errors.js';
import type { Position } from './load-document.js';
import { readTextInput, type TextKind } from './read-file.js';

export interface CsvCell extends Position {
  /** The value, unquoted and trimmed; '' for an empty cell. */
  value: string;
  /** Where the value's first character is: one past the opening quote of a quoted cell. */
  valueColumn: number;
  /** True when the value's text is as written on one line (no doubled quotes, no line break), so `valueColumn + i` is the column of its character i. */
  verbatim: boolean;
}

export interface CsvRecord extends Position {
  cells: CsvCell[];
}

export interface CsvTable {
  file: string;
  /** The first record: column names. */
  header: CsvRecord;
  rows: CsvRecord[];
}

const CSV: TextKind = {
  format: 'CSV',
  extensions: '.csv',
  needs: 'a header row naming the columns',
  tooLarge: 'split the series into several files',
  saveAsUtf8: 'save it as UTF-8; in a spreadsheet, as "CSV UTF-8 (comma delimited)"',
};

/** Read and parse a CSV file; missing, binary, empty or malformed files throw a located BilatError. */
export function readCsv(file: string, what = 'CSV file'): CsvTable {
  return parseCsv(file, readTextInput(file, what, CSV));
}

export function parseCsv(file: string, text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // csv-parse counts a CRLF twice inside quotes or in a file with mixed line ends; with one
  // kind of line end its line numbers and ours agree (columns do not move: CR ends a line).
  text = text.replace(/\r\n?/g, '\n');
  const lines = lineStarts(text);
  /** The line each record ends on, in order (skipped lines never reach on_record). */
  const ends: number[] = [];
  let values: string[][];
  try {
    values = parse(text, {
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      on_record: (record: string[], ctx) => {
        ends.push(ctx.lines);
        return record;
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw syntaxError(file, text, lines, e, ends.at(-1) ?? 0);
  }
  const records = values.map((record, r): CsvRecord => {
    // A record ends on its line in `ends`; line breaks inside quoted cells put its start earlier.
    const startLine = ends[r]! - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const starts = cellStarts(text, lines[startLine - 1] ?? 0, record.length);
    const cells = record.map((value, i): CsvCell => {
      const start = starts[i];
      if (start === undefined) return { value, line: startLine, column: 1, valueColumn: 1, verbatim: false };
      const pos = at(lines, start);
      const quoted = text[start] === '"';
      const valueColumn = pos.column + (quoted ? 1 : 0);
      return { value, ...pos, valueColumn, verbatim: !/["\n]/.test(value) && text.startsWith(value, start + (quoted ? 1 : 0)) };
    });
    return { line: startLine, column: cells[0]?.column ?? 1, cells };
  });
  const [header, ...rows] = records;
  if (!header) throw new BilatError('E_FILE_EMPTY', `CSV file is empty (it needs ${CSV.needs})`, { file, line: 1, column: 1 });
  return { file, header, rows };
}

/**
 * Offsets where the first `n` cells of the record at `from` start (after leading spaces and
 * at the opening quote of a quoted cell). The record parsed, so its quotes are balanced.
 */
export function cellStarts(text: string, from: number, n: number): number[] {
  const starts: number[] = [];
  let i = from;
  while (starts.length < n && i <= text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    starts.push(i);
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] !== '"') continue;
        if (text[i + 1] === '"') i++;
        else break;
      }
      i++;
    }
    while (i < text.length && text[i] !== ',' && text[i] !== '\n') i++;
    if (text[i] !== ',') break;
    i++;
  }
  return starts;
}

/** csv-parse's errors in our words (it names cells by 0-based index, which reads oddly). */
const SYNTAX: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  INVALID_OPENING_QUOTE: 'a quote in the middle of a cell that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a cell',
};

/** csv-parse's error, located: its line, and the cell it names when we can find it. */
function syntaxError(file: string, text: string, lines: number[], e: CsvError, lastLine: number): BilatError {
  const info = e as CsvError & { lines?: number; column?: number | string };
  const reason = SYNTAX[e.code] ?? e.message.replace(/^[^:]*: /, '').replace(/ (at|on) line \d+/g, '').replace(/,? value is .*$/, '');
  // The record that failed starts on the first line after the last good one that holds data.
  let line = lastLine + 1;
  while (line < lines.length && /^[\s,]*$|^\s*#/.test(lineText(text, lines, line))) line++;
  let cell = typeof info.column === 'number' ? cellStarts(text, lines[line - 1] ?? 0, info.column + 1)[info.column] : undefined;
  // A stray quote is more use to point at than the start of its cell.
  if (cell !== undefined && e.code === 'INVALID_OPENING_QUOTE') cell = text.indexOf('"', cell);
  const pos = cell !== undefined ? at(lines, cell) : { line: info.lines ?? line, column: 1 };
  const hint = 'quote a cell that holds a comma or a quote, and double the quotes inside it: "say ""yes"""';
  return new BilatError('E_DATA_PARSE', `CSV syntax error: ${reason} (${hint})`, { file, ...pos });
}

/** Offset of the start of each line (1-based line n starts at `starts[n - 1]`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineText(text: string, lines: number[], line: number): string {
  return text.slice(lines[line - 1] ?? text.length, (lines[line] ?? text.length + 1) - 1);
}

function at(lines: number[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo]! + 1 };
}
