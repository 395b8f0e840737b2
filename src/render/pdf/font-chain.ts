/**
 * Which family draws which character: the brief's main font first, then the fallback chain.
 * A family covers a character only if all of its faces do, so bold and italic runs pick the
 * same family as regular ones. Families are read and parsed on first need, through the
 * shared parse cache, so pdfkit embeds the very same parsed font.
 */
import { parseFont } from './patches/font-cache.js';
import { fallbackFamilies, fallbackPath } from './fallback-fonts.js';
import { FONT_FAMILY, fontFaces, fontPath, readFontFile, requireFontkit, type FontFace } from './fonts.js';

type GlyphFont = { hasGlyphForCodePoint(cp: number): boolean };

export interface ChainFamily {
  name: string;
  /** A path per face; families without bold or italics repeat their regular (or bold) file. */
  faces: Record<FontFace, string>;
  /** A template's house font: the families of its stack after it, tried before the built-in chain. */
  then?: readonly string[];
}

interface Coverage {
  family: ChainFamily;
  fonts?: GlyphFont[];
  memo: Map<number, boolean>;
}

const chain: Coverage[] = [];
const byName = new Map<string, Coverage>();
/** Called with a family's face paths the first time a document needs it (pdfmake's virtual fs). */
let onFirstUse: ((family: ChainFamily, files: Map<string, Buffer>) => void) | undefined;

function add(family: ChainFamily): void {
  if (byName.has(family.name)) return;
  const entry: Coverage = { family, memo: new Map() };
  byName.set(family.name, entry);
  chain.push(entry);
}

let initialised = false;
function init(): void {
  if (initialised) return;
  initialised = true;
  add({ name: FONT_FAMILY, faces: Object.fromEntries(fontFaces.map((f) => [f, fontPath(f)])) as Record<FontFace, string> });
  for (const f of fallbackFamilies) {
    const faces = {} as Record<FontFace, string>;
    let installed = true;
    for (const face of fontFaces) {
      const path = fallbackPath(f, face);
      if (path === undefined) installed = false;
      else faces[face] = path;
    }
    // A package left out at install time (e.g. CJK on a small machine) just shortens the chain.
    if (installed) add({ name: f.name, faces });
  }
}

/** The families in order, main font first (for pdfmake's font dictionary). */
export function chainFamilies(): ChainFamily[] {
  init();
  return chain.map((c) => c.family);
}

/** Families loaded before the hook was set (the glyph check runs before pdfmake loads) are replayed. */
export function setFirstUseHook(hook: (family: ChainFamily, files: Map<string, Buffer>) => void): void {
  onFirstUse = hook;
  for (const c of chain) if (c.fonts !== undefined) hook(c.family, filesOf(c.family));
}

function filesOf(family: ChainFamily): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const path of new Set(Object.values(family.faces))) files.set(path, readFontFile(path));
  return files;
}

function load(entry: Coverage): GlyphFont[] {
  if (entry.fonts !== undefined) return entry.fonts;
  const fontkit = requireFontkit() as unknown as { create(data: Uint8Array): GlyphFont };
  const files = filesOf(entry.family);
  entry.fonts = [...files.values()].map((buf) => parseFont(fontkit, buf));
  onFirstUse?.(entry.family, files);
  return entry.fonts;
}

/** Whether every face of `family` has a glyph for `cp` (unknown families cover nothing). */
export function familyCovers(name: string, cp: number): boolean {
  init();
  const entry = byName.get(name);
  if (entry === undefined) return false;
  let hit = entry.memo.get(cp);
  if (hit === undefined) {
    hit = load(entry).every((f) => f.hasGlyphForCodePoint(cp));
    entry.memo.set(cp, hit);
  }
  return hit;
}

/** Adds a template's house family (see templates' `fonts:`); its files are read on first need. */
export function addHouseFamily(family: ChainFamily): void {
  init();
  const known = byName.get(family.name);
  if (known !== undefined) {
    // The same name from another folder, or an edited stack: the newest definition wins.
    if (JSON.stringify(known.family) === JSON.stringify(family)) return;
    known.family = family;
    delete known.fonts;
    known.memo.clear();
    return;
  }
  add(family);
}

/** The first family, starting with `main` (and its house stack), that covers every code point given. */
export function familyFor(main: string, cps: readonly number[]): string | undefined {
  init();
  if (cps.every((cp) => familyCovers(main, cp))) return main;
  for (const name of byName.get(main)?.family.then ?? []) if (cps.every((cp) => familyCovers(name, cp))) return name;
  for (const c of chain) {
    const name = c.family.name;
    if (name !== main && cps.every((cp) => familyCovers(name, cp))) return name;
  }
  return undefined;
}

/** Whether some family of the chain can draw `cp`. */
export function chainCovers(cp: number): boolean {
  return familyFor(FONT_FAMILY, [cp]) !== undefined;
}
