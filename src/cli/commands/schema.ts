import type { Argv } from 'yargs';
import { loadSchemaWriter } from '../../core.js';
import type { CliIO } from '../io.js';

export const SCHEMA_FILE = 'schema/bilateral.schema.json';

export async function schemaText(): Promise<string> {
  const { relationshipJsonSchema } = await loadSchemaWriter();
  return JSON.stringify(relationshipJsonSchema(), null, 2) + '\n';
}

export function schemaCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'schema',
    describe: 'Print the JSON Schema of relationship files (for editors)',
    builder: (y: Argv) =>
      y
        .option('write', { type: 'string', describe: `Write it to a file instead (default ${SCHEMA_FILE})` })
        .example('$0 schema > bilateral.schema.json', 'save the schema'),
    handler: async (argv: { write?: string }) => {
      if (argv.write === undefined) io.out((await schemaText()).trimEnd());
      else {
        const file = argv.write || SCHEMA_FILE;
        const { writeFileAtomic } = await loadSchemaWriter();
        await writeFileAtomic(file, await schemaText());
        io.out(file);
      }
      setExit(0);
    },
  };
}
