import type { Argv } from 'yargs';
import {
  BilatError,
  countBySeverity,
  ExitCode,
  formatDiagnostic,
  isValidIsoDay,
  loadLocales,
  loadTranslationCheck,
  loadValidator,
  todayIso,
  type Diagnostic,
} from '../../core.js';
import type { ValidationResult } from '../../index.js';
import { paint, type CliIO } from '../io.js';

export interface ValidateArgs {
  files: string[];
  strict: boolean;
  json: boolean;
  asOf?: string;
  /** Also warn about each free text without a translation into these languages. */
  locale?: string[];
}

export function validateCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'validate <files..>',
    describe: 'Check relationship files against the schema and the semantic rules',
    builder: (y: Argv) =>
      y
        .positional('files', {
          type: 'string',
          array: true,
          describe: 'Relationship files, folders (their *.yaml, *.yml, *.json) or quoted glob patterns, as build takes them',
        })
        .option('strict', { type: 'boolean', default: false, describe: 'Treat warnings as errors' })
        .option('json', { type: 'boolean', default: false, describe: 'Print diagnostics as JSON' })
        .option('as-of', { type: 'string', describe: 'Date rules are relative to this day (YYYY-MM-DD, default today)' })
        .option('locale', {
          alias: 'l',
          type: 'string',
          array: true,
          describe: 'Also warn, located, about each free text with no translation into this language (ru, az…; several as ru,az)',
        })
        .example('$0 validate data/az-kg.yaml --locale ru', 'which texts the Russian brief would show in English')
        .example('$0 validate data/az-kg.yaml', 'validate the demo relationship')
        .example('$0 validate data/*.yaml --strict --as-of 2022-01-01', 'fail on warnings too')
        .example('$0 validate data/', 'every data file in a folder'),
    handler: async (argv: ValidateArgs) => {
      const [{ validateFile, expandInputs }, { missingTranslations }, { resolveLocale }] = await Promise.all([
        loadValidator(),
        loadTranslationCheck(),
        loadLocales(),
      ]);
      // An unknown language is a usage error before any file is read.
      const languages = (argv.locale ?? [])
        .flatMap((l) => String(l).split(','))
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => resolveLocale(l).language);
      // The same inputs as build: a folder or a pattern checks every data file it holds.
      const files = await expandInputs(argv.files.map(String));
      const check: typeof validateFile = (file, asOf) => {
        const r = validateFile(file, asOf);
        const extra = languages.flatMap((l) => missingTranslations(r, l));
        return extra.length ? { ...r, diagnostics: [...r.diagnostics, ...extra] } : r;
      };
      setExit(runValidate(io, { ...argv, files }, check));
    },
  };
}

export function parseAsOf(value: string | undefined): string {
  if (value === undefined) return todayIso();
  if (!isValidIsoDay(value)) throw new BilatError('E_USAGE', `--as-of "${value}" is not a valid date (use YYYY-MM-DD)`);
  return value;
}

export function runValidate(io: CliIO, argv: ValidateArgs, validateFile: (file: string, asOf: string) => ValidationResult): number {
  const asOf = parseAsOf(argv.asOf);
  const all: Diagnostic[] = [];
  for (const file of argv.files) all.push(...validateFile(String(file), asOf).diagnostics);
  const diags = argv.strict ? all.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : all;
  const { errors, warnings } = countBySeverity(diags);
  if (argv.json) {
    io.out(JSON.stringify({ asOf, files: argv.files, errors, warnings, diagnostics: diags }, null, 2));
  } else {
    for (const d of diags) {
      const line = formatDiagnostic(d);
      io.out(
        d.severity === 'error'
          ? line.replace('  error  ', `  ${paint(io, 31, 'error')}  `)
          : line.replace('  warning  ', `  ${paint(io, 33, 'warning')}  `),
      );
    }
    const n = argv.files.length;
    const summary = `${n} file${n === 1 ? '' : 's'} checked (as of ${asOf}): ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    io.out(errors ? paint(io, 31, `✖ ${summary}`) : paint(io, 32, `✔ ${summary}`));
  }
  return errors ? ExitCode.InvalidInput : ExitCode.Ok;
}
