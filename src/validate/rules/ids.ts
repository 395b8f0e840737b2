import type { Diagnostic } from '../../diagnostics.js';
import { didYouMean } from '../did-you-mean.js';
import { diag, type RuleContext } from '../context.js';
import type { RelationshipData } from '../../schema/v2/normalize.js';

type Listed = { id: string };

/** Lists whose items carry ids, by the key they sit under. */
export function idLists(ctx: RuleContext): Record<string, readonly Listed[]> {
  const d = ctx.data;
  const v2 = (d as RelationshipData).v2;
  return {
    sources: d.sources,
    people: d.people ?? [],
    engagements: d.engagements ?? [],
    treaties: d.agreements?.treaties ?? [],
    trade: d.trade ?? [],
    organizations: d.organizations ?? [],
    milestones: d.milestones ?? [],
    notes: d.notes ?? [],
    // Version 2 only: absent from a v1 file, so its diagnostics are unchanged.
    ...(v2 ? { mechanisms: v2.mechanisms ?? [], indicators: v2.indicators ?? [], quotes: v2.quotes ?? [] } : {}),
  };
}

const listPath: Record<string, PropertyKey[]> = { treaties: ['agreements', 'treaties'] };

/** Duplicate ids within one list. */
export function duplicateIds(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, items] of Object.entries(idLists(ctx))) {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      const base = listPath[name] ?? [name];
      if (first !== undefined) {
        const firstPos = ctx.doc.locate([...base, first, 'id']);
        // A trade period from a CSV file may repeat an id written in another file: then name it.
        const there = firstPos.file ?? ctx.doc.file;
        const here = ctx.doc.locate([...base, i, 'id']).file ?? ctx.doc.file;
        const where = there === here ? `line ${firstPos.line}` : `${there}:${firstPos.line}`;
        out.push(
          diag(
            ctx,
            'error',
            'duplicate-id',
            [...base, i, 'id'],
            `duplicate id "${item.id}" (first used at ${where})`,
            'give each item its own id',
          ),
        );
      } else seen.set(item.id, i);
    });
  }
  return out;
}

/** A reference checker bound to one target list: reports unknown ids with a did-you-mean. */
export function refChecker(ctx: RuleContext, out: Diagnostic[]) {
  const lists = idLists(ctx);
  const ids = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.map((x) => x.id)]));
  return (target: keyof typeof ids & string, id: string, path: readonly PropertyKey[]): boolean => {
    const known = ids[target] ?? [];
    if (known.includes(id)) return true;
    const guess = didYouMean(id, known);
    const what =
      target === 'people' ? 'person' : target === 'treaties' ? 'treaty' : target === 'mechanisms' ? 'mechanism' : target.replace(/s$/, '');
    const under = target === 'treaties' ? 'agreements.treaties' : target;
    out.push(
      diag(
        ctx,
        'error',
        'reference',
        path,
        `unknown ${what} "${id}"`,
        guess ? `did you mean "${guess}"?` : `add it under ${under}: or fix the id`,
      ),
    );
    return false;
  };
}
