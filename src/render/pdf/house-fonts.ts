/**
 * A template's own font stack (audience.yaml `fonts:`): a ministry's house font set first, with
 * Roboto and the Noto chain behind it for whatever it lacks. Files are TTF or OTF inside the
 * template folder; a face left out uses the regular (or bold) file.
 */
import { BilatError } from '../../errors.js';
import { addHouseFamily, familyCovers, type ChainFamily } from './font-chain.js';
import { clearSplitCache } from './font-split.js';
import { FONT_FAMILY, type FontFace } from './fonts.js';

export interface HouseFont {
  name: string;
  /** Absolute paths. */
  regular: string;
  bold?: string;
  italic?: string;
  boldItalic?: string;
}

const reserved = new Set<string>();

/** Registers the stack's families; returns the pdfmake family dictionary entries to add. */
export function registerHouseFonts(stack: readonly HouseFont[]): ChainFamily[] {
  const families = stack.map((f, i): ChainFamily => {
    const faces: Record<FontFace, string> = {
      normal: f.regular,
      bold: f.bold ?? f.regular,
      italics: f.italic ?? f.regular,
      bolditalics: f.boldItalic ?? f.bold ?? f.italic ?? f.regular,
    };
    return { name: f.name, faces, then: stack.slice(i + 1).map((g) => g.name) };
  });
  for (const family of families) {
    if (family.name === FONT_FAMILY || reserved.has(family.name)) {
      throw new BilatError('E_TEMPLATE', `the font name "${family.name}" is taken by bilat's own fonts; give the house font another name`);
    }
    addHouseFamily(family);
    try {
      familyCovers(family.name, 0x41); // reads and parses every face now, so a bad file is named here
    } catch (cause) {
      const files = [...new Set(Object.values(family.faces))].join(', ');
      throw new BilatError(
        'E_TEMPLATE',
        `cannot read the font "${family.name}" (${files}): ${cause instanceof Error ? cause.message : String(cause)}; give TTF or OTF files`,
        { cause },
      );
    }
  }
  clearSplitCache();
  return families;
}

/** Names the house stack may not use (the built-in chain's). */
export function reserveFamilyNames(names: Iterable<string>): void {
  for (const n of names) reserved.add(n);
}
