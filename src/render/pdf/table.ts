/**
 * HTML tables → pdfmake tables: thead rows repeat on every page, rows never split, spans become
 * colSpan/rowSpan with the filler cells pdfmake expects, `class="num"` cells align right.
 */
import { convertBlocks, single } from './blocks.js';
import { newId, type ConvertContext } from './context.js';
import { attr, elementChildren, hasClass, isHidden, tagName, textContent, type DomElement } from './dom.js';
import { inlineText } from './inline.js';
import type { ContentNode } from './types.js';

interface Row {
  el: DomElement;
  head: boolean;
}

interface Cell {
  node: ContentNode;
  num: boolean;
  length: number;
  colSpan: number;
}

/** Columns whose text never exceeds this many characters (dates, codes, statuses) fit their text; longer ones share what is left. */
const SHORT_COLUMN = 30;
const MAX_SPAN = 50;

export function table(el: DomElement, ctx: ConvertContext): ContentNode | null {
  const rows = collectRows(el);
  const grid: (Cell | ContentNode)[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cellEl of elementChildren(row.el)) {
      const name = tagName(cellEl);
      if ((name !== 'td' && name !== 'th') || isHidden(cellEl)) continue;
      while (grid[r]?.[col] !== undefined) col++;
      const colSpan = span(attr(cellEl, 'colspan'));
      const rowSpan = Math.min(span(attr(cellEl, 'rowspan')), rows.length - r);
      const cell = convertCell(cellEl, name === 'th' ? (row.head ? 'th' : 'rowHead') : undefined, ctx);
      if (colSpan > 1) cell.node.colSpan = colSpan;
      if (rowSpan > 1) cell.node.rowSpan = rowSpan;
      cell.colSpan = colSpan;
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) target[col + dc] = dr === 0 && dc === 0 ? cell : {};
      }
      col += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (width === 0) return null;

  const headerRows = countHeaderRows(rows);
  const body = grid.map((row) => Array.from({ length: width }, (_, c) => toNode(row[c])));
  const node: ContentNode = {
    table: {
      headerRows,
      ...(headerRows > 0 && body.length > headerRows ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: true,
      widths: columnWidths(grid.slice(headerRows), width),
      body,
    },
    layout: 'bilat-data',
    style: 'table',
  };
  const captionEl = elementChildren(el).find((c) => tagName(c) === 'caption' && !isHidden(c));
  const caption = captionEl === undefined ? null : inlineText(captionEl.children, ctx);
  // The caption gets a headline level so it is never left alone at the foot of a page.
  return caption === null ? node : { stack: [{ text: caption, style: 'tableCaption', headlineLevel: 4, id: newId(ctx) }, node] };
}

function collectRows(el: DomElement): Row[] {
  const rows: Row[] = [];
  for (const child of elementChildren(el)) {
    if (isHidden(child)) continue;
    const name = tagName(child);
    if (name === 'tr') rows.push({ el: child, head: false });
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (const tr of elementChildren(child)) {
        if (tagName(tr) === 'tr' && !isHidden(tr)) rows.push({ el: tr, head: name === 'thead' });
      }
    }
  }
  // Without a thead, a first row made only of <th> is the header.
  const first = rows[0];
  if (first !== undefined && !rows.some((r) => r.head)) {
    const cells = elementChildren(first.el);
    if (cells.length > 0 && cells.every((c) => tagName(c) === 'th')) first.head = true;
  }
  return rows;
}

function countHeaderRows(rows: Row[]): number {
  let n = 0;
  while (rows[n]?.head === true) n++;
  // A table that is all header has nothing to repeat the header above.
  return n === rows.length ? 0 : n;
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

function convertCell(el: DomElement, style: string | undefined, ctx: ConvertContext): Cell {
  const blocks = convertBlocks(el.children, ctx);
  const node = blocks.length === 0 ? { text: '' } : single(blocks, style);
  if (blocks.length === 0 && style !== undefined) node.style = style;
  const num = hasClass(el, 'num');
  if (num) node.alignment = 'right';
  return { node, num, length: textContent(el).length, colSpan: 1 };
}

const isCell = (c: Cell | ContentNode | undefined): c is Cell => c !== undefined && 'node' in c;
const toNode = (c: Cell | ContentNode | undefined): ContentNode => (c === undefined ? { text: '' } : isCell(c) ? c.node : c);

/** Numeric and short columns fit their content; the rest share what is left. */
function columnWidths(bodyRows: (Cell | ContentNode)[][], width: number): ('*' | 'auto')[] {
  const cols = Array.from({ length: width }, (_, c) =>
    bodyRows.map((row) => row[c]).filter((cell): cell is Cell => isCell(cell) && cell.colSpan === 1),
  );
  const widths = cols.map((cells) =>
    cells.length > 0 && cells.every((c) => c.num || c.length <= SHORT_COLUMN) ? ('auto' as const) : ('*' as const),
  );
  if (!widths.includes('*')) {
    // Let the first non-numeric column (or the first) take the slack so the table spans the page.
    const label = cols.findIndex((cells) => !cells.every((c) => c.num));
    widths[label === -1 ? 0 : label] = '*';
  }
  return widths;
}
