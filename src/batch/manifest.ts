/**
 * The incremental-build manifest, `<out>/.bilat/manifest.json`: for each output (keyed by its
 * path inside `out`), the data file and brief it came from, the hash of everything it was made
 * from, and its size, mtime and sha256 as written. A brief is skipped only when its input hash
 * matches and the file on disk is still the one recorded.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { BilatError } from '../errors.js';
import type { Format } from '../build-options.js';
import { writeFileAtomic } from '../write/atomic.js';
import { sha256 } from './fingerprint.js';
import type { WrittenBrief } from './types.js';

const VERSION = 1;

export interface ManifestEntry {
  /** The data file, absolute. */
  data: string;
  audience: string;
  format: Format;
  /** See briefInputHash. */
  input: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface Manifest {
  version: typeof VERSION;
  briefs: Record<string, ManifestEntry>;
}

export const manifestPath = (out: string): string => join(out, '.bilat', 'manifest.json');

const entrySchema = z.object({
  data: z.string(),
  audience: z.string(),
  format: z.enum(['html', 'pdf', 'docx']),
  input: z.string(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  sha256: z.string(),
});
const manifestSchema = z.object({ version: z.literal(VERSION), briefs: z.record(z.string(), entrySchema) });

const warning = (out: string, message: string): Diagnostic => ({
  severity: 'warning',
  rule: 'manifest-damaged',
  file: manifestPath(out),
  line: 0,
  column: 0,
  path: '',
  message,
  hint: 'nothing to do: this build writes a new one',
});

/**
 * The recorded manifest; an empty one when there is none (a first build), or when it cannot be
 * used, with a warning that says why and that every brief is rebuilt.
 */
export function loadManifest(out: string): { manifest: Manifest; problems: Diagnostic[] } {
  const empty = (): Manifest => ({ version: VERSION, briefs: {} });
  let text: string;
  try {
    text = readFileSync(manifestPath(out), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: empty(), problems: [] };
    return {
      manifest: empty(),
      problems: [warning(out, `incremental-build manifest unreadable (${(e as Error).message}); recovered: rebuilding every brief`)],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      manifest: empty(),
      problems: [
        warning(out, `incremental-build manifest is damaged (not JSON: ${(e as Error).message}); recovered: rebuilding every brief`),
      ],
    };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : VERSION;
    const other = typeof version === 'number' && version !== VERSION;
    const why = other ? 'written by another version of bilat' : `damaged (${issue.message}${at})`;
    return { manifest: empty(), problems: [warning(out, `incremental-build manifest is ${why}; recovered: rebuilding every brief`)] };
  }
  return { manifest: parsed.data as Manifest, problems: [] };
}

/** The recorded manifest, or an empty one when there is none or it cannot be used (see loadManifest). */
export function readManifest(out: string): Manifest {
  return loadManifest(out).manifest;
}

/**
 * Writes the manifest. A failure is returned as an error diagnostic, not thrown: the briefs are
 * in place, and the summary must still say so; the old manifest stays, whose stale entries
 * only mean those briefs are rebuilt next time.
 */
export async function writeManifest(out: string, m: Manifest): Promise<Diagnostic[]> {
  const sorted = Object.fromEntries(Object.entries(m.briefs).sort(([a], [b]) => a.localeCompare(b)));
  try {
    await writeFileAtomic(manifestPath(out), `${JSON.stringify({ version: m.version, briefs: sorted }, null, 1)}\n`);
    return [];
  } catch (e) {
    const message = e instanceof BilatError ? e.message : String(e);
    return [
      {
        severity: 'error',
        rule: 'manifest-write',
        code: 'E_WRITE',
        file: manifestPath(out),
        line: 0,
        column: 0,
        path: '',
        message,
        hint: 'the briefs listed were written; the next --incremental build rebuilds them',
      },
    ];
  }
}

const outKey = (out: string, path: string): string => relative(out, path).split(sep).join('/');
const lookupKey = (data: string, audience: string, format: string): string => `${data}\0${audience}\0${format}`;

/** Finds entries by the brief they record, and tells whether an output is still as recorded. */
export class ManifestIndex {
  private readonly byBrief = new Map<string, string>();

  constructor(
    private readonly out: string,
    readonly manifest: Manifest,
  ) {
    for (const [key, e] of Object.entries(manifest.briefs)) this.byBrief.set(lookupKey(e.data, e.audience, e.format), key);
  }

  /** The output path of this brief if it is up to date, else undefined. */
  upToDate(data: string, audience: string, format: Format, input: string): string | undefined {
    const key = this.byBrief.get(lookupKey(data, audience, format));
    const e = key === undefined ? undefined : this.manifest.briefs[key];
    if (key === undefined || e === undefined || e.input !== input) return undefined;
    const path = join(this.out, key);
    let st;
    try {
      st = statSync(path);
    } catch {
      return undefined;
    }
    if (!st.isFile() || st.size !== e.size) return undefined;
    if (st.mtimeMs !== e.mtimeMs) {
      // Touched or copied: trust the bytes, not the clock.
      if (sha256(readFileSync(path)) !== e.sha256) return undefined;
      e.mtimeMs = st.mtimeMs;
    }
    return path;
  }

  /** Records what a build just wrote; an entry for the same brief under another path goes. */
  record(data: string, brief: WrittenBrief, input: string): void {
    const lk = lookupKey(data, brief.audience, brief.format);
    const old = this.byBrief.get(lk);
    if (old !== undefined) delete this.manifest.briefs[old];
    const key = outKey(this.out, brief.path);
    const displaced = this.manifest.briefs[key];
    if (displaced) this.byBrief.delete(lookupKey(displaced.data, displaced.audience, displaced.format));
    this.manifest.briefs[key] = {
      data,
      audience: brief.audience,
      format: brief.format,
      input,
      size: brief.size,
      mtimeMs: brief.mtimeMs,
      sha256: brief.sha256 ?? '',
    };
    this.byBrief.set(lk, key);
  }
}
