/**
 * CSV files named under `tradeFiles`: where they are, and a document that holds their rows
 * under `trade` while still knowing where each value was written (a CSV cell, or a default in
 * the relationship file), so every rule reports a CSV value at its line in the CSV file.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { unsafeRelativePath } from '../schema/common.js';
import { parseText, type LoadedDocument, type Position } from './load-document.js';

/** Where a path under `tradeFiles` points, as shown in messages (joined to the data file's folder), or why it is refused. */
export function resolveTradeFile(dataFile: string, path: string): { file: string; shown: string } | { refused: string } {
  const unsafe = unsafeRelativePath(path);
  if (unsafe !== undefined) return { refused: unsafe };
  const folder = dirname(dataFile);
  const file = join(folder, path);
  // A symbolic link inside the folder may still lead out of it.
  let real: string | undefined;
  try {
    real = realpathSync(file);
  } catch {
    return { file, shown: file }; // missing: reported when it is read
  }
  const rel = relative(realpathSync(folder), real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { refused: `it leads out of the relationship file's folder (to ${real})` };
  // Read the resolved file, so a link swapped after this check cannot redirect the read; name
  // it in messages as the user would (beside the data file, as they gave its path).
  return { file: real, shown: file };
}

/**
 * The CSV files a relationship file names, for hashing its inputs (incremental builds). Reads
 * only what it must: a file that does not mention tradeFiles is not parsed. Paths that are
 * refused, and files that do not parse, yield nothing (the build reports them).
 */
export function referencedTradeFiles(dataFile: string, text: string): string[] {
  if (!text.includes('tradeFiles')) return [];
  let value: unknown;
  try {
    value = parseText(dataFile, text).value;
  } catch {
    return [];
  }
  const entries = (value as { tradeFiles?: unknown } | null)?.tradeFiles;
  if (!Array.isArray(entries)) return [];
  const out: string[] = [];
  for (const e of entries) {
    const path = (e as { path?: unknown } | null)?.path;
    if (typeof path !== 'string') continue;
    const r = resolveTradeFile(dataFile, path);
    if ('file' in r) out.push(r.file);
  }
  return out;
}

export interface CellOrigin extends Position {
  printed: string;
  items?: readonly Position[];
}

/** Where the values of one trade period read from a CSV row were written. */
export interface RowOrigin {
  /** The CSV file, as shown in messages. */
  file: string;
  /** The row. */
  line: number;
  column: number;
  /** Field → its cell, the text of the cell (for rules that read the printed decimals), and where each item of a list starts. */
  cells: ReadonlyMap<string, CellOrigin>;
  /** Fields taken from the tradeFiles entry, and that entry's path in the relationship file. */
  defaulted: ReadonlySet<string>;
  entry: readonly PropertyKey[];
}

/**
 * `doc` with `rows` appended to its `trade` list (after the periods written inline, which keep
 * their indices). `locate` and `printed` answer for a row's values from its CSV cell, or from
 * the default in the relationship file it was taken from.
 */
export function withTradeRows(doc: LoadedDocument, rows: readonly { value: Record<string, unknown>; origin: RowOrigin }[]): LoadedDocument {
  const root = doc.value as Record<string, unknown>;
  const inline = root.trade;
  if (rows.length === 0 || (inline !== undefined && !Array.isArray(inline))) return doc;
  const first = Array.isArray(inline) ? inline.length : 0;
  const value = { ...root, trade: [...((inline as unknown[] | undefined) ?? []), ...rows.map((r) => r.value)] };
  /** The row a path points into, the field, and the rest of the path below the field. */
  const rowAt = (path: readonly PropertyKey[]) => {
    if (path[0] !== 'trade' || typeof path[1] !== 'number' || path[1] < first) return undefined;
    const row = rows[path[1] - first];
    return row && { origin: row.origin, field: path[2] === undefined ? undefined : String(path[2]), rest: path.slice(3) };
  };
  return {
    ...doc,
    value,
    locate(path, key = false) {
      const at = rowAt(path);
      if (!at) return doc.locate(path, key);
      const { origin, field, rest } = at;
      if (field !== undefined && origin.defaulted.has(field)) return doc.locate([...origin.entry, field, ...rest], key);
      const cell = field === undefined ? undefined : origin.cells.get(field);
      const item = typeof rest[0] === 'number' ? cell?.items?.[rest[0]] : undefined;
      return { file: origin.file, ...(item ?? (cell ? { line: cell.line, column: cell.column } : { line: origin.line, column: origin.column })) };
    },
    printed(path) {
      const at = rowAt(path);
      if (!at) return doc.printed(path);
      const { origin, field, rest } = at;
      if (field === undefined) return undefined;
      if (origin.defaulted.has(field)) return doc.printed([...origin.entry, field, ...rest]);
      return rest.length === 0 ? origin.cells.get(field)?.printed : undefined;
    },
  };
}
