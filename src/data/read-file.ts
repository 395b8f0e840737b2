import { readFileSync, statSync } from 'node:fs';
import { BilatError } from '../errors.js';

/** Largest input bilat reads; a relationship file is a few hundred KB at most. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** What kind of text an input holds, for the wording of its errors. */
export interface TextKind {
  /** e.g. "YAML or JSON" */
  format: string;
  /** File names to suggest when a folder is given, e.g. ".yaml or .json". */
  extensions: string;
  /** What an empty file lacks, e.g. "at least the top-level keys". */
  needs: string;
  /** How to get under the size limit. */
  tooLarge: string;
  /** How to save the file as UTF-8, when that is not just "save it as UTF-8". */
  saveAsUtf8?: string;
}

const YAML_OR_JSON: TextKind = {
  format: 'YAML or JSON',
  extensions: '.yaml or .json',
  needs: 'at least the top-level keys',
  tooLarge: 'split the relationship or move series to CSV',
};

/**
 * Read a text input with one clear error for each way it can be unusable:
 * missing, a directory, too large, binary, not UTF-8, or empty.
 */
export function readTextInput(file: string, what = 'data file', kind: TextKind = YAML_OR_JSON): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      throw new BilatError('E_FILE_DIRECTORY', `is a directory, not a ${what} (name a ${kind.extensions} file inside it)`, { file });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof BilatError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BilatError('E_FILE_MISSING', `${what} not found (check the path)`, { file });
    throw new BilatError('E_FILE_READ', `cannot read ${what}: ${(e as Error).message}`, { file, cause: e });
  }
  if (size > MAX_INPUT_BYTES) {
    throw new BilatError(
      'E_FILE_TOO_LARGE',
      `${what} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB (${kind.tooLarge})`,
      { file },
    );
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new BilatError('E_FILE_READ', `cannot read ${what}: ${(e as Error).message}`, { file, cause: e });
  }
  const saveAs = kind.saveAsUtf8 ?? 'save it as UTF-8';
  // UTF-16 (what some editors and spreadsheets write as "Unicode text") is full of NUL bytes.
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new BilatError('E_FILE_BINARY', `is UTF-16 text; bilat reads UTF-8 (${saveAs})`, { file, line: 1, column: 1 });
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    const { line, column } = lineColAt(buf, nul);
    throw new BilatError('E_FILE_BINARY', `looks like a binary file (NUL byte); expected ${kind.format} text`, { file, line, column });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Point at the first byte that is not UTF-8: usually a letter from a Windows or Latin-1 export.
    const lossy = buf.toString('utf8');
    const at = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(at, 0));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new BilatError('E_FILE_BINARY', `is not valid UTF-8 text: the character at this place is in another encoding (Windows-1252 or Latin-1, most likely; ${saveAs})`, { file, line, column });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    throw new BilatError('E_FILE_EMPTY', `${what} is empty (it needs ${kind.needs})`, { file, line: 1, column: 1 });
  }
  return text;
}

function lineColAt(buf: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
