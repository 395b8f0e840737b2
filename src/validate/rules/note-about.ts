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
  const segs = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
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
 * The data-quality notes attached to an item: those it lists under `quality`, and those whose
 * `about` names it (by id, or by a path into it such as `trade.az-2022.turnover`).
 */
export function notesOn(ctx: RuleContext, list: string, id: string, index: number, quality: readonly string[] | undefined, field?: string): string[] {
  const found = new Set(quality ?? []);
  const names = new Set([id, `${list}.${id}`, `${list}[${index}]`]);
  if (field) for (const n of [...names]) if (n !== id) names.add(`${n}.${field}`);
  if (field) names.add(`${list}.${id}.${field}`);
  for (const n of ctx.data.notes ?? []) if (n.about.some((a) => names.has(a))) found.add(n.id);
  return [...found];
}
