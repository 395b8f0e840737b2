/**
 * Semantic rules for a file that does not match the schema yet. The list items the schema
 * rejected are set aside, and if the rest matches, the rules run on it: a user fixing a wrong
 * date sees the unknown source three lines below in the same run, not in the next one.
 *
 * Paths and positions keep pointing at the items as written (indices are mapped back), and a
 * rule that could only be wrong because of an item set aside stays silent: a reference to an
 * id that such an item defines, and unused sources (a citation may sit in an item set aside).
 */
import type { Diagnostic } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import type { LoadedDocument } from '../data/load-document.js';
import { inDataLanguage } from './validate.js';
import { Relationship, type RelationshipSource } from '../schema/relationship.js';
import type { Rule, RuleContext } from './context.js';
import { ownValue } from '../own-key.js';
import { unusedSources } from './rules/references.js';
import { noteAbout } from './rules/note-about.js';

interface Issue {
  path: readonly PropertyKey[];
}

/** An array in the document, by its path, and which of its items were kept (new index → written index). */
interface Trimmed {
  path: readonly PropertyKey[];
  kept: number[];
}

/**
 * Runs `rules` on `value` without the list items `issues` fall in; [] when an issue is outside
 * any list item (a missing `pair`, say) or the trimmed document still fails the schema.
 */
export function rulesDespiteSchema(
  doc: LoadedDocument,
  issues: readonly Issue[],
  rules: readonly Rule[],
  asOf: string,
  read: (value: unknown) => RelationshipSource | Relationship | undefined = (v) => {
    const r = Relationship.safeParse(v);
    return r.success ? r.data : undefined;
  },
): Diagnostic[] {
  // The item of the outermost list each issue falls in.
  const drop = new Map<string, { path: PropertyKey[]; indices: Set<number> }>();
  for (const issue of issues) {
    const at = issue.path.findIndex((seg) => typeof seg === 'number');
    if (at <= 0) return [];
    const path = issue.path.slice(0, at);
    const key = formatPath(path);
    const entry = drop.get(key) ?? { path, indices: new Set<number>() };
    entry.indices.add(issue.path[at] as number);
    drop.set(key, entry);
  }
  if (drop.size === 0) return [];

  const value = structuredClone(doc.value) as Record<string, unknown>;
  const trimmed: Trimmed[] = [];
  // Ids the set-aside items define, by the list they sit in ("sources", "people", "treaties"…).
  const droppedIds = new Map<string, Set<string>>();
  for (const { path, indices } of drop.values()) {
    const parent = path.slice(0, -1).reduce<unknown>((v, seg) => (v as Record<PropertyKey, unknown> | undefined)?.[seg], value) as
      Record<PropertyKey, unknown> | undefined;
    const list = parent?.[path.at(-1)!];
    if (!Array.isArray(list)) return [];
    const kept: number[] = [];
    const items: unknown[] = [];
    list.forEach((item, i) => {
      if (!indices.has(i)) {
        kept.push(i);
        items.push(item);
      } else {
        const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
        // An id written as a number (id: 1998) is still the id a reference names as "1998".
        if (typeof id === 'string' || typeof id === 'number') {
          const list = String(path.at(-1));
          droppedIds.set(list, (droppedIds.get(list) ?? new Set()).add(String(id)));
        }
      }
    });
    parent![path.at(-1)!] = items;
    trimmed.push({ path, kept });
  }
  const data = read(value);
  if (!data) return [];

  const written = (path: readonly PropertyKey[]): readonly PropertyKey[] => {
    for (const t of trimmed) {
      const n = t.path.length;
      if (path.length > n && t.path.every((seg, i) => path[i] === seg) && typeof path[n] === 'number') {
        return [...path.slice(0, n), t.kept[path[n] as number]!, ...path.slice(n + 1)];
      }
    }
    return path;
  };
  const ctx: RuleContext = {
    doc: { ...doc, value, locate: (path, key) => doc.locate(written(path), key), printed: (path) => doc.printed(written(path)) },
    data: inDataLanguage(data as unknown as RelationshipSource),
    asOf,
  };
  return (
    rules
      // Like unused sources, a note may be about an item set aside: those two rules wait for the schema.
      .filter((rule) => rule !== unusedSources && rule !== noteAbout)
      .flatMap((rule) => rule(ctx))
      .filter((d) => !namesSetAside(d, droppedIds))
      .map((d) => ({ ...d, path: writtenPath(d.path, trimmed) }))
  );
}

/** The list an "unknown …" reference diagnostic looks in (see refChecker in rules/ids.ts). */
const LIST_OF: Record<string, string[]> = {
  source: ['sources'],
  person: ['people'],
  organization: ['organizations'],
  note: ['notes'],
  milestone: ['milestones'],
  treaty: ['treaties'],
  engagement: ['engagements'],
  mechanism: ['mechanisms'],
  indicator: ['indicators'],
  quote: ['quotes'],
};

/** A reference to an id that only a set-aside item defines: not a problem of its own. */
function namesSetAside(d: Diagnostic, dropped: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (d.rule !== 'reference') return false;
  const m = /^unknown (\w+) "(.*)"$/.exec(d.message);
  return m !== null && (ownValue(LIST_OF, m[1]!) ?? []).some((list) => dropped.get(list)?.has(m[2]!) === true);
}

/** `engagements[3].date` in the trimmed list → the same item's index as written. */
function writtenPath(path: string, trimmed: readonly Trimmed[]): string {
  for (const t of trimmed) {
    const prefix = `${formatPath(t.path)}[`;
    if (!path.startsWith(prefix)) continue;
    const end = path.indexOf(']', prefix.length);
    const index = Number(path.slice(prefix.length, end));
    return `${prefix}${t.kept[index]}${path.slice(end)}`;
  }
  return path;
}
