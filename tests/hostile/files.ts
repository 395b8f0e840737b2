/**
 * Hostile inputs on disk: text in odd encodings, FIFOs, links to devices, and the seed of
 * valid files every generated case starts from.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export type Encoding = 'utf8' | 'bom' | 'crlf' | 'utf16le' | 'utf16be' | 'latin1';

/** A file of a case: text (with an encoding), raw bytes, a FIFO, or a link to a device. */
export type FileSpec =
  | { path: string; text: string; encoding?: Encoding }
  | { path: string; bytes: Buffer }
  | { path: string; fifo: true }
  | { path: string; link: string };

/** Bytes of `text` as an unlucky editor might save it. */
export function encode(text: string, encoding: Encoding = 'utf8'): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'crlf':
      return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'latin1':
      // What a Windows-1252 editor writes for "é": one byte, not valid UTF-8.
      return Buffer.from(text.replace(/e/, 'é'), 'latin1');
  }
}

export function writeCaseFiles(dir: string, files: readonly FileSpec[]): void {
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    if ('text' in f) writeFileSync(path, encode(f.text, f.encoding));
    else if ('bytes' in f) writeFileSync(path, f.bytes);
    else if ('fifo' in f) {
      const r = spawnSync('mkfifo', [path]);
      if (r.status !== 0) throw new Error(`mkfifo ${path} failed: ${r.stderr}`);
    } else symlinkSync(f.link, path);
  }
}

/** A valid relationship file (synthetic), the start of every data case. */
export const BASE_DATA = readFileSync(join(ROOT, 'tests/fixtures/relationships/mn-rs-synthetic.yaml'), 'utf8');

/** A valid relationship that reads its later trade periods from a CSV file. */
export const BASE_CSV_DATA = readFileSync(join(ROOT, 'tests/fixtures/trade-csv/mn-rs-csv.yaml'), 'utf8');
export const BASE_CSV = readFileSync(join(ROOT, 'tests/fixtures/trade-csv/trade/mn-rs.csv'), 'utf8');

/** A valid scheduler config whose job builds data/pair.yaml. */
export const BASE_CONFIG = `jobs:
  - name: weekly
    cron: "0 7 * * MON"
    timezone: Europe/Berlin
    data: [data/pair.yaml]
    audiences: [analyst]
    out: "output/{job}/{date}"
    keep: 4
    retries: 1
    timeout: 10m
`;

/** A custom audience that extends the shipped layout; BODY is replaced by each case's markup. */
export const BASE_TEMPLATE = `{{#> layout}}
  {{#*inline "body"}}
  {{> key-figures}}
  BODY
  {{> timeline}}
  {{/inline}}
{{/layout}}
`;

/** `n` lines of a licence banner in a file's comment syntax. */
export function banner(n: number, comment: (line: string) => string): string {
  return (
    Array.from({ length: n }, (_, i) => comment(`Copyright line ${i + 1}: licensed under terms nobody reads`)).join('\n') +
    (n > 0 ? '\n' : '')
  );
}

/** Terminal escapes a hostile value may carry: retitle, clear, overwrite the line. */
export const ESCAPES = ['\u001b]0;pwned\u0007', '\u001b[2J', '\rFAKE: all good', '\u001b[31m', '\u009b1m', '\u0000'];

/** YAML double-quoted form of a string with control characters (\e, \a, \r …). */
export function yamlQuoted(s: string): string {
  return `"${[...s]
    .map((c) => {
      const cp = c.codePointAt(0)!;
      if (c === '"' || c === '\\') return `\\${c}`;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return `\\x${cp.toString(16).padStart(2, '0')}`;
      return c;
    })
    .join('')}"`;
}
