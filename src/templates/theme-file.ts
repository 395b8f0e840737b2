/**
 * theme.css: one file, read by both formats, that restyles a template folder or an audience.
 * It is plain CSS, a small subset of it:
 *
 *   :root { --accent: #7a1f2b; --body: 10.5; }          tokens (README "Themes" lists them)
 *   .custom-box { color: var(--accent); font-size: 10pt; background: #f6eee8; margin: 6pt 0; }
 *
 * The HTML gets the file as written (after the shipped stylesheet, so it wins). The PDF reads
 * the tokens into the theme its styles are built from, and each class rule into a style that
 * the converter gives every element of that class. Whatever the PDF cannot draw is a located
 * warning here, once, saying what it does not draw and what to use instead.
 */
import { BilatError } from '../errors.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ClassStyle } from '../render/pdf/types.js';
import { TOKENS, type ThemeTokens, type TokenName, themeWith } from '../render/theme.js';
import { didYouMean } from '../validate/did-you-mean.js';
import { lineCol } from './images.js';

export type { ClassStyle };

export interface ThemeFile {
  tokens: Map<TokenName, string | number>;
  classes: Map<string, ClassStyle>;
  warnings: Diagnostic[];
}

export const CLASS_PROPERTIES = ['color', 'background', 'background-color', 'font-size', 'font-weight', 'font-style', 'text-align', 'line-height', 'letter-spacing', 'text-decoration', 'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left'];
const COLOR_TOKENS = new Set<string>(['--ink', '--muted', '--accent', '--accent-soft', '--rule', '--warn', '--warn-soft', '--stripe']);

/** Reads theme.css text; `base` resolves var(--token) in class rules. Syntax errors throw; the rest are warnings. */
export function parseThemeFile(file: string, text: string, base: ThemeTokens): ThemeFile {
  const tokens = new Map<TokenName, string | number>();
  const classes = new Map<string, ClassStyle>();
  const warnings: Diagnostic[] = [];
  const src = blankComments(text, file);
  const at = (offset: number) => lineCol(text, offset);
  const warn = (offset: number, path: string, message: string) => warnings.push({ severity: 'warning', rule: 'theme', code: 'E_TEMPLATE', file, ...at(offset), path, message });
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{', i);
    if (open === -1) {
      if (src.slice(i).trim() !== '') throw new BilatError('E_TEMPLATE', 'theme.css: text after the last rule (a rule is  selector { property: value; }) ', { file, ...at(i + src.slice(i).search(/\S/)) });
      break;
    }
    const close = src.indexOf('}', open);
    if (close === -1) throw new BilatError('E_TEMPLATE', 'theme.css: this rule has no closing "}"', { file, ...at(open) });
    const selectorStart = i + (src.slice(i, open).search(/\S/) === -1 ? 0 : src.slice(i, open).search(/\S/));
    const selector = src.slice(i, open).trim();
    const decls = declarations(src, open + 1, close);
    i = close + 1;
    if (selector === ':root') {
      for (const d of decls) {
        if (!Object.hasOwn(TOKENS, d.name)) {
          const guess = didYouMean(d.name, Object.keys(TOKENS));
          warn(d.at, d.name, `unknown theme token "${d.name}"${guess ? ` — did you mean "${guess}"?` : ''} (tokens: ${Object.keys(TOKENS).join(', ')})`);
          continue;
        }
        const name = d.name as TokenName;
        const value = tokenValue(name, d.value);
        if (value === undefined) warn(d.at, name, `"${d.value}" is not a valid ${COLOR_TOKENS.has(name) ? 'colour (write #rrggbb)' : name === '--font' ? 'font stack' : name === '--page-margin' ? 'margin (write e.g. 18mm)' : 'size (write a number of points, e.g. 10.5)'}`);
        else tokens.set(name, value);
      }
      continue;
    }
    const cls = /^\.([A-Za-z_][\w-]*)$/.exec(selector)?.[1];
    if (cls === undefined) {
      warn(selectorStart, selector, `selector "${selector}" styles the HTML only: the PDF reads :root tokens and single-class rules (.name { … })`);
      continue;
    }
    const theme = themeWith(base, tokens);
    const style: ClassStyle = { ...classes.get(cls) };
    for (const d of decls) {
      const problem = applyDeclaration(style, d.name, resolveVars(d.value, theme));
      if (problem) warn(d.at, `.${cls} ${d.name}`, problem);
    }
    classes.set(cls, style);
  }
  return { tokens, classes, warnings };
}

/** Comments become spaces, so offsets (and so lines and columns) stay those of the file. */
function blankComments(text: string, file: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('/*', i);
    if (start === -1) return out + text.slice(i);
    const end = text.indexOf('*/', start + 2);
    if (end === -1) throw new BilatError('E_TEMPLATE', 'theme.css: a comment is not closed with */', { file, ...lineCol(text, start) });
    out += text.slice(i, start) + text.slice(start, end + 2).replace(/[^\n]/g, ' ');
    i = end + 2;
  }
}

function declarations(src: string, from: number, to: number): { name: string; value: string; at: number }[] {
  const out: { name: string; value: string; at: number }[] = [];
  let i = from;
  while (i < to) {
    let end = src.indexOf(';', i);
    if (end === -1 || end > to) end = to;
    const part = src.slice(i, end);
    const colon = part.indexOf(':');
    const lead = part.search(/\S/);
    if (colon !== -1) out.push({ name: part.slice(0, colon).trim().toLowerCase(), value: part.slice(colon + 1).trim(), at: i + Math.max(0, lead) });
    i = end + 1;
  }
  return out;
}

function tokenValue(name: TokenName, value: string): string | number | undefined {
  if (COLOR_TOKENS.has(name)) return color(value);
  if (name === '--font') return value === '' ? undefined : value;
  if (name === '--page-margin') {
    const m = /^(\d+(?:\.\d+)?)\s*mm$/.exec(value);
    return m ? Number(m[1]) : undefined;
  }
  const n = /^(\d+(?:\.\d+)?)(pt)?$/.exec(value);
  return n ? Number(n[1]) : undefined;
}

function color(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  if (/^[a-z]{3,20}$/.test(v) && v !== 'inherit' && v !== 'transparent') return v;
  return undefined;
}

/** var(--token) → the token's value in `theme`. */
function resolveVars(value: string, theme: ThemeTokens): string {
  const m = /^var\(\s*(--[a-z0-9-]+)\s*\)$/.exec(value.trim());
  if (!m || !Object.hasOwn(TOKENS, m[1]!)) return value;
  let node: unknown = theme;
  for (const k of TOKENS[m[1] as TokenName]) node = (node as Record<string, unknown>)[k];
  return typeof node === 'number' ? `${node}pt` : String(node);
}

/** A CSS length in pt; unitless only for 0. */
function length(value: string): number | undefined {
  const m = /^(-?\d+(?:\.\d+)?)(pt|px|mm|em)?$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === undefined) return n === 0 ? 0 : undefined;
  return round(m[2] === 'pt' ? n : m[2] === 'px' ? n * 0.75 : m[2] === 'mm' ? (n * 72) / 25.4 : n * 9.5);
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Sets the PDF style for one declaration; returns what is wrong or not drawn, if anything. */
function applyDeclaration(style: ClassStyle, name: string, value: string): string | undefined {
  const bad = (what: string) => `"${value}" is not ${what}`;
  switch (name) {
    case 'color': {
      const c = color(value);
      if (!c) return bad('a colour the PDF can use (write #rrggbb or var(--accent))');
      style.color = c;
      return undefined;
    }
    case 'background':
    case 'background-color': {
      const c = color(value);
      if (!c) return bad('a plain colour (images and gradients are not drawn in the PDF; write #rrggbb)');
      style.fill = c;
      return undefined;
    }
    case 'font-size': {
      const n = length(value);
      if (n === undefined || n <= 0) return bad('a font size (write e.g. 10pt or var(--small))');
      style.fontSize = n;
      return undefined;
    }
    case 'font-weight':
      if (/^(bold|bolder|[6-9]00)$/.test(value)) style.bold = true;
      else if (/^(normal|lighter|[1-5]00)$/.test(value)) style.bold = false;
      else return bad('a weight (bold or normal)');
      return undefined;
    case 'font-style':
      if (value === 'italic' || value === 'oblique') style.italics = true;
      else if (value === 'normal') style.italics = false;
      else return bad('italic or normal');
      return undefined;
    case 'text-align':
      if (value === 'left' || value === 'right' || value === 'center' || value === 'justify') style.alignment = value;
      else return bad('left, right, center or justify');
      return undefined;
    case 'line-height': {
      const n = Number(value);
      if (!(n > 0)) return bad('a plain number (e.g. 1.3): the PDF takes line height as a multiple of the font size');
      style.lineHeight = n;
      return undefined;
    }
    case 'letter-spacing': {
      const n = length(value);
      if (n === undefined) return bad('a length (e.g. 0.5pt)');
      style.characterSpacing = n;
      return undefined;
    }
    case 'text-decoration':
      if (value === 'underline') style.decoration = 'underline';
      else if (value === 'line-through') style.decoration = 'lineThrough';
      else if (value === 'overline') style.decoration = 'overline';
      else if (value !== 'none') return bad('underline, line-through, overline or none');
      return undefined;
    case 'margin': {
      const parts = value.split(/\s+/).map(length);
      if (parts.length === 0 || parts.length > 4 || parts.some((p) => p === undefined)) return bad('1 to 4 lengths (e.g. 6pt 0)');
      const [t, r = t, b = t, l = r] = parts as number[];
      style.margin = [l!, t!, r!, b!];
      return undefined;
    }
    case 'margin-top':
    case 'margin-right':
    case 'margin-bottom':
    case 'margin-left': {
      const n = length(value);
      if (n === undefined) return bad('a length (e.g. 6pt)');
      const m = style.margin ?? [0, 0, 0, 0];
      m[{ 'margin-left': 0, 'margin-top': 1, 'margin-right': 2, 'margin-bottom': 3 }[name]] = n;
      style.margin = m;
      return undefined;
    }
    default:
      return `property "${name}" is drawn in the HTML only; the PDF draws ${CLASS_PROPERTIES.join(', ')}`;
  }
}

/** Several theme files in cascade order (shared first, audience last): later tokens and declarations win. */
export function mergeThemeFiles(files: readonly ThemeFile[]): ThemeFile {
  const tokens = new Map<TokenName, string | number>();
  const classes = new Map<string, ClassStyle>();
  for (const f of files) {
    for (const [k, v] of f.tokens) tokens.set(k, v);
    for (const [k, v] of f.classes) classes.set(k, { ...classes.get(k), ...v });
  }
  return { tokens, classes, warnings: files.flatMap((f) => f.warnings) };
}
