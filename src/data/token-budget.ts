import { Lexer } from 'yaml';
import { BilatError } from '../errors.js';

/**
 * The YAML parser keeps every node with its position: ~250 bytes of memory per token, so a
 * 10 MB file of tiny values (`[1, 1, 1, …]`, 13 million tokens) needs gigabytes before any rule
 * runs. A real relationship file has about one token per 4–5 bytes (az-kg: 5.1), so 10 MB of it
 * is ~2.6 million tokens; this budget lets that through and stops the flood before parsing.
 */
export const MAX_TOKENS = 3_000_000;

/** Only files this big can reach the budget (a token is at least one byte), so small ones are not lexed twice. */
const CHECK_FROM_BYTES = MAX_TOKENS;

export function checkTokenBudget(file: string, text: string): void {
  if (text.length < CHECK_FROM_BYTES) return;
  let tokens = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (++tokens > MAX_TOKENS) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      throw new BilatError(
        'E_FILE_TOO_LARGE',
        `holds more than ${MAX_TOKENS.toLocaleString('en-GB')} YAML tokens (values, keys and punctuation) in its first ${offset.toLocaleString('en-GB')} bytes, more than bilat reads in one file; a relationship file has about one token per 5 bytes (split the relationship or move series to CSV)`,
        { file, line, column },
      );
    }
    offset += token.length;
  }
}

/**
 * Deepest nesting of lists and mappings bilat reads. A relationship file nests about six levels;
 * the YAML parser recurses once per level and runs out of stack somewhere past a thousand
 * (earlier on a worker thread), which reads as "Maximum call stack size exceeded".
 */
export const MAX_DEPTH = 100;

/**
 * Stops flow collections (`[[[…` or `{a: {b: …`) nested deeper than MAX_DEPTH before parsing,
 * at the bracket that goes one level too deep. Linear: the lexer keeps no stack. Files with
 * fewer opening brackets than the limit cannot reach it and are not lexed.
 */
export function checkFlowDepth(file: string, text: string): void {
  let brackets = 0;
  for (let i = 0; i < text.length && brackets < MAX_DEPTH; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets < MAX_DEPTH) return;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_DEPTH) throw tooDeep(file, text, offset);
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    if (!LEXER_MARKS.has(token)) offset += token.length;
  }
}

/** Tokens the lexer adds that are not in the source (document start, flow end, scalar). */
const LEXER_MARKS = new Set(['\u0002', '\u0018', '\u001f']);

/** Where the deepest block nesting is: the first of the most indented lines. */
export function deepestLine(text: string): number {
  let best = -1;
  let bestOffset = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let i = lineStart;
    while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x2d)) i++; // spaces and compact "- - -"
    if (i - lineStart > best) {
      best = i - lineStart;
      bestOffset = i;
    }
    const next = text.indexOf('\n', lineStart);
    if (next === -1) break;
    lineStart = next + 1;
  }
  return bestOffset;
}

/** The located error for nesting past MAX_DEPTH (also used when the parser itself ran out of stack). */
export function tooDeep(file: string, text: string, offset: number): BilatError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return new BilatError(
    'E_DATA_PARSE',
    `nesting deeper than ${MAX_DEPTH} levels at line ${line}: lists and mappings this deep inside each other are not relationship data (close the brackets, or dedent, where the value should end; a relationship file nests about six levels)`,
    { file, line, column },
  );
}
