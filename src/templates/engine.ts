import { statSync } from 'node:fs';
import { readInputBytes, TEMPLATE_TEXT } from '../data/read-file.js';
import Handlebars from 'handlebars';
import { BilatError } from '../errors.js';
import type { BriefView } from '../model/view-types.js';
import { registerHelpers, type RenderServices } from './helpers.js';
import { compileWithIsolation, ESCAPE_KEY, isolatingEscape, placeIsolates } from './isolate.js';
import { lintTemplate } from './lint.js';
import { placeFallbacks } from '../model/fallback-marks.js';
import type { ResolvedAudience } from './resolve.js';
import type { Diagnostic } from '../diagnostics.js';
import { lintFields } from './field-lint.js';
import { inlineTemplateImages, readImage, type TemplateImage } from './images.js';
import { createHash } from 'node:crypto';
import type { PdfTheme } from '../render/pdf/types.js';
import { theme as shippedTheme, themeWith } from '../render/theme.js';
import { mergeThemeFiles, parseThemeFile } from './theme-file.js';
import { pdfSupportWarnings } from './pdf-support.js';

export interface CompiledAudience {
  audience: ResolvedAudience;
  /** Renders the audience's <article> for a view. */
  render(view: BriefView, services: RenderServices): string;
  css: string;
  /** Located template problems that do not stop a build (unknown fields); `--strict` fails on them. */
  warnings: Diagnostic[];
  /** Image files the templates and audience.yaml name (inputs of --incremental builds). */
  images: string[];
  /** The theme.css of the user's folder or audience, for the PDF; absent for the shipped look. */
  theme?: PdfTheme;
  /** The audience's logo, read (audience.yaml `logo:`). */
  logo?: TemplateImage & { alt: string; height: number };
}

/** By file list; each entry remembers the mtimes it was compiled from, so a watch session that saves a template a thousand times keeps one entry. */
const cache = new Map<string, { stamp: string; imageStamp: string; logoFile?: string; checked: boolean; compiled: CompiledAudience }>();
const mtimes = (files: readonly string[]) => files.map((f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? -1).join('|');

export interface CompileOptions {
  /**
   * Check the templates (unknown helpers, partials and fields, what the PDF cannot draw),
   * default true. A batch checks them on its own thread before it hands out any file; its
   * worker threads compile without the checks (`warnings` then holds the theme's only).
   */
  checks?: boolean;
}

/**
 * Compile an audience template with its partials in an isolated Handlebars environment
 * (one audience's overrides never leak into another). Cached by file list and mtimes, so a
 * batch compiles each audience once and an edited template is picked up.
 */
export function compileAudience(audience: ResolvedAudience, { checks = true }: CompileOptions = {}): CompiledAudience {
  const files = [audience.templateFile, ...audience.partials.values(), ...audience.styles, ...audience.themes];
  const key = files.join('|');
  const stamp = files.map((f) => statSync(f).mtimeMs).join('|');
  const hit = cache.get(key);
  // Images count too: a logo saved again is read again.
  if (hit?.stamp === stamp && hit.imageStamp === mtimes(hit.compiled.images) && hit.logoFile === audience.logo?.file && (hit.checked || !checks))
    return { ...hit.compiled, audience };

  const hb = Handlebars.create();
  compileWithIsolation(hb);
  const escape = isolatingEscape(hb);
  const helpers = registerHelpers(hb);
  const partialNames = new Set(audience.partials.keys());
  const partialAsts = new Map<string, { file: string; ast: unknown }>();
  const stack: string[] = [];
  const images: string[] = [];
  // Lint the text as written (its lines and columns), compile it with its images inlined.
  const unsupported: Diagnostic[] = [];
  const withImages = (src: string, file: string) => {
    if (checks) unsupported.push(...pdfSupportWarnings(file, src));
    const r = inlineTemplateImages(src, file);
    images.push(...r.images);
    return r.source;
  };
  for (const [name, file] of audience.partials) {
    const src = readInputBytes(file, 'template', TEMPLATE_TEXT).toString('utf8');
    if (checks) partialAsts.set(name, { file, ast: lintTemplate(hb, file, src, helpers, partialNames) });
    hb.registerPartial(name, guardDepth(name, hb.compile(withImages(src, file), { preventIndent: true }), audience.partials, stack));
  }
  const mainSrc = readInputBytes(audience.templateFile, 'template', TEMPLATE_TEXT).toString('utf8');
  const mainAst = checks ? lintTemplate(hb, audience.templateFile, mainSrc, helpers, partialNames) : undefined;
  const logoSpec = audience.logo;
  const logo = logoSpec ? { ...readImage(logoSpec.file, logoSpec.at, 'logo'), alt: logoSpec.alt, height: logoSpec.height } : undefined;
  if (logo) images.push(logo.file);
  // Templates see the logo as `logo` ({{#if logo}}<img src="{{{logo.src}}}" …>), next to `options`.
  const extra = { options: audience.options, ...(logo ? { logo: { src: logo.dataUri, alt: logo.alt, height: logo.height } } : {}) };
  const warnings = mainAst === undefined ? [] : lintFields({ main: { file: audience.templateFile, ast: mainAst }, partials: partialAsts, helpers });
  const template = hb.compile(withImages(mainSrc, audience.templateFile), { preventIndent: true });
  warnings.push(...unsupported);
  let css = audience.styles.map((f) => readInputBytes(f, 'style sheet', TEMPLATE_TEXT).toString('utf8')).join('\n');
  // The logo slot's place, only in briefs that have a logo (the others keep their stylesheet byte for byte).
  if (logo) css += '\n.title-block > .logo { float: right; margin: 0 0 8px 16px; }\n';
  const theme = readThemes(audience.themes);
  if (theme) {
    // The HTML takes theme.css as written, last, so its tokens and classes win there too.
    css += `\n${theme.css}`;
    warnings.push(...theme.warnings);
  }

  const compiled: CompiledAudience = {
    audience,
    css,
    warnings,
    images,
    ...(logo ? { logo } : {}),
    ...(theme ? { theme: theme.pdf } : {}),
    render(view, services) {
      try {
        const html = placeIsolates(template({ ...view, ...extra }, { data: { bilat: services, [ESCAPE_KEY]: escape } }));
        // Texts the data lacks in the brief's language: shown in their own, tagged (model/localize.ts).
        return placeFallbacks(html, escape(services.grammar?.t('fallback.title') ?? ''));
      } catch (e) {
        // Handlebars does not say which partial failed; the audience's template is the best location we have.
        if (e instanceof BilatError) throw e.file ? e : new BilatError(e.code, e.message, { file: audience.templateFile, cause: e });
        throw new BilatError('E_TEMPLATE', `template failed while rendering: ${(e as Error).message}`, { file: audience.templateFile, cause: e });
      }
    },
  };
  cache.set(key, { stamp, imageStamp: mtimes(images), checked: checks, ...(logoSpec ? { logoFile: logoSpec.file } : {}), compiled });
  return compiled;
}

/** theme.css files → the PDF's theme, the text the HTML appends, and what the PDF will not draw. */
function readThemes(files: readonly string[]): { pdf: PdfTheme; css: string; warnings: Diagnostic[] } | undefined {
  if (files.length === 0) return undefined;
  const texts = files.map((f) => readInputBytes(f, 'theme file', TEMPLATE_TEXT).toString('utf8'));
  const parsed = [];
  let base = shippedTheme as import('../render/theme.js').ThemeTokens;
  for (const [i, f] of files.entries()) {
    const one = parseThemeFile(f, texts[i]!, base);
    parsed.push(one);
    base = themeWith(base, one.tokens);
  }
  const merged = mergeThemeFiles(parsed);
  const id = createHash('sha256').update(texts.join('\0')).digest('hex').slice(0, 12);
  return { pdf: { id, tokens: themeWith(shippedTheme, merged.tokens), classes: merged.classes }, css: texts.join('\n'), warnings: merged.warnings };
}

/**
 * How deep partials may include each other. Shipped templates nest three deep; a partial that
 * includes itself (or two that include each other) would otherwise run until V8's "Maximum
 * call stack size exceeded", which names no partial.
 */
export const MAX_PARTIAL_DEPTH = 50;

/** Wraps a compiled partial so that runaway recursion is an E_TEMPLATE error naming the chain. */
function guardDepth(name: string, partial: HandlebarsTemplateDelegate, files: ReadonlyMap<string, string>, stack: string[]): HandlebarsTemplateDelegate {
  return (context, options) => {
    stack.push(name);
    try {
      if (stack.length > MAX_PARTIAL_DEPTH) {
        // The repeating part: from this partial's previous inclusion to this one ("a → b → a").
        const previous = stack.lastIndexOf(name, stack.length - 2);
        const chain = previous === -1 ? stack.slice(-6) : stack.slice(previous);
        const via = stack.slice(0, Math.max(0, stack.indexOf(chain[0]!)));
        throw new BilatError(
          'E_TEMPLATE',
          `partials include each other without end: ${chain.join(' → ')}${via.length ? ` (reached from ${via.join(' → ')})` : ''}, stopped ${MAX_PARTIAL_DEPTH} levels deep (remove {{> ${name}}} from "${chain.at(-2) ?? name}", or guard it with an {{#if}} that ends)`,
          { file: files.get(chain.at(-2) ?? name) },
        );
      }
      return partial(context, options);
    } finally {
      stack.pop();
    }
  };
}
