import type { Argv } from 'yargs';
import type { CliIO } from '../io.js';
import { parseAsOf } from './validate.js';

export interface BuildArgs {
  data: string[];
  audience?: string[];
  format?: string[];
  out: string;
  asOf?: string;
  templates?: string;
  locale: string;
  pageSize: string;
}

const split = (xs: string[] | undefined) => xs?.flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);

export function buildCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'build <data..>',
    describe: 'Render briefs (HTML and PDF) for each audience',
    builder: (y: Argv) =>
      y
        .positional('data', { type: 'string', array: true, describe: 'Relationship files' })
        .option('audience', { alias: 'a', type: 'string', array: true, describe: 'executive, analyst, public, a custom one, or all (default all)' })
        .option('format', { alias: 'f', type: 'string', array: true, describe: 'html, pdf or html,pdf (default both)' })
        .option('out', { alias: 'o', type: 'string', default: 'output', describe: 'Output folder' })
        .option('as-of', { type: 'string', describe: 'Date the brief is as of (YYYY-MM-DD, default today)' })
        .option('templates', { type: 'string', describe: 'Folder with template overrides (partials or whole audiences)' })
        .option('locale', { type: 'string', default: 'en-GB', describe: 'Locale for dates and numbers' })
        .option('page-size', { type: 'string', choices: ['a4', 'letter', 'A4', 'LETTER'], default: 'a4', describe: 'PDF page size' })
        .example('$0 build data/az-kg.yaml', 'all audiences, HTML and PDF, into output/')
        .example('$0 build data/az-kg.yaml -a executive -f pdf --as-of 2026-11-22', 'one PDF'),
    handler: async (argv: BuildArgs) => {
      const { buildBriefs, BilatError, formatDiagnostic } = await import('../../index.js');
      const formats = split(argv.format);
      for (const f of formats ?? []) if (f !== 'html' && f !== 'pdf') throw new BilatError('E_USAGE', `--format "${f}" is not html or pdf`);
      const audiences = split(argv.audience);
      const result = await buildBriefs({
        data: argv.data.map(String),
        audiences: audiences?.includes('all') ? undefined : audiences,
        formats: formats as ('html' | 'pdf')[] | undefined,
        out: argv.out,
        asOf: parseAsOf(argv.asOf),
        templates: argv.templates,
        locale: argv.locale,
        pageSize: argv.pageSize.toUpperCase() as 'A4' | 'LETTER',
      });
      for (const d of result.diagnostics) io.err(formatDiagnostic(d));
      for (const f of result.files) io.out(f);
      setExit(0);
    },
  };
}
