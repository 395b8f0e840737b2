import { z } from 'zod';
import { Relationship } from './relationship.js';

/** The JSON Schema editors use (committed as schema/bilateral.schema.json; a test keeps it fresh). */
export function relationshipJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Relationship, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The same for version 2 files (committed as schema/bilateral.v2.schema.json). */
export async function relationshipJsonSchemaV2(): Promise<Record<string, unknown>> {
  const { RelationshipV2 } = await import('./v2/relationship-v2.js');
  return z.toJSONSchema(RelationshipV2, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
