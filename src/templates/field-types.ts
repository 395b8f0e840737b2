/** The shape of the view model as templates see it (generated from its TypeScript types). */
export interface FieldNode {
  type: 'object' | 'array' | 'record' | 'string' | 'number' | 'boolean' | 'unknown';
  /** Object fields by name. */
  fields?: Record<string, FieldNode>;
  /** Element type of an array, value type of a record. */
  of?: FieldNode;
  /** A string restricted to these values. */
  values?: string[];
  optional?: boolean;
  /** The field's doc comment in view-types.ts. */
  doc?: string;
}
