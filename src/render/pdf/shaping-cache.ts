/**
 * Shaped words kept across documents, bounded by their approximate size in bytes. A count of
 * entries or documents bounds nothing when one entry can be a 100,000-glyph run, and a
 * long-running scheduler kept every such run for hundreds of documents (312 → 612 MB). Words
 * longer than `maxChars` are never kept: they are rarely repeated. When over the cap the
 * oldest words go first (insertion order; a hit costs nothing).
 */

import { ownString } from './own-string.js';

/**
 * Heap bytes of a shaped run, roughly: fontkit's run object and its arrays, and a position
 * object per glyph. Measured: 5,000 eight-glyph words grew the heap by ~11.6 MB (~2.3 KB each).
 */
export const BYTES_PER_GLYPH = 200;
const BYTES_PER_ENTRY = 800;

/** What fontkit returns for a run of text; only its glyph count matters here. */
export interface ShapedRun {
  glyphs: ArrayLike<unknown>;
}

interface Entry<R> {
  font: object;
  run: R;
  bytes: number;
  /** Another font's run for the same text (regular and bold faces share a word). */
  next: Entry<R> | undefined;
}

export interface ShapingCacheOptions {
  /** Total the cache may hold, in (approximate) bytes. */
  maxBytes: number;
  /** Longest text that is kept, in UTF-16 code units. */
  maxChars: number;
}

export class ShapingCache<R extends ShapedRun = ShapedRun> {
  readonly maxBytes: number;
  readonly maxChars: number;
  #entries = new Map<string, Entry<R>>();
  #bytes = 0;

  constructor(options: ShapingCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.maxChars = options.maxChars;
  }

  /** Approximate bytes held now; never above `maxBytes`. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(font: object, text: string): R | undefined {
    for (let e = this.#entries.get(text); e !== undefined; e = e.next) if (e.font === font) return e.run;
    return undefined;
  }

  /** Keeps `run` unless the text is too long or the run alone would exceed the cap. */
  set(font: object, text: string, run: R): void {
    if (text.length > this.maxChars) return;
    const bytes = BYTES_PER_ENTRY + 2 * text.length + BYTES_PER_GLYPH * run.glyphs.length;
    if (bytes > this.maxBytes || this.get(font, text) !== undefined) return;
    while (this.#bytes + bytes > this.maxBytes && this.#entries.size > 0) this.#evictOldest();
    const head = this.#entries.get(text);
    this.#entries.set(head === undefined ? ownString(text) : text, { font, run, bytes, next: head }); // a copy: words are slices of whole briefs
    this.#bytes += bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #evictOldest(): void {
    const oldest = this.#entries.keys().next();
    if (oldest.done === true) return;
    for (let e = this.#entries.get(oldest.value); e !== undefined; e = e.next) this.#bytes -= e.bytes;
    this.#entries.delete(oldest.value);
  }
}
