import type { Argv } from 'yargs';
import { loadSchemaWriter } from '../../core.js';
import type { CliIO } from '../io.js';

export const SCHEMA_FILE = 'schema/bilateral.schema.json';
export const SCHEMA_FILE_V2 = 'schema/bilateral.v2.schema.json';

export async function schemaText(version: 1 | 2 = 1): Promise<string> {
  const { relationshipJsonSchema, relationshipJsonSchemaV2 } = await loadSchemaWriter();
  return JSON.stringify(version === 2 ? await relationshipJsonSchemaV2() : relationshipJsonSchema(), null, 2) + '\n';
}

export function schemaCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'schema',
    describe: 'Print the JSON Schema of relationship files (for editors)',
    builder: (y: Argv) =>
      y
        .option('write', {
          type: 'string',
          describe: `Write it to a file instead (default ${SCHEMA_FILE}, or ${SCHEMA_FILE_V2} for version 2)`,
        })
        .option('schema-version', { type: 'number', choices: [1, 2], default: 1, describe: 'Schema of version 1 or version 2 files' })
        .example('$0 schema > bilateral.schema.json', 'save the schema'),
    handler: async (argv: { write?: string; schemaVersion: number }) => {
      const version = argv.schemaVersion === 2 ? 2 : 1;
      if (argv.write === undefined) io.out((await schemaText(version)).trimEnd());
      else {
        const file = argv.write || (version === 2 ? SCHEMA_FILE_V2 : SCHEMA_FILE);
        const { writeFileAtomic } = await loadSchemaWriter();
        await writeFileAtomic(file, await schemaText(version));
        io.out(file);
      }
      setExit(0);
    },
  };
}
