/**
 * What a brief depends on besides its data file, hashed once per build: the audience's
 * template files, the fonts, the versions of bilat and its renderers, and the options that
 * change the output. A brief's input hash combines these with the data file's bytes and those
 * of the CSV files it names (dataInputHash).
 */
import { resolveLocale } from '../templates/resolve-locale.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { readInputBytes } from '../data/read-file.js';
import { referencedTradeFiles } from '../data/trade-files.js';
import { GENERATOR, type Format, type ResolvedBuildOptions } from '../build-options.js';
import { robotoPaths } from '../render/charts/setup.js';
import { fallbackFamilies } from '../render/pdf/fallback-fonts.js';
import { fontFaces, fontPath } from '../render/pdf/fonts.js';
import { libraryVersions } from '../render/pdf/patches/versions.js';
import type { ResolvedAudience } from '../templates/resolve.js';
import { templateDirs } from '../templates/resolve.js';
import { compileAudience } from '../templates/engine.js';

const require = createRequire(import.meta.url);
/** Renderers whose upgrade can change the bytes of a brief. */
// The fallback font packages count by version: hashing ~200 MB of CJK fonts per build would not pay.
const RENDERERS = [
  'chart.js',
  '@napi-rs/canvas',
  'handlebars',
  'htmlparser2',
  ...fallbackFamilies.map((f) => `@expo-google-fonts/${f.pkg}`),
];

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The hash of a data file as an input: its bytes, and the bytes of every CSV file it names
 * under `tradeFiles`, so editing a CSV file rebuilds its briefs. A file without tradeFiles
 * hashes as its bytes alone (manifests written before CSV support stay valid).
 */
export function dataInputHash(file: string, bytes: Uint8Array): string {
  const own = sha256(bytes);
  // Most files name no CSV file: find that out without decoding or parsing them.
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('tradeFiles')) return own;
  const csv = referencedTradeFiles(file, new TextDecoder().decode(bytes));
  if (csv.length === 0) return own;
  const h = createHash('sha256').update(own);
  for (const f of csv) {
    let content: Uint8Array | string;
    try {
      content = readInputBytes(f, 'CSV file');
    } catch {
      content = '(unreadable)'; // the build reports it; nothing is recorded for a failed file
    }
    h.update('\0').update(resolve(f)).update('\0').update(content);
  }
  return h.digest('hex');
}

export interface Fingerprints {
  /** Everything shared by all briefs of the build except the audience. */
  base: string;
  /** Audience id → hash of its template, partials, stylesheets and audience.yaml. */
  audiences: Map<string, string>;
}

export function fingerprints(audiences: readonly ResolvedAudience[], opts: ResolvedBuildOptions): Fingerprints {
  const fonts = [...new Set([...fontFaces.map(fontPath), ...Object.values(robotoPaths())])].sort();
  // pdfmake, pdfkit and fontkit as pdfmake loads them: bilat patches all three (render/pdf/patches).
  const patched = Object.entries(libraryVersions()).map(([name, version]) => `${name}@${version}`);
  const versions = [...patched, ...RENDERERS.map((name) => `${name}@${packageVersion(name)}`)];
  const base = sha256(
    JSON.stringify({
      generator: GENERATOR,
      versions,
      fonts: fonts.map((f) => sha256(readFileSync(f))),
      asOf: opts.asOf,
      locale: opts.locale,
      pdfStandard: opts.pdfStandard,
      // The brief's words: its catalog files and English, the fallback of any key they lack.
      catalogs: catalogHashes(opts),
      templates: opts.templates === undefined ? null : resolve(opts.templates),
    }),
  );
  const dirs = templateDirs(opts.templates);
  const map = new Map<string, string>();
  for (const a of audiences) {
    const files = [
      a.templateFile,
      ...[...a.partials.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([, f]) => f),
      ...a.styles,
      ...a.themes,
    ];
    const meta = dirs.map((d) => join(d, a.id, 'audience.yaml')).find((f) => existsSync(f));
    if (meta) files.push(meta);
    // Images the templates show (<img src> and the audience's logo), read at compile time.
    files.push(...[...new Set(compileAudience(a).images)].sort());
    for (const f of a.fonts ?? []) files.push(...[f.regular, f.bold, f.italic, f.boldItalic].filter((x): x is string => x !== undefined));
    const h = createHash('sha256');
    // Absolute paths: the same folder written two ways (or from another cwd) is the same input.
    for (const f of files) h.update(resolve(f)).update('\0').update(readFileSync(f)).update('\0');
    map.set(a.id, h.digest('hex'));
  }
  return { base, audiences: map };
}

/** The hash a brief is recorded under: change any input and it changes. */
export function briefInputHash(fp: Fingerprints, dataHash: string, audience: string, format: Format, pageSize: string): string {
  return sha256(
    `${fp.base}|${fp.audiences.get(audience) ?? ''}|${dataHash}|${audience}|${format}|${format === 'pdf' || format === 'docx' ? pageSize : ''}`,
  );
}

function catalogHashes(opts: ResolvedBuildOptions): string[] {
  const { files } = resolveLocale(opts.locale, opts.templates);
  const english = templateDirs(opts.templates)
    .map((d) => join(d, 'locales', 'en.yaml'))
    .filter((f) => existsSync(f));
  return [...new Set([...files, ...english])].map((f) => sha256(readFileSync(f)));
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
