/**
 * Rewrites Skia's absolute path data ("M83.58 33.26L81.42 33.26Q…") as relative commands
 * rounded to 1/100 px, written compactly. Glyph outlines are most of a chart's SVG once
 * text becomes paths, and relative steps are short numbers.
 */

const ARITY: Record<string, number> = { M: 2, L: 2, T: 2, Q: 4, S: 4, C: 6, H: 1, V: 1, Z: 0 };

/** Hundredths as integers, so rounding never drifts along a long path. */
const h = (n: string): number => Math.round(parseFloat(n) * 100);
/**
 * Hundredths to text without float printing (the slow part): 5 → ".05", -50 → "-.5",
 * 1234 → "12.34". No leading zero is valid SVG number syntax and a large share of glyph data.
 */
function fmt(n: number): string {
  const a = n < 0 ? -n : n;
  const int = Math.floor(a / 100);
  const frac = a - int * 100;
  let s = int === 0 && frac !== 0 ? '' : String(int);
  if (frac !== 0) s += frac % 10 === 0 ? `.${frac / 10}` : frac < 10 ? `.0${frac}` : `.${frac}`;
  return n < 0 ? `-${s}` : s;
}

/** Numbers after a command letter need no space, and neither does one starting with "-". */
function numbers(values: readonly number[], count: number): string {
  let s = fmt(values[0]!);
  for (let k = 1; k < count; k++) {
    const v = values[k]!;
    s += v < 0 ? fmt(v) : ` ${fmt(v)}`;
  }
  return s;
}

function isCommand(t: string): boolean {
  const c = t.charCodeAt(0) | 0x20; // ASCII lower case
  return c >= 0x61 && c <= 0x7a;
}

/** Returns `null` for data it does not handle (arcs, relative input): keep those as they are. */
export function relativePath(d: string): string | null {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  const n: number[] = [0, 0, 0, 0, 0, 0];
  const rel: number[] = [0, 0, 0, 0, 0, 0];
  let x = 0,
    y = 0,
    startX = 0,
    startY = 0;
  let out = '';
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i++]!;
    const arity = ARITY[cmd];
    if (arity === undefined) return null;
    if (arity === 0) {
      out += 'z';
      x = startX;
      y = startY;
      continue;
    }
    let first = true;
    // A command letter may be followed by several coordinate groups (implicit repeats).
    do {
      for (let k = 0; k < arity; k++) {
        const t = tokens[i + k];
        if (t === undefined || isCommand(t)) return null;
        n[k] = h(t);
      }
      i += arity;
      if (cmd === 'H') {
        rel[0] = n[0]! - x;
        x = n[0]!;
      } else if (cmd === 'V') {
        rel[0] = n[0]! - y;
        y = n[0]!;
      } else {
        for (let k = 0; k < arity; k++) rel[k] = n[k]! - (k % 2 === 0 ? x : y);
        x = n[arity - 2]!;
        y = n[arity - 1]!;
      }
      // After M, further pairs are line-tos, as in the SVG grammar.
      out += (cmd === 'M' && !first ? 'l' : cmd.toLowerCase()) + numbers(rel, cmd === 'H' || cmd === 'V' ? 1 : arity);
      if (cmd === 'M' && first) {
        startX = x;
        startY = y;
      }
      first = false;
    } while (i < tokens.length && !isCommand(tokens[i]!));
  }
  return out;
}
