/** HTML tables → Word tables; the thead rows repeat on every page (w:tblHeader). */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { attr, elementChildren, hasClass, isHidden, tagName, type DomElement } from '../pdf/dom.js';
import { theme } from '../theme.js';
import { inlineRuns } from './inline.js';

const hex = (c: string) => c.replace('#', '');

export function table(el: DomElement): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const caption = elementChildren(el).find((c) => tagName(c) === 'caption');
  if (caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: inlineRuns(caption.children) }));
  const groups = elementChildren(el).filter((c) => !isHidden(c));
  const rows: TableRow[] = [];
  for (const g of groups) {
    const name = tagName(g);
    if (name === 'tr') rows.push(row(g, false));
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (const tr of elementChildren(g)) if (tagName(tr) === 'tr' && !isHidden(tr)) rows.push(row(tr, name === 'thead'));
    }
  }
  if (rows.length === 0) return out;
  const rule = { style: BorderStyle.SINGLE, size: 4, color: hex(theme.color.rule) };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  out.push(
    new Table({
      rows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: rule, bottom: rule, insideHorizontal: rule, left: none, right: none, insideVertical: none },
    }),
  );
  return out;
}

function row(tr: DomElement, header: boolean): TableRow {
  const cells = elementChildren(tr).filter((c) => (tagName(c) === 'td' || tagName(c) === 'th') && !isHidden(c));
  return new TableRow({
    tableHeader: header || undefined,
    cantSplit: true,
    children: cells.map(
      (c) =>
        new TableCell({
          columnSpan: Number(attr(c, 'colspan')) || undefined,
          shading: header ? { fill: hex(theme.color.accentSoft), type: 'clear', color: 'auto' } : undefined,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: [
            new Paragraph({
              style: 'TableText',
              alignment: hasClass(c, 'num') ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: inlineRuns(c.children, header || tagName(c) === 'th' ? { bold: true } : {}),
            }),
          ],
        }),
    ),
  });
}
