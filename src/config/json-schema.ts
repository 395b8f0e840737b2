import { z } from 'zod';
import { BilatConfig } from './schema.js';

export const CONFIG_SCHEMA_FILE = 'schema/bilat-config.schema.json';

/** JSON Schema of `bilat.config.yaml` for editors (committed; a test keeps it fresh). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(BilatConfig, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'bilat config', description: 'bilat.config.yaml: scheduled briefs (bilat schedule, bilat jobs).' };
}

export function configSchemaText(): string {
  return JSON.stringify(configJsonSchema(), null, 2) + '\n';
}
