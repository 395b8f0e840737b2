import { z } from 'zod';
import { Relationship } from './relationship.js';

/** The JSON Schema editors use (committed as schema/bilateral.schema.json; a test keeps it fresh). */
export function relationshipJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Relationship, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
