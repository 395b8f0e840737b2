import { isScalar, isMap, isSeq, parseDocument, type Document, type Scalar } from 'yaml';
import { BilatError } from '../errors.js';

/** The JSON Schema editors use for version 2 files, beside the version 1 one. */
export const V1_SCHEMA_NAME = 'bilateral.schema.json';
export const V2_SCHEMA_NAME = 'bilateral.v2.schema.json';

export interface Migration {
  /** The file as version 2. */
  text: string;
  /** What the migration left for a person to decide, one line each (printed on stderr). */
  advice: string[];
}

/**
 * A version 1 relationship file as version 2. Version 2 accepts every v1 field as it is, so
 * the only edits are `schemaVersion` and the schema reference. The `yaml` Document API finds
 * the nodes and their source ranges; the edits are spliced into the text at those ranges, so
 * every other byte (comments, key order, quoting, folded text, blank lines) stays as written —
 * re-printing the document would refold long folded scalars.
 */
export function migrateV1Text(file: string, text: string): Migration {
  if (/\.json$/i.test(file)) return migrateJson(file, text);
  const doc = parseDocument(text);
  const bad = doc.errors[0];
  if (bad)
    throw new BilatError('E_DATA_PARSE', `cannot migrate: ${bad.message.split('\n')[0]}`, {
      file,
      line: bad.linePos?.[0]?.line,
      column: bad.linePos?.[0]?.col,
    });
  if (!isMap(doc.contents))
    throw new BilatError('E_DATA_INVALID', 'cannot migrate: the file is not a mapping of relationship fields', { file });
  const version = doc.get('schemaVersion', true);
  checkVersion(
    file,
    isScalar(version) ? version.value : undefined,
    version && isScalar(version) ? lineOf(text, version.range?.[0]) : undefined,
  );
  const edits: Edit[] = [];
  const [vStart, vEnd] = (version as Scalar).range!;
  edits.push({ start: vStart, end: vEnd, text: '2' });
  // The editor hint (`# yaml-language-server: $schema=…`) sits in the comments before the first key.
  const head = doc.contents.range[0];
  const renamedHead = renameSchema(text.slice(0, head))!;
  if (renamedHead !== text.slice(0, head)) edits.push({ start: 0, end: head, text: renamedHead });
  const ref = doc.get('$schema', true);
  if (isScalar(ref) && typeof ref.value === 'string' && ref.range) {
    const [start, end] = ref.range;
    edits.push({ start, end, text: renameSchema(text.slice(start, end))! });
  }
  return { text: splice(text, edits), advice: advise(doc) };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function splice(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function migrateJson(file: string, text: string): Migration {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new BilatError('E_DATA_PARSE', `cannot migrate: ${(e as Error).message}`, { file });
  }
  checkVersion(file, value?.schemaVersion, undefined);
  value.schemaVersion = 2;
  if (typeof value.$schema === 'string') value.$schema = renameSchema(value.$schema);
  const indent = /^\{\n( +)"/.exec(text)?.[1]?.length ?? 2;
  return { text: JSON.stringify(value, null, indent) + '\n', advice: [] };
}

function checkVersion(file: string, version: unknown, line: number | undefined): void {
  if (version === 1) return;
  if (version === 2) throw new BilatError('E_USAGE', 'the file is already schemaVersion 2; nothing to migrate', { file, line });
  throw new BilatError(
    'E_DATA_INVALID',
    `cannot migrate schemaVersion ${JSON.stringify(version ?? null)}: only version 1 files migrate to 2 (set schemaVersion: 1 if it is a version 1 relationship)`,
    { file, line },
  );
}

function renameSchema(s: string | null | undefined): string | undefined {
  return s == null ? undefined : s.replaceAll(V1_SCHEMA_NAME, V2_SCHEMA_NAME);
}

function lineOf(text: string, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
}

/** What version 2 can say better than the v1 file did; left to the writer, never guessed. */
function advise(doc: Document): string[] {
  const out: string[] = [];
  const orgs = doc.get('organizations', true);
  if (isSeq(orgs))
    orgs.items.forEach((o, i) => {
      if (isMap(o) && o.get('kind') === 'bilateral-body')
        out.push(
          `organizations[${i}] (${String(o.get('id'))}) is a bilateral body: version 2 lists those under mechanisms (with sessions and co-chairs); move it by hand and point engagements at it with mechanism:`,
        );
    });
  return out;
}
