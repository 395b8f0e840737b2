/**
 * Splits text into runs by the family that draws them. Grapheme clusters stay whole (a base
 * letter and its marks, ZWJ/ZWNJ, an emoji sequence), and punctuation, spaces and digits
 * between two runs of the same fallback family stay in that family, so a Georgian or Arabic
 * phrase is one run and is shaped as one.
 */
import { familyCovers, familyFor } from './font-chain.js';
import { ownString } from './own-string.js';

export interface FontRun {
  text: string;
  /** The family to draw it in; undefined means the text's own (main) family. */
  family?: string;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** Script-neutral clusters: they take the family of the text around them. */
const neutral = /^[\p{Script=Common}\p{Script=Inherited}]/u;
/** Layout controls are never drawn and need no glyph. */
const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

const cache = new Map<string, Map<string, FontRun[] | null>>();
const CACHE_LIMIT = 2_000;

/** Forgets every split (a template's font stack changed). */
export function clearSplitCache(): void {
  cache.clear();
}

/** The runs of `text` in `main` and its fallbacks; null when `main` draws all of it (the common case). */
export function splitByFont(text: string, main: string): FontRun[] | null {
  let memo = cache.get(main);
  if (memo === undefined) cache.set(main, (memo = new Map()));
  if (memo.has(text)) return memo.get(text)!;
  let runs = covered(text, main) ? null : split(text, main);
  if (runs?.length === 1 && runs[0]!.family === undefined) runs = null; // nothing any fallback can draw
  if (memo.size >= CACHE_LIMIT) memo.clear(); // a scheduler runs for weeks: bound it
  memo.set(ownString(text), runs); // a copy: the text is often a slice of a whole brief
  return runs;
}

function covered(text: string, main: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isControl(cp) && !familyCovers(main, cp)) return false;
  }
  return true;
}

function split(text: string, main: string): FontRun[] {
  const clusters = [...graphemes.segment(text)].map((s) => s.segment);
  const cps = clusters.map((c) => [...c].map((ch) => ch.codePointAt(0)!).filter((cp) => !isControl(cp)));
  const fams: (string | undefined)[] = clusters.map((c, i) => (neutral.test(c) ? undefined : pick(main, cps[i]!)));
  // Neutral clusters: the surrounding fallback family when it is the same on both sides.
  for (let i = 0; i < clusters.length;) {
    if (fams[i] !== undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j < clusters.length && fams[j] === undefined) j++;
    const left = fams[i - 1];
    const right = fams[j];
    const shared = left !== undefined && left === right && left !== main ? left : undefined;
    for (let k = i; k < j; k++) {
      const own = cps[k]!;
      fams[k] = shared !== undefined && own.every((cp) => familyCovers(shared, cp)) ? shared : pick(main, own);
    }
    i = j;
  }
  const runs: FontRun[] = [];
  clusters.forEach((c, i) => {
    const family = fams[i] === main ? undefined : fams[i];
    const last = runs.at(-1);
    if (last !== undefined && last.family === family) last.text += c;
    else runs.push(family === undefined ? { text: c } : { text: c, family });
  });
  return runs;
}

/** A cluster's family; an undrawable one stays in `main` (the glyph check reports it). */
function pick(main: string, cps: number[]): string {
  return (
    familyFor(main, cps) ??
    familyFor(
      main,
      cps.filter((cp) => !ignorable(cp)),
    ) ??
    main
  );
}

/** Joiners and variation selectors: a family lacking them can still draw the cluster. */
function ignorable(cp: number): boolean {
  return cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x00ad;
}
