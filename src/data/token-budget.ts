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
