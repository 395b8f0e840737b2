/**
 * The fallback chain: Noto families from npm (@expo-google-fonts/*, static TTFs, which pdfkit
 * subsets well), tried in order for any character the brief's main font lacks. Nothing is read
 * or parsed until a document holds a character that needs the family.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontFace } from './fonts.js';

const require = createRequire(import.meta.url);

export interface FallbackFamily {
  /** pdfmake family name, also the canvas family name for charts. */
  name: string;
  /** npm package and the file stem inside it (`<weight>/<stem>_<weight>.ttf`). */
  pkg: string;
  stem: string;
  /** Has a true italic; the others set italics upright. */
  italic?: boolean;
}

/**
 * Order matters where families overlap: each script's own family before Noto Sans (which also
 * has Devanagari, but Noto Sans Devanagari is the one made for it); Noto Sans then catches the
 * Latin, Greek and Cyrillic the main font lacks; SC before KR so Han characters get one design;
 * symbols before emoji so ★ → ✓ stay text-like.
 */
export const fallbackFamilies: readonly FallbackFamily[] = [
  { name: 'Noto Sans Georgian', pkg: 'noto-sans-georgian', stem: 'NotoSansGeorgian' },
  { name: 'Noto Sans Armenian', pkg: 'noto-sans-armenian', stem: 'NotoSansArmenian' },
  { name: 'Noto Sans Hebrew', pkg: 'noto-sans-hebrew', stem: 'NotoSansHebrew' },
  { name: 'Noto Sans Arabic', pkg: 'noto-sans-arabic', stem: 'NotoSansArabic' },
  { name: 'Noto Sans Devanagari', pkg: 'noto-sans-devanagari', stem: 'NotoSansDevanagari' },
  { name: 'Noto Sans Bengali', pkg: 'noto-sans-bengali', stem: 'NotoSansBengali' },
  // Looped: the letter forms Thai readers expect in formal text (the loopless design reads as display type).
  { name: 'Noto Sans Thai Looped', pkg: 'noto-sans-thai-looped', stem: 'NotoSansThaiLooped' },
  { name: 'Noto Sans', pkg: 'noto-sans', stem: 'NotoSans', italic: true },
  { name: 'Noto Sans SC', pkg: 'noto-sans-sc', stem: 'NotoSansSC' },
  { name: 'Noto Sans KR', pkg: 'noto-sans-kr', stem: 'NotoSansKR' },
  { name: 'Noto Sans Symbols', pkg: 'noto-sans-symbols', stem: 'NotoSansSymbols' },
  { name: 'Noto Sans Symbols 2', pkg: 'noto-sans-symbols-2', stem: 'NotoSansSymbols2' },
  { name: 'Noto Emoji', pkg: 'noto-emoji', stem: 'NotoEmoji' },
];

/** Roboto's "bold" in pdfmake is Medium (500), so the fallbacks use their Medium too. */
const WEIGHTS: Record<FontFace, string> = { normal: '400Regular', bold: '500Medium', italics: '400Regular', bolditalics: '500Medium' };

/**
 * Absolute path of a face's TTF, or undefined when the package is not installed. A family
 * without the weight (Noto Sans Symbols 2 ships Regular only) uses its Regular for bold too.
 */
export function fallbackPath(family: FallbackFamily, face: FontFace): string | undefined {
  let dir: string;
  try {
    dir = dirname(require.resolve(`@expo-google-fonts/${family.pkg}/package.json`));
  } catch {
    return undefined;
  }
  const file = (weight: string) => join(dir, weight, `${family.stem}_${weight}.ttf`);
  const italic = family.italic && (face === 'italics' || face === 'bolditalics') ? '_Italic' : '';
  for (const weight of [WEIGHTS[face] + italic, WEIGHTS.normal + italic, WEIGHTS.normal]) {
    if (existsSync(file(weight))) return file(weight);
  }
  return undefined;
}
