import { theme } from '../theme.js';
import { relativePath } from './svg-path.js';
import { rtlTextElement, type RtlLabel } from './rtl-text.js';

/**
 * Tidies the SVG Skia writes so it can be inlined in HTML and given to pdfmake:
 * no XML declaration, ids that are stable and unique per chart, shorter numbers, and an
 * accessible name. Text is either converted to paths or tidied (tidyText).
 */

export interface SvgFinish {
  width: number;
  height: number;
  alt: string;
  /** Prefix for element ids; must start with a letter. Two charts on one page need different ones. */
  idPrefix: string;
  /** Right-to-left strings drawn as placeholders (rtl-text.ts), by placeholder number. */
  rtl?: readonly RtlLabel[];
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Two decimals is 1/100 px, far below what print or screen can show. */
function roundNumber(m: string): string {
  const r = Math.round(parseFloat(m) * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function roundAttributes(svg: string): string {
  return svg.replace(/ ([\w:-]+)="([^"]*)"/g, (all, name: string, value: string) => {
    if (name.startsWith('xmlns') || name === 'id' || name.endsWith('href')) return all;
    // A number's digits start only where no digit precedes: the same matches as \d*, in linear time.
    const rounded = (name === 'd' ? relativePath(value) : null) ?? value.replace(/-?(?:(?<!\d)\d+)?\.\d+(?:e[-+]?\d+)?/gi, roundNumber);
    return ` ${name}="${rounded}"`;
  });
}

/** Chart.js clips areas it then draws nothing into; Skia keeps the empty groups. */
function dropEmptyClips(svg: string): string {
  const uses = new Map<string, number>();
  for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) uses.set(m[1]!, (uses.get(m[1]!) ?? 0) + 1);
  return svg.replace(/<clipPath id="([^"]+)">(?:(?!<\/clipPath>)[\s\S])*<\/clipPath><g clip-path="url\(#\1\)"><\/g>/g, (all, id: string) =>
    uses.get(id) === 1 ? '' : all,
  );
}

/**
 * Skia numbers ids from a process-wide counter (cl_3, then cl_7 for the same chart), which
 * breaks byte-identical output and clashes when two charts share an HTML page.
 */
function renameIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  for (const m of svg.matchAll(/ id="([^"]+)"/g)) names.set(m[1]!, `${prefix}${names.size}`);
  return svg.replace(/( id="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => {
    const to = names.get(id);
    return to === undefined ? all : `${lead}${to}`;
  });
}

const NUMBER = /-?\d*\.?\d+(?:e[-+]?\d+)?/gi;

/**
 * Real text as Skia writes it: one <text> per word with an x per glyph followed by a comma SVG
 * does not allow (`x="4, 13.95, "`), an empty <text> per space, and the medium weight as a
 * family name. The glyph positions are kept, so a browser without Roboto places each letter
 * where Roboto would and a label never runs into its axis; pdfkit starts each word at the
 * first one, in the same Roboto that measured it.
 */
function tidyText(svg: string): string {
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_all, attrs: string, text: string) => {
    if (text.trim() === '') return '';
    // Skia writes a ligature it shaped as one character (U+FB03 "ﬃ") with one position; copied
    // or searched text should hold the letters. Positions stop at the ligature, so the letters
    // from there on flow in the font's own spacing (a font that has the ligature still draws it).
    const ligature = text.search(/[\uFB00-\uFB06]/);
    const open = attrs
      .replace(/ (x|y)="([^"]*)"/g, (_a, axis: string, list: string) => {
        const values = list.match(NUMBER) ?? [];
        const kept = axis === 'y' ? values.slice(0, 1) : ligature === -1 ? values : values.slice(0, ligature + 1);
        return kept.length === 0 ? '' : ` ${axis}="${kept.join(' ')}"`;
      })
      .replace(/ font-weight="[^"]*"/, '')
      .replace(/ font-family="([^"]*)"/, (_a, family: string) =>
        /\bMedium\b/.test(family) ? ` font-family="${TEXT_FAMILY}" font-weight="500"` : ` font-family="${TEXT_FAMILY}"`,
      );
    return `<text${open}>${ligature === -1 ? text : text.replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c)}</text>`;
  });
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** The brief's own font stack: Roboto (embedded in the PDF), then close fallbacks. */
const TEXT_FAMILY = theme.font.htmlStack;

export function finishSvg(raw: string, o: SvgFinish): string {
  let svg = raw
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .replace(/>\s+</g, '><')
    .replace(/<path\b[^>]*\sd=""[^>]*\/>/g, '') // Skia writes one per space between words
    .trim();
  if (svg.includes('<text')) svg = tidyText(svg);
  // After tidyText: the placeholders' attributes are tidied like any text's, then replaced.
  if (o.rtl?.length) {
    const labels = o.rtl;
    svg = svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (all, attrs: string, text: string) => rtlTextElement(attrs, text, labels) ?? all);
  }
  svg = renameIds(roundAttributes(dropEmptyClips(svg)), o.idPrefix);
  const open = svg.match(/^<svg\b[^>]*>/);
  if (!open) throw new Error('canvas SVG output does not start with <svg>');
  const head = open[0].replace(/^<svg\b/, `<svg role="img" viewBox="0 0 ${o.width} ${o.height}"`);
  return `${head}<title>${escapeXml(o.alt)}</title>${svg.slice(open[0].length)}`;
}
