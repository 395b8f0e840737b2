import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { BilatError } from '../../../core.js';
import type { BuildOptions } from '../../../index.js';
import { parseAsOf } from '../validate.js';

/** `bilat build`'s arguments as yargs parses them (see `defineBuildArgs`). */
export interface BuildArgs {
  data: string[];
  audience?: string[];
  format?: string[];
  out: string;
  asOf?: string;
  templates?: string;
  locale?: string[];
  pageSize: string;
  pdfStandard: 'ua1-a2' | 'none';
  concurrency?: number;
  incremental: boolean;
  quiet: boolean;
  json: boolean;
  watch: boolean;
  serve: boolean;
  port?: number;
  debug: boolean;
  strict: boolean;
}

/** The port of --serve without --port. */
export const DEFAULT_PREVIEW_PORT = 4610;

/** The positional, options and examples of `bilat build`: what yargs parses and `--help` shows. */
export function defineBuildArgs(y: Argv) {
  return y
    .positional('data', {
      type: 'string',
      array: true,
      describe: 'Relationship files, folders (their *.yaml, *.yml, *.json) or quoted glob patterns',
    })
    .option('audience', {
      alias: 'a',
      type: 'string',
      array: true,
      describe: 'executive, analyst, public, a custom one, or all (default all)',
    })
    .option('format', {
      alias: 'f',
      type: 'string',
      array: true,
      describe: 'html, pdf, docx or a list such as html,pdf (default html and pdf)',
    })
    .option('out', { alias: 'o', type: 'string', default: 'output', describe: 'Output folder' })
    .option('as-of', { type: 'string', describe: 'Date the brief is as of (YYYY-MM-DD, default today)' })
    .option('templates', { type: 'string', describe: 'Folder with template overrides (partials or whole audiences)' })
    .option('locale', {
      alias: 'l',
      type: 'string',
      array: true,
      describe:
        'Language of the briefs: en, ru, az (or a catalog of yours), several as ru,az; en-US etc. for regional dates and numbers (default en-GB). Other languages add .<lang> to file names',
    })
    .option('page-size', {
      type: 'string',
      choices: ['a4', 'letter'],
      coerce: (v: string) => String(v).toLowerCase(),
      default: 'a4',
      describe: 'PDF page size (A4 or Letter)',
    })
    .option('pdf-standard', {
      type: 'string',
      choices: ['ua1-a2', 'none'] as const,
      default: 'ua1-a2' as const,
      describe: 'Tagged PDF/UA-1 + PDF/A-2a, or none (untagged, as before)',
    })
    .option('concurrency', {
      alias: 'j',
      type: 'number',
      describe: `Files rendered at once on worker threads (default the number of cores, here ${availableParallelism()})`,
    })
    .option('incremental', {
      type: 'boolean',
      default: false,
      describe: 'Skip briefs whose data, templates, fonts, bilat version and options are unchanged (manifest in <out>/.bilat/)',
    })
    .option('strict', {
      type: 'boolean',
      default: false,
      describe: 'Template warnings (unknown fields, HTML the PDF cannot draw) fail the build',
    })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress, no per-file lines: only problems' })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print a machine-readable summary on stdout (with --watch, one line per build)',
    })
    .option('watch', {
      alias: 'w',
      type: 'boolean',
      default: false,
      describe: 'Rebuild what changed whenever a data file, CSV series or template changes, until Ctrl-C',
    })
    .option('serve', {
      type: 'boolean',
      default: false,
      describe: 'Watch, and preview the briefs at http://127.0.0.1:<port>/, each reloaded after a rebuild rewrote it',
    })
    .option('port', { type: 'number', describe: `Port of --serve (default ${DEFAULT_PREVIEW_PORT}; 0 picks a free one)` })
    .example('$0 build data/az-kg.yaml', 'all audiences, HTML and PDF, into output/')
    .example('$0 build data/az-kg.yaml -a executive -f pdf --as-of 2026-11-22', 'one PDF')
    .example('$0 build data/ "more/**/*.yaml" -j 2 --incremental', 'a folder and a pattern on two threads, skipping what is up to date')
    .example('$0 build data/az-kg.yaml -a analyst -f html --templates my-templates --watch', 'rebuild the analyst HTML on every save')
    .example('$0 build data/az-kg.yaml --locale ru,az', 'briefs in Russian and Azerbaijani: az-kg-analyst.ru.pdf, az-kg-analyst.az.pdf…')
    .example('$0 build data/az-kg.yaml -a analyst --serve', 'the same, previewed in a browser that reloads it (--port to choose)');
}

const split = (xs: string[] | undefined) =>
  xs
    ?.flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * What the arguments ask for: the build's options, and the preview's port (undefined without
 * --serve). Checks what yargs cannot, in this order, with an E_USAGE error: --format, --concurrency,
 * --as-of, then --port.
 */
export function resolveBuildArgs(argv: BuildArgs): { options: BuildOptions; port: number | undefined } {
  const formats = split(argv.format);
  for (const f of formats ?? [])
    if (f !== 'html' && f !== 'pdf' && f !== 'docx') throw new BilatError('E_USAGE', `--format "${f}" is not html, pdf or docx`);
  const concurrency = argv.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new BilatError('E_USAGE', `--concurrency must be a whole number ≥ 1, got ${argv.concurrency}`);
  const audiences = split(argv.audience);
  const options: BuildOptions = {
    data: argv.data.map(String),
    audiences: audiences?.includes('all') ? undefined : audiences,
    formats: formats as ('html' | 'pdf' | 'docx')[] | undefined,
    out: argv.out,
    asOf: parseAsOf(argv.asOf),
    templates: argv.templates,
    locale: split(argv.locale),
    pageSize: argv.pageSize.toUpperCase() as 'A4' | 'LETTER',
    pdfStandard: argv.pdfStandard,
    expand: true,
    concurrency,
    incremental: argv.incremental,
    keepGoing: true,
    strict: argv.strict,
  };
  return { options, port: servePort(argv) };
}

/** The preview's port: --port, else the default; undefined without --serve. */
function servePort(argv: Pick<BuildArgs, 'serve' | 'port'>): number | undefined {
  if (!argv.serve) {
    if (argv.port !== undefined) throw new BilatError('E_USAGE', '--port goes with --serve');
    return undefined;
  }
  const n = argv.port ?? DEFAULT_PREVIEW_PORT;
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new BilatError('E_USAGE', '--port takes a whole number from 0 to 65535 (0 picks a free port)');
  return n;
}
