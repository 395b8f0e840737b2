/**
 * Arabic, Hebrew (and Thai) fonts for the right-to-left and line-breaking PDF tests, registered in pdfmake the way the
 * brief's font chain registers its fallbacks (whole Noto TTFs from @expo-google-fonts, one
 * pdfmake family each), and a plain per-character font assignment: letters of those scripts
 * get their font, everything else stays in Roboto. The layout and bidi code under test only
 * reads the `font` a run carries, so it does not matter who assigned it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fontFaces, fontPath } from '../../src/render/pdf/fonts.js';
import { loadPdfmake } from '../../src/render/pdf/runtime.js';
import type { Content, ContentNode } from '../../src/render/pdf/index.js';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  NotoSansArabic: {
    regular: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-arabic/500Medium/NotoSansArabic_500Medium.ttf'),
  },
  NotoSansHebrew: {
    regular: require.resolve('@expo-google-fonts/noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-hebrew/500Medium/NotoSansHebrew_500Medium.ttf'),
  },
  NotoSansThai: {
    regular: require.resolve('@expo-google-fonts/noto-sans-thai-looped/400Regular/NotoSansThaiLooped_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-thai-looped/500Medium/NotoSansThaiLooped_500Medium.ttf'),
  },
} as const;

let registered = false;
export function registerRtlFonts(): void {
  if (registered) return;
  const pm = loadPdfmake() as ReturnType<typeof loadPdfmake> & {
    virtualfs: { writeFileSync(n: string, b: Buffer): void };
    fonts?: Record<string, Record<string, string>>;
  };
  // Added to the families pdfmake already knows (Roboto, and any fallback chain), never in their place.
  const families: Record<string, Record<string, string>> = {
    Roboto: Object.fromEntries(fontFaces.map((f) => [f, fontPath(f)])),
    ...pm.fonts,
  };
  for (const [family, files] of Object.entries(FONT_FILES)) {
    for (const file of Object.values(files)) pm.virtualfs.writeFileSync(file, readFileSync(file));
    families[family] = { normal: files.regular, bold: files.bold, italics: files.regular, bolditalics: files.bold };
  }
  pm.setFonts(families as never);
  registered = true;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/;
const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/;
const THAI = /[\u0E00-\u0E7F]/;
const familyOf = (ch: string): string | undefined =>
  ARABIC.test(ch) ? 'NotoSansArabic' : HEBREW.test(ch) ? 'NotoSansHebrew' : THAI.test(ch) ? 'NotoSansThai' : undefined;

type Run = string | ContentNode;
const NEEDS_FONT = /[\u0590-\u08FF\u0E00-\u0E7F\uFB1D-\uFEFF]/;

function splitRun(run: Run): Run[] {
  const base: ContentNode = typeof run === 'string' ? { text: run } : run;
  if (typeof base.text !== 'string' || !NEEDS_FONT.test(base.text)) return [run];
  const out: ContentNode[] = [];
  for (const ch of base.text) {
    const font = familyOf(ch);
    const last = out[out.length - 1];
    if (last !== undefined && last.font === font) last.text += ch;
    else out.push({ ...base, text: ch, ...(font === undefined ? {} : { font }) });
  }
  for (const r of out) if (r.font === undefined) delete r.font;
  return out;
}

/** Gives Arabic and Hebrew letters their font, in place, anywhere in the content. */
export function assignRtlFonts(content: Content | Content[]): void {
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const node = v as Record<string, unknown>;
      if (typeof node.text === 'string' && NEEDS_FONT.test(node.text)) node.text = splitRun({ text: node.text });
      else if (Array.isArray(node.text)) node.text = (node.text as Run[]).flatMap(splitRun);
      for (const [k, x] of Object.entries(node)) if (k !== 'text' && k !== 'svg') walk(x);
    }
  };
  walk(content);
}
