import type { Diagnostic } from '../../diagnostics.js';
import type { RelationshipData } from '../../schema/v2/normalize.js';
import { didYouMean } from '../did-you-mean.js';
import { diag, type RuleContext } from '../context.js';
import { idLists } from './ids.js';

/** Every id of the file, in any list (sources, people, engagements, treaties, trade, …). */
export function allIds(ctx: RuleContext): string[] {
  return Object.values(idLists(ctx)).flatMap((items) => items.map((x) => x.id));
}

/**
 * Whether `path` names a value of the file: `trade.az-2022.turnover` (a list item by its id)
 * or `trade[3].turnover` (by index) or `pair.countries`.
 */
export function resolvesInData(root: unknown, path: string): boolean {
  const segs = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  if (segs.length < 2) return false;
  let v: unknown = root;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (Array.isArray(v)) {
      // An id may itself hold dots: try the longest run of segments that names an item.
      let found: unknown;
      for (let j = segs.length; j > i && found === undefined; j--) {
        const id = segs.slice(i, j).join('.');
        found = v.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === id);
        if (found !== undefined) i = j - 1;
      }
      if (found === undefined && /^\d+$/.test(seg)) found = v[Number(seg)];
      if (found === undefined) return false;
      v = found;
    } else if (v && typeof v === 'object' && Object.hasOwn(v, seg)) v = (v as Record<string, unknown>)[seg];
    else return false;
  }
  return true;
}

/**
 * A note's `about` names the items it is about; a misspelt id would leave the note attached to
 * nothing. An error in version 2; a warning in version 1, whose files must keep building.
 */
export function noteAbout(ctx: RuleContext): Diagnostic[] {
  const notes = ctx.data.notes ?? [];
  if (notes.length === 0) return [];
  const ids = allIds(ctx);
  const known = new Set(ids);
  const v2 = (ctx.data as RelationshipData).v2 !== undefined;
  const out: Diagnostic[] = [];
  notes.forEach((n, i) =>
    n.about.forEach((about, j) => {
      if (known.has(about) || resolvesInData(ctx.doc.value, about)) return;
      const guess = didYouMean(about, ids);
      out.push(
        diag(
          ctx,
          v2 ? 'error' : 'warning',
          'reference',
          ['notes', i, 'about', j],
          `note "${n.id}" is about "${about}", which is no id of this file and no data path`,
          guess ? `did you mean "${guess}"?` : 'use the id of the item (e.g. a trade period id) or a path such as trade.<id>.turnover',
        ),
      );
    }),
  );
  return out;
}

/**
 * The data-quality notes attached to one figure of an item: those the item lists under
 * `quality`, and those whose `about` names the figure by path (`trade.az-2022.turnover`,
 * `trade[3].turnover`). A note about the item as a whole does not excuse its arithmetic.
 */
export function notesOn(
  ctx: RuleContext,
  list: string,
  id: string,
  index: number,
  quality: readonly string[] | undefined,
  field: string,
): string[] {
  const notes = ctx.data.notes ?? [];
  const exists = new Set(notes.map((n) => n.id));
  const found = new Set((quality ?? []).filter((q) => exists.has(q)));
  const names = new Set([`${list}.${id}.${field}`, `${list}[${index}].${field}`]);
  for (const n of notes) if (n.about.some((a) => names.has(a))) found.add(n.id);
  return [...found];
}
