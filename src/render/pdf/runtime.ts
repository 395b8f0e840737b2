/**
 * The pdfmake singleton, loaded on first use (pdfkit alone takes ~100 ms to load, which
 * `bilat validate` and HTML-only builds should not pay) and configured exactly once:
 * fonts from memory, table layouts, and resource policies that deny the network and
 * every local file except the font files and explicitly allowed asset folders.
 */
import { createRequire } from 'node:module';
import { resolve, sep } from 'node:path';
import { describeSkips, installPatches, reportLateSkips, type PatchReport } from './patches/index.js';
import { chainFamilies, setFirstUseHook } from './font-chain.js';
import { registerHouseFonts, reserveFamilyNames, type HouseFont } from './house-fonts.js';
import { FONT_FAMILY, fontBuffer, fontFaces, fontPath, pdfkitPath, type FontFace } from './fonts.js';
import { tableLayouts, type TableLayout } from './styles.js';

export interface PdfmakeDocument {
  getBuffer(): Promise<Buffer>;
}

interface Pdfmake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  setFonts(fonts: Record<string, Record<FontFace, string>>): void;
  setTableLayouts(layouts: Record<string, TableLayout>): void;
  createPdf(doc: object, options?: object): PdfmakeDocument;
}

const require = createRequire(import.meta.url);
const assetDirs = new Set<string>();
let pdfmake: Pdfmake | undefined;
let patches: PatchReport[] = [];

/** What installing the pdfmake patches came to (empty before the first PDF). */
export function patchReport(): readonly PatchReport[] {
  return patches;
}

/** Lets images be read from `dir` (and below). Content images are data: URLs, so this is rarely needed. */
export function allowLocalAssets(dir: string): void {
  assetDirs.add(resolve(dir));
}

function isAllowedLocalPath(path: string): boolean {
  const abs = resolve(path);
  if (fontFaces.some((face) => fontPath(face) === abs)) return true;
  for (const dir of assetDirs) if (abs.startsWith(dir + sep)) return true;
  return false;
}

const fontDictionary: Record<string, Record<FontFace, string>> = {};

/** Makes a template's house fonts available to pdfmake (before the document that uses them). */
export function useHouseFonts(stack: readonly HouseFont[]): void {
  const pm = loadPdfmake();
  let changed = false;
  for (const family of registerHouseFonts(stack)) {
    if (JSON.stringify(fontDictionary[family.name]) === JSON.stringify(family.faces)) continue;
    fontDictionary[family.name] = family.faces;
    changed = true;
  }
  if (changed) pm.setFonts(fontDictionary);
}

export function loadPdfmake(): Pdfmake {
  if (pdfmake !== undefined) return pdfmake;
  patches = installPatches(pdfkitPath(), FONT_FAMILY);
  const pm = require('pdfmake') as Pdfmake;
  if (process.env['BILAT_DEBUG'] === '1') {
    for (const line of describeSkips(patches)) process.stderr.write(`bilat: ${line}\n`);
    reportLateSkips((name, reason) => void process.stderr.write(`bilat: pdf patch skipped: ${name}: ${reason}\n`));
  }
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(isAllowedLocalPath);
  // Font buffers go into pdfmake's in-memory file system, read from disk once per process.
  // They are stored under their real paths because SVG text bypasses that file system and
  // opens the font by path through pdfkit (which then reuses the already embedded font).
  const faces = {} as Record<FontFace, string>;
  for (const face of fontFaces) {
    faces[face] = fontPath(face);
    pm.virtualfs.writeFileSync(faces[face], fontBuffer(face));
  }
  // Fallback families are named now but read only when a document first needs one (font-chain.ts).
  for (const family of chainFamilies()) fontDictionary[family.name] = family.faces;
  fontDictionary[FONT_FAMILY] = faces;
  reserveFamilyNames(Object.keys(fontDictionary));
  setFirstUseHook((_family, files) => {
    for (const [path, buf] of files) pm.virtualfs.writeFileSync(path, buf);
  });
  pm.setFonts(fontDictionary);
  pm.setTableLayouts(tableLayouts);
  pdfmake = pm;
  return pm;
}
