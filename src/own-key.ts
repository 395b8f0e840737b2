/**
 * A table entry for a key that came from user text. `table[key]` on a plain object also finds
 * inherited members: "constructor" would give Object itself, "toString" a function (issue 9 §12).
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
