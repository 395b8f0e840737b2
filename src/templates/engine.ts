import { statSync } from 'node:fs';
import { readInputBytes, TEMPLATE_TEXT } from '../data/read-file.js';
import Handlebars from 'handlebars';
import { BilatError } from '../errors.js';
import type { BriefView } from '../model/view-types.js';
import { registerHelpers, type RenderServices } from './helpers.js';
import { compileWithIsolation, ESCAPE_KEY, isolatingEscape, placeIsolates } from './isolate.js';
import { lintTemplate } from './lint.js';
import { placeFallbacks } from '../model/localize.js';
import type { ResolvedAudience } from './resolve.js';

export interface CompiledAudience {
  audience: ResolvedAudience;
  /** Renders the audience's <article> for a view. */
  render(view: BriefView, services: RenderServices): string;
  css: string;
}

/** By file list; each entry remembers the mtimes it was compiled from, so a watch session that saves a template a thousand times keeps one entry. */
const cache = new Map<string, { stamp: string; compiled: CompiledAudience }>();

/**
 * Compile an audience template with its partials in an isolated Handlebars environment
 * (one audience's overrides never leak into another). Cached by file list and mtimes, so a
 * batch compiles each audience once and an edited template is picked up.
 */
export function compileAudience(audience: ResolvedAudience): CompiledAudience {
  const files = [audience.templateFile, ...audience.partials.values(), ...audience.styles];
  const key = files.join('|');
  const stamp = files.map((f) => statSync(f).mtimeMs).join('|');
  const hit = cache.get(key);
  if (hit?.stamp === stamp) return { ...hit.compiled, audience };

  const hb = Handlebars.create();
  compileWithIsolation(hb);
  const escape = isolatingEscape(hb);
  const helpers = registerHelpers(hb);
  const partialNames = new Set(audience.partials.keys());
  for (const [name, file] of audience.partials) {
    const src = readInputBytes(file, 'template', TEMPLATE_TEXT).toString('utf8');
    lintTemplate(hb, file, src, helpers, partialNames);
    hb.registerPartial(name, hb.compile(src, { preventIndent: true }));
  }
  const mainSrc = readInputBytes(audience.templateFile, 'template', TEMPLATE_TEXT).toString('utf8');
  lintTemplate(hb, audience.templateFile, mainSrc, helpers, partialNames);
  const template = hb.compile(mainSrc, { preventIndent: true });
  const css = audience.styles.map((f) => readInputBytes(f, 'style sheet', TEMPLATE_TEXT).toString('utf8')).join('\n');

  const compiled: CompiledAudience = {
    audience,
    css,
    render(view, services) {
      try {
        const html = placeIsolates(template({ ...view, options: audience.options }, { data: { bilat: services, [ESCAPE_KEY]: escape } }));
        // Texts the data lacks in the brief's language: shown in their own, tagged (model/localize.ts).
        return placeFallbacks(html, escape(services.grammar?.t('fallback.title') ?? ''));
      } catch (e) {
        // Handlebars does not say which partial failed; the audience's template is the best location we have.
        if (e instanceof BilatError) throw e.file ? e : new BilatError(e.code, e.message, { file: audience.templateFile, cause: e });
        throw new BilatError('E_TEMPLATE', `template failed while rendering: ${(e as Error).message}`, { file: audience.templateFile, cause: e });
      }
    },
  };
  cache.set(key, { stamp, compiled });
  return compiled;
}
