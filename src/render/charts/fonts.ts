/**
 * Chart text uses the same font chain as the PDF: the canvas font names Roboto then every
 * fallback family, and a family's files are registered with the canvas only when a chart's text
 * needs it (Skia then never reaches for the machine's own fonts for those characters).
 */
import type { GlobalFonts as GlobalFontsType } from '@napi-rs/canvas';
import { theme } from '../theme.js';
import { fallbackFamilies } from '../pdf/fallback-fonts.js';
import { chainFamilies, familyFor } from '../pdf/font-chain.js';

/** The canvas font-family list: main font first, then the chain in order. */
export const CHART_FONT_FAMILY = [theme.font.family, ...fallbackFamilies.map((f) => `"${f.name}"`)].join(', ');

/** Blocks Roboto covers in full or nearly (Latin, Greek, Cyrillic, punctuation, currency): nothing to register. */
const MAIN_ONLY = /^[\u0000-\u052F\u1E00-\u1FFF\u2000-\u20CF\u2100-\u214F\u2190-\u2199\u2212]*$/u;

const registered = new Set<string>();

/** Registers the fallback families `text` needs with the canvas (once each per process). */
export function registerChartFonts(fonts: typeof GlobalFontsType, text: string): void {
  if (MAIN_ONLY.test(text)) return;
  // Only here, for text beyond those blocks, are font files read to learn their coverage.
  const needed = new Set<string>();
  for (const ch of new Set(text)) {
    const family = familyFor(theme.font.family, [ch.codePointAt(0)!]);
    if (family !== undefined && family !== theme.font.family) needed.add(family);
  }
  for (const family of chainFamilies()) {
    if (!needed.has(family.name) || registered.has(family.name)) continue;
    for (const path of new Set([family.faces.normal, family.faces.bold])) fonts.registerFromPath(path, family.name);
    registered.add(family.name);
  }
}
