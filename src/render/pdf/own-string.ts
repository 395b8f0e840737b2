/**
 * A copy of `s` that holds on to nothing else. V8 makes a substring of 13 or more characters a
 * view into its parent, so a word sliced from a brief's HTML and kept as a cache key keeps the
 * whole brief alive (a 200 KB article per entry, for as long as the cache lives). Measured in a
 * batch worker's heap: the font-split memo and the shaping cache pinned ~180 briefs and charts
 * this way (1.5 MB live per thread). Prepending a character makes a two-part string; slicing
 * it flattens that into a fresh string of the word's own length.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
