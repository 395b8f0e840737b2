import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { BilatError } from '../errors.js';
import { readTextInput } from './read-file.js';
import { checkFlowDepth, checkTokenBudget, deepestLine, tooDeep } from './token-budget.js';

export interface Position {
  line: number;
  column: number;
  /** Set when the value was read from another file than the document's own (a CSV file under tradeFiles). */
  file?: string;
}

/** A parsed input with the source position of every node, for located diagnostics. */
export interface LoadedDocument {
  file: string;
  text: string;
  value: unknown;
  /**
   * Position of the value at `path` (or of its key when `key` is true). Falls back to the
   * nearest ancestor that exists, so a missing field points at the object that lacks it.
   */
  locate(path: readonly PropertyKey[], key?: boolean): Position;
  /** The scalar at `path` exactly as written (`4.0` stays "4.0"), for rounding rules. */
  printed(path: readonly PropertyKey[]): string | undefined;
}

/** Load YAML or JSON (JSON is parsed by the YAML 1.2 parser too, which keeps positions). */
export function loadDocument(file: string, what = 'data file'): LoadedDocument {
  const text = readTextInput(file, what);
  return parseText(file, text);
}

export function parseText(file: string, text: string): LoadedDocument {
  try {
    return parseChecked(file, text);
  } catch (e) {
    // The parser and the walks after it recurse once per level: block nesting past the stack.
    if (e instanceof RangeError && /call stack/.test(e.message)) throw tooDeep(file, text, deepestLine(text));
    throw e;
  }
}

function parseChecked(file: string, text: string): LoadedDocument {
  // The YAML parser accepts things JSON does not (`"pair": }` reads as null): hold .json to JSON.
  if (/\.json$/i.test(file)) checkJsonSyntax(file, text);
  checkTokenBudget(file, text);
  checkFlowDepth(file, text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first) {
    // Block collections nested past the parser's stack (flow ones are stopped by checkFlowDepth).
    if (/Maximum call stack size exceeded/.test(first.message)) throw tooDeep(file, text, deepestLine(text));
    const pos = lineCounter.linePos(first.pos[0]);
    const msg = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new BilatError('E_DATA_PARSE', `syntax error: ${msg}`, { file, line: pos.line, column: pos.col });
  }
  rejectTags(file, text, doc, lineCounter);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new BilatError('E_DATA_PARSE', `cannot read document: ${(e as Error).message}`, { file, line: 1, column: 1 });
  }
  const at = (offset: number | undefined): Position => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  rejectCollectionKeys(file, doc.contents as Node | null, at);
  return {
    file,
    text,
    value,
    locate: (path, key = false) => locateIn(doc, path, key, at),
    printed: (path) => {
      const n = nodeAt(doc, path).node;
      return isScalar(n) && typeof n.source === 'string' ? n.source : undefined;
    },
  };
}

/** The node at `path`, or the deepest ancestor that exists, with the key node that led to it. */
function nodeAt(doc: Document, path: readonly PropertyKey[]): { node: Node | null; keyNode: Node | null; complete: boolean } {
  let node: Node | null = doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const seg of path) {
    keyNode = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { node, keyNode, complete: false };
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return { node, keyNode, complete: false };
      node = item;
    } else {
      return { node, keyNode, complete: false };
    }
  }
  return { node, keyNode, complete: true };
}

function locateIn(doc: Document, path: readonly PropertyKey[], key: boolean, at: (o?: number) => Position): Position {
  const { node, keyNode } = nodeAt(doc, path);
  const target = key && keyNode ? keyNode : node;
  return at(target?.range?.[0]);
}

const CORE = 'tag:yaml.org,2002:';
/** The tags of plain YAML values; others (!!js/function, !!binary, !!timestamp, !custom) ask for something bilat does not do. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE + t));

/** An explicit tag bilat cannot honour is an error at the tag, never a value silently read as text. */
function rejectTags(file: string, text: string, doc: Document, lineCounter: LineCounter): void {
  const shown = (tag: string) => (tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag);
  const fail = (offset: number, message: string): never => {
    const p = lineCounter.linePos(offset);
    throw new BilatError('E_DATA_PARSE', message, { file, line: p.line, column: p.col });
  };
  const advice = 'remove the tag and write the value as plain text, a number, true/false, a list or a mapping';
  const unresolved = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unresolved) {
    const tag = /^Unresolved tag: (.*)$/.exec(unresolved.message)?.[1] ?? '';
    const why = PLAIN_TAGS.has(tag) ? `the value does not fit the tag ${shown(tag)}` : `unknown YAML tag ${shown(tag)}: bilat reads plain values only`;
    fail(unresolved.pos[0], `${why} (${advice})`);
  }
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag && !PLAIN_TAGS.has(tag)) {
        const at = node.range?.[0] ?? 0;
        fail(tagStart(text, at), `YAML tag ${shown(tag)} is not supported: bilat reads plain values only (${advice})`);
      }
    },
  });
}

/** Where the tag written just before the value at `at` begins (`!!binary aGk=` → at the first `!`), else `at`. */
function tagStart(text: string, at: number): number {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return start < end && text[start] === '!' ? start : at;
}

/** `? [a, b] : x` is valid YAML but no bilat key; say where, instead of a silent stringified key. */
function rejectCollectionKeys(file: string, node: Node | null, at: (o?: number) => Position): void {
  if (isMap(node)) {
    for (const p of node.items) {
      const k = p.key as Node | null;
      if (k && !isScalar(k)) {
        const pos = at(k.range?.[0]);
        throw new BilatError('E_DATA_PARSE', 'keys must be plain text, not a list or mapping', { file, line: pos.line, column: pos.column });
      }
      rejectCollectionKeys(file, p.value as Node | null, at);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) rejectCollectionKeys(file, item as Node | null, at);
  }
}

function checkJsonSyntax(file: string, text: string): void {
  try {
    JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const offset = jsonErrorOffset(msg, text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    // V8's message quotes the data; cut at fixed markers instead of backtracking over it.
    const reason = cutAt(cutAt(msg, ' in JSON at position '), ', "', ', ..."');
    throw new BilatError('E_DATA_PARSE', `JSON syntax error: ${reason}`, { file, line, column });
  }
}

/** Node's JSON.parse states a position only for some errors; else find its quoted context. */
function jsonErrorOffset(msg: string, text: string): number {
  const pos = /position (\d+)/.exec(msg);
  if (pos) return Number(pos[1]);
  if (/end of JSON input/.test(msg)) return text.trimEnd().length;
  const ctx = quotedContext(msg)?.replace(/^\.\.\./, '').replace(/\.\.\.$/, '');
  const token = /Unexpected token '(.)'/.exec(msg)?.[1];
  if (ctx) {
    const at = text.indexOf(ctx);
    if (at !== -1) return at + Math.max(0, token ? ctx.indexOf(token) : 0);
  }
  return 0;
}

/** `text` up to the first of `markers` found in it. */
function cutAt(text: string, ...markers: string[]): string {
  const cuts = markers.map((m) => text.indexOf(m)).filter((i) => i !== -1);
  return cuts.length ? text.slice(0, Math.min(...cuts)) : text;
}

/** The source excerpt in V8's `… "excerpt" is not valid JSON`: from the first quote to the closing one. */
function quotedContext(msg: string): string | undefined {
  const tail = '" is not valid JSON';
  if (!msg.endsWith(tail)) return undefined;
  const open = msg.indexOf('"');
  const close = msg.length - tail.length;
  return open < close ? msg.slice(open + 1, close) : undefined;
}
