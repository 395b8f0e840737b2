import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
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

/** Bytes written the way people read them: 10,485,761 bytes. */
export function formatBytes(n: number): string {
  return `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}`;
}

function tooLarge(file: string, what: string, size: string, kind: TextKind): BilatError {
  const limit = `${MAX_INPUT_BYTES / 1024 / 1024} MB, ${formatBytes(MAX_INPUT_BYTES)}`;
  return new BilatError('E_FILE_TOO_LARGE', `${what} is ${size}; the limit is ${limit} (${kind.tooLarge})`, { file });
}

/** A device, FIFO or socket gives endless or blocking bytes and a size of 0: name it, read nothing. */
function notRegular(st: Stats, file: string, what: string, kind: TextKind): BilatError | undefined {
  if (st.isDirectory()) {
    return new BilatError('E_FILE_DIRECTORY', `is a directory, not a ${what} (name a ${kind.extensions} file inside it)`, { file });
  }
  if (st.isFile()) return undefined;
  const is = st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a file';
  return new BilatError('E_FILE_READ', `is ${is}, not a regular file; bilat reads a ${what} only from a regular file (save the ${kind.format} text to a file and name that)`, { file });
}

/**
 * The bytes of an input that must be a regular file, at most MAX_INPUT_BYTES of them. The
 * limit is enforced while reading, so a file that grows after the size check is still refused.
 */
export function readInputBytes(file: string, what = 'data file', kind: TextKind = YAML_OR_JSON): Buffer {
  const fail = (e: unknown): never => {
    if (e instanceof BilatError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BilatError('E_FILE_MISSING', `${what} not found (check the path)`, { file });
    throw new BilatError('E_FILE_READ', `cannot read ${what}: ${(e as Error).message}`, { file, cause: e });
  };
  let fd: number | undefined;
  try {
    // stat first so a device is refused before it is even opened (opening some has effects).
    const refused = notRegular(statSync(file), file, what, kind);
    if (refused) throw refused;
    // O_NONBLOCK: a path swapped for a FIFO would otherwise block open() until a writer comes.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    const swapped = notRegular(st, file, what, kind);
    if (swapped) throw swapped;
    if (st.size > MAX_INPUT_BYTES) throw tooLarge(file, what, formatBytes(st.size), kind);
    // Read to one byte past the limit at most: a file that grew after fstat is still refused.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, 65536), MAX_INPUT_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_INPUT_BYTES) throw tooLarge(file, what, `more than ${formatBytes(MAX_INPUT_BYTES)}`, kind);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    return fail(e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Templates, partials, styles and audience files: text a user may replace, read under the same guard. */
export const TEMPLATE_TEXT: TextKind = {
  format: 'template',
  extensions: '.hbs, .css or .yaml',
  needs: 'some text',
  tooLarge: 'split it into partials',
};

/**
 * Read a text input with one clear error for each way it can be unusable:
 * missing, a directory or device, too large, binary, not UTF-8, or empty.
 */
export function readTextInput(file: string, what = 'data file', kind: TextKind = YAML_OR_JSON): string {
  const buf = readInputBytes(file, what, kind);
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
  if (onlyCommentsOrBlank(text)) {
    throw new BilatError('E_FILE_EMPTY', `${what} is empty (it needs ${kind.needs})`, { file, line: 1, column: 1 });
  }
  return text;
}

/** True when every line is blank or a `#` comment; a scan, not a regex, so a long banner costs linear time. */
export function onlyCommentsOrBlank(text: string): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) return false;
    start = end + 1;
  }
  return true;
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
