/**
 * Extraction order for Indic clusters. A PDF reader reads glyphs in drawing order and each
 * glyph's ToUnicode characters; Devanagari and Bengali draw a pre-base vowel sign (ि, ি, ে)
 * before its consonant and a reph after it, so "कि" would read back as "िक". Within each
 * cluster whose glyphs are drawn out of character order, this hands the cluster's characters,
 * in logical order, to its glyphs in drawing order (leading glyphs one each, the last the
 * rest). Glyph ids and positions stay the same: only what the text layer says changes.
 */

interface Glyph {
  id: number;
  codePoints: number[];
}

/** Scripts whose shaping moves vowel signs and repha: Devanagari to Sinhala. */
const INDIC = /[\u0900-\u0DFF]/;

const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);
const nfd = (cp: number): number[] => [...String.fromCodePoint(cp).normalize('NFD')].map((c) => c.codePointAt(0)!);

/**
 * `glyphs` (as shaped from `text`) with views whose codePoints read logically in drawing
 * order; the input itself when nothing needs to move or the glyphs cannot be matched to the
 * text (a dotted circle or a decomposition we do not know): then nothing changes.
 */
export function inLogicalOrder<G extends Glyph>(text: string, glyphs: G[], positions: readonly Position[]): G[] {
  if (!INDIC.test(text)) return glyphs;
  const chars = [...text].map((c) => c.codePointAt(0)!);
  const out: G[] = [];
  let p = 0;
  let i = 0;
  while (i < glyphs.length) {
    const end = clusterEnd(chars, p, glyphs, i);
    if (end === undefined) return glyphs;
    const [j, q] = end;
    out.push(...reassign(glyphs.slice(i, j), chars.slice(p, q)));
    i = j;
    p = q;
  }
  return p === chars.length ? onBaseline(out, positions) : glyphs;
}

interface Position {
  xAdvance: number;
  yOffset: number;
}

/**
 * A mark drawn raised or lowered (Bengali's below-base ্র, a nukta) sits off the line, and
 * poppler reads it as a word of its own, even on another line. Its characters go to the glyph
 * it hangs on (the last one that advances, with only empty glyphs between), which keeps the
 * text in the same order; the mark itself then maps to nothing.
 */
function onBaseline<G extends Glyph>(glyphs: G[], positions: readonly Position[]): G[] {
  if (positions.length !== glyphs.length) return glyphs;
  const out = glyphs.slice();
  let base = -1;
  for (let k = 0; k < out.length; k++) {
    const at = positions[k]!;
    const cps = out[k]!.codePoints;
    if (at.xAdvance > 0) base = k;
    else if (base >= 0 && at.yOffset !== 0 && cps.length > 0) {
      out[base] = view(out[base]!, [...out[base]!.codePoints, ...cps]);
      out[k] = view(out[k]!, []);
    } else if (cps.length > 0) base = -1;
  }
  return out;
}

const view = <G extends Glyph>(g: G, codePoints: number[]): G => Object.create(g, { codePoints: { value: codePoints } }) as G;

/**
 * The smallest run of glyphs from `i` whose characters (as the shaper decomposes them) are the
 * same multiset as the text's from `p`: [glyph end, character end], or undefined if none.
 */
function clusterEnd(chars: number[], p: number, glyphs: Glyph[], i: number): [number, number] | undefined {
  const balance = new Map<number, number>();
  let open = 0;
  const add = (cp: number, d: number): void => {
    const before = balance.get(cp) ?? 0;
    const after = before + d;
    balance.set(cp, after);
    if (before === 0) open++;
    if (after === 0) open--;
  };
  let taken = 0;
  let given = 0;
  let q = p;
  for (let j = i; j < glyphs.length; j++) {
    for (const cp of glyphs[j]!.codePoints) add(cp, 1);
    taken += glyphs[j]!.codePoints.length;
    while (given < taken) {
      if (q >= chars.length) return undefined;
      const parts = nfd(chars[q++]!);
      for (const cp of parts) add(cp, -1);
      given += parts.length;
    }
    if (open === 0) return [j + 1, q];
  }
  return undefined;
}

/** The cluster's glyphs, mapped to its characters in logical order when drawn out of order. */
function reassign<G extends Glyph>(cluster: G[], chars: number[]): G[] {
  if (
    cluster.length < 2 ||
    same(
      cluster.flatMap((g) => g.codePoints),
      chars,
    )
  )
    return cluster;
  // A split vowel (ো drawn as ে … া) has more glyphs than characters: hand out its parts.
  const units = chars.length >= cluster.length ? chars.map((c) => [c]) : chars.flatMap(nfd).map((c) => [c]);
  if (units.length < cluster.length) return cluster;
  return cluster.map((g, k) => {
    const cps = k < cluster.length - 1 ? units[k]! : units.slice(k).flat();
    return same(g.codePoints, cps) ? g : view(g, cps);
  });
}
