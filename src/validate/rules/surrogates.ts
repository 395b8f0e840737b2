import type { Diagnostic } from '../../diagnostics.js';
import type { LoadedDocument } from '../../data/load-document.js';
import { located } from '../context.js';

/** Half of a UTF-16 pair without its other half (with the u flag, a whole pair is one code point and never matches). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Text holding half a UTF-16 surrogate pair (a JSON or YAML escape such as "\ud800") is not a
 * character any font or file format can carry: the PDF glyph check fails at build time. Runs on
 * the document as loaded, schema or not, so validate reports what build would stop at.
 */
export function loneSurrogates(doc: LoadedDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: doc.value, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const m = LONE_SURROGATE.exec(value);
      if (m) {
        const cp = m[0].charCodeAt(0).toString(16).toUpperCase();
        out.push(
          located(
            doc,
            'error',
            'lone-surrogate',
            path,
            `text holds U+${cp}, half of a UTF-16 surrogate pair without its other half, at character ${m.index + 1}: no font or output format can carry it`,
            'write the character itself, or its complete pair of escapes ("\\ud83d\\ude00" for 😀), or remove the escape',
          ),
        );
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (LONE_SURROGATE.test(k))
          out.push(
            located(
              doc,
              'error',
              'lone-surrogate',
              [...path, k],
              'key holds half of a UTF-16 surrogate pair without its other half',
              'write the key in plain characters',
              { key: true },
            ),
          );
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return out.reverse();
}
