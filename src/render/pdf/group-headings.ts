/**
 * Headings followed by a block that pdfmake moves as a whole (a figure, key figures, a boxed
 * note) travel with it in one unbreakable stack. The outcome is what keep-with-next would
 * produce, without the extra layout pass it needs to get there (a pass is ~20–40 ms).
 */
import type { ContentNode } from './types.js';

/** Unbreakable stacks, and one-row tables whose row cannot break (our boxes and cards). */
function movesAsAWhole(node: ContentNode): boolean {
  return node.unbreakable === true || (node.table?.dontBreakRows === true && node.table.body.length === 1);
}

/** Characters of text in a node's runs. */
function textLength(t: unknown): number {
  if (typeof t === 'string') return t.length;
  if (Array.isArray(t)) return t.reduce((n: number, r) => n + textLength(r), 0);
  if (t && typeof t === 'object' && 'text' in t) return textLength((t as { text: unknown }).text);
  return 0;
}

/**
 * A short paragraph (a few lines) may travel with its heading too: that settles most cases
 * in the first layout, where the page check would need one more pass per stranded heading
 * (a long timeline has dozens of h3s; each pass re-measures the whole document).
 */
const SHORT_TEXT = 400;
function shortText(node: ContentNode): boolean {
  return node.text !== undefined && node.headlineLevel === undefined && textLength(node.text) <= SHORT_TEXT;
}

export function groupHeadingsWithBlocks(blocks: ContentNode[]): ContentNode[] {
  const out: ContentNode[] = [];
  let i = 0;
  while (i < blocks.length) {
    let j = i;
    while (blocks[j]?.headlineLevel !== undefined) j++;
    const next = blocks[j];
    if (j === i) {
      out.push(blocks[i++]!);
    } else if (next !== undefined && (movesAsAWhole(next) || shortText(next)) && next.pageBreak === undefined) {
      const run = blocks.slice(i, j + 1);
      const group: ContentNode = { stack: run, unbreakable: true };
      // A break before the first heading now belongs to the group.
      if (run[0]?.pageBreak !== undefined) {
        group.pageBreak = run[0].pageBreak;
        delete run[0].pageBreak;
      }
      out.push(group);
      i = j + 1;
    } else {
      out.push(...blocks.slice(i, j));
      i = j;
    }
  }
  return out;
}
