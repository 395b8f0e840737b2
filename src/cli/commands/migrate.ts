import type { Argv } from 'yargs';
import { BilatError, ExitCode, loadMigrator } from '../../core.js';
import type { CliIO } from '../io.js';

export interface MigrateArgs {
  file: string;
  write?: boolean;
  out?: string;
}

export function migrateCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'migrate <file>',
    describe: 'Rewrite a version 1 relationship file as version 2 (comments and layout kept)',
    builder: (y: Argv) =>
      y
        .positional('file', { type: 'string', describe: 'A version 1 relationship file (.yaml, .yml or .json)' })
        .option('write', { type: 'boolean', describe: 'Replace the file (atomically) instead of printing' })
        .option('out', { type: 'string', describe: 'Write the version 2 file here instead of printing' })
        .conflicts('write', 'out')
        .example('$0 migrate data/az-kg.yaml', 'print the file as version 2')
        .example('$0 migrate data/az-kg.yaml --out data/az-kg.v2.yaml', 'write it beside'),
    handler: async (argv: MigrateArgs) => {
      const { migrateV1Text, readTextInput, writeFileAtomic } = await loadMigrator();
      const file = String(argv.file);
      const { text, advice } = migrateV1Text(file, readTextInput(file));
      for (const line of advice) io.err(`${file}: note: ${line}`);
      const target = argv.write ? file : argv.out;
      if (target === undefined) io.out(text.replace(/\n$/, ''));
      else {
        if (target === '') throw new BilatError('E_USAGE', '--out needs a file name');
        await writeFileAtomic(target, text);
        io.err(`${target}: written as schemaVersion 2`);
      }
      setExit(ExitCode.Ok);
    },
  };
}
