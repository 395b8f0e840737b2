/**
 * Names inside the English sentences bilat writes around data. A name may be written in any
 * script: English grammar glued to it ("Հայաստան's", "The معاهدة…") reads badly, and a
 * right-to-left name pulls the sentence's brackets and years into its own direction unless
 * it is isolated (Unicode's first-strong isolate, which HTML turns into <bdi> and the PDF's
 * bidi pass honours).
 */

/** Letters written right to left: Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms. */
export const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDCF\uFDF0-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

const FSI = '\u2068';
const PDI = '\u2069';

/** The name as a run of its own direction when it holds right-to-left letters; unchanged otherwise. */
export function isolate(name: string): string {
  return RTL_LETTER.test(name) ? `${FSI}${name}${PDI}` : name;
}

/** True when every letter of the name is Latin: only then do English articles and "'s" fit it. */
export function isLatinName(name: string): boolean {
  let letters = 0;
  for (const m of name.matchAll(/\p{L}/gu)) {
    if (!/\p{Script=Latin}/u.test(m[0])) return false;
    letters++;
  }
  return letters > 0;
}

/** "Azerbaijan's exports"; for a name in another script, "exports of Հայաստան". */
export function possessive(name: string, noun: string): string {
  return isLatinName(name) ? `${name}'s ${noun}` : `${noun} of ${isolate(name)}`;
}

/**
 * "the Treaty of Friendship" for a Latin title that does not carry its own article; a title in
 * another script (or one starting with "The") takes none.
 */
export function withArticle(title: string): string {
  if (!isLatinName(title)) return isolate(title);
  return /^the\s/i.test(title) ? title : `the ${title}`;
}

/** Capitalised for the start of a sentence: "The Treaty of …", "معاهدة السلام". */
export function sentenceStart(text: string): string {
  return text.startsWith('the ') ? `The${text.slice(3)}` : text;
}
