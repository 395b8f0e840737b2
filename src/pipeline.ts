import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { FORMATS, GENERATOR, type BuildOptions, type Format, type ResolvedBuildOptions, type RenderedBrief } from './build-options.js';
import type { Diagnostic } from './diagnostics.js';
import { BilatError } from './errors.js';
import { todayIso } from './model/dates.js';
import { buildView } from './model/view.js';
import type { BriefView } from './model/view-types.js';
import { chartFigure } from './render/chart-figures.js';
import { htmlDocument } from './render/html/document.js';
import { compileAudience, type CompiledAudience } from './templates/engine.js';
import { listAudiences, resolveAudience } from './templates/resolve.js';
import { validateFile } from './validate/validate.js';
import { createFormatter } from './model/format.js';
import type { Relationship } from './schema/relationship.js';
import { stageFiles, type StagedFile } from './write/atomic.js';
import type { GlyphError } from './render/pdf/glyphs.js';

export { FORMATS, ALL_FORMATS, GENERATOR } from './build-options.js';
export type { Format, BuildOptions, ResolvedBuildOptions, BuildResult, RenderedBrief } from './build-options.js';

/** Options with defaults applied, in one place. */
export function resolveBuildOptions(opts: BuildOptions): ResolvedBuildOptions {
  const concurrency = opts.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new BilatError('E_USAGE', `concurrency must be a whole number ≥ 1, got ${concurrency}`);
  return Object.freeze({
    data: opts.data,
    audiences: opts.audiences?.length ? opts.audiences : listAudiences(opts.templates).map((a) => a.id),
    formats: opts.formats?.length ? opts.formats : [...FORMATS],
    out: opts.out ?? 'output',
    asOf: opts.asOf ?? todayIso(),
    templates: opts.templates,
    locale: opts.locale ?? 'en-GB',
    pageSize: opts.pageSize ?? 'A4',
    pdfStandard: opts.pdfStandard ?? 'ua1-a2',
    expand: opts.expand ?? false,
    concurrency,
    incremental: opts.incremental ?? false,
    keepGoing: opts.keepGoing ?? false,
    strict: opts.strict ?? false,
  });
}

/** The compiled templates of the requested audiences (cached per process by file and mtime). */
export function compileAudiences(opts: Pick<ResolvedBuildOptions, 'audiences' | 'templates'>): CompiledAudience[] {
  return opts.audiences.map((id) => compileAudience(resolveAudience(id, opts.templates)));
}

export interface PairFileBuild {
  pairId: string;
  /** Where `pair.id` is written in the data file. */
  pairIdAt: { line: number; column: number };
  /** Briefs written in full under temp names (not yet in place), in audience then format order. */
  briefs: (StagedFile & { audience: string; format: Format; sha256: string })[];
  /** Warnings (a file with errors throws). */
  diagnostics: Diagnostic[];
  /** Set when some PDFs could not be drawn (a character no font has): the other briefs are still staged. */
  failure?: GlyphError;
}

/**
 * One relationship file: load → validate → render every brief in memory → stage them (every
 * byte on disk under a temp name). The caller puts them in place with commitStaged, after
 * checking no other file claims the same outputs, or discards them. `want` limits the briefs
 * made (incremental builds); default all.
 */
export async function buildPairFile(
  file: string,
  compiled: CompiledAudience[],
  opts: ResolvedBuildOptions,
  want?: (audience: string, format: Format) => boolean,
): Promise<PairFileBuild> {
  const result = validateFile(file, opts.asOf);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.data) {
    throw new BilatError('E_DATA_INVALID', `${errors.length} error${errors.length === 1 ? '' : 's'} in the data; nothing was written for it`, {
      file,
      diagnostics: result.diagnostics,
    });
  }
  const { briefs, glyphErrors } = await renderPairParts(result.data, compiled, opts, want);
  const staged = await stageFiles(briefs.map((b) => ({ path: b.path, data: b.bytes })));
  // A character no PDF font draws fails the PDFs only: the other briefs are staged and go in place.
  let failure: GlyphError | undefined;
  if (glyphErrors.length > 0) {
    const { glyphFailure } = await import('./render/pdf-brief.js');
    failure = glyphFailure(glyphErrors, result.expanded ?? result.doc);
  }
  const pos = result.doc?.locate(['pair', 'id']) ?? { line: 0, column: 0 };
  return {
    pairId: result.data.pair.id,
    pairIdAt: { line: pos.line, column: pos.column },
    briefs: briefs.map((b, i) => ({ ...staged[i]!, audience: b.audience, format: b.format, sha256: createHash('sha256').update(b.bytes).digest('hex') })),
    diagnostics: result.diagnostics,
    ...(failure ? { failure } : {}),
  };
}

/** Every brief of one relationship (or those `want` selects), rendered in memory; charts are drawn once and shared. */
export async function renderPair(
  data: Relationship,
  compiled: CompiledAudience[],
  opts: Pick<ResolvedBuildOptions, 'formats' | 'out' | 'asOf' | 'locale' | 'pageSize'> & Partial<Pick<ResolvedBuildOptions, 'pdfStandard'>>,
  want: (audience: string, format: Format) => boolean = () => true,
): Promise<RenderedBrief[]> {
  const { briefs, glyphErrors } = await renderPairParts(data, compiled, opts, want);
  if (glyphErrors[0] !== undefined) throw glyphErrors[0].error;
  return briefs;
}

/** renderPair, keeping the other briefs when a PDF cannot be drawn for lack of a glyph. */
async function renderPairParts(
  data: Relationship,
  compiled: CompiledAudience[],
  opts: Pick<ResolvedBuildOptions, 'formats' | 'out' | 'asOf' | 'locale' | 'pageSize'> & Partial<Pick<ResolvedBuildOptions, 'pdfStandard'>>,
  want: (audience: string, format: Format) => boolean = () => true,
): Promise<{ briefs: RenderedBrief[]; glyphErrors: { error: GlyphError; path: string }[] }> {
  const glyphErrors: { error: GlyphError; path: string }[] = [];
  const { ensureChartsReady } = await import('./render/charts/index.js');
  await ensureChartsReady();
  const out: RenderedBrief[] = [];
  for (const c of compiled) {
    const formats = opts.formats.filter((f) => want(c.audience.id, f));
    if (formats.length === 0) continue;
    const view = buildView(data, {
      asOf: opts.asOf,
      locale: opts.locale,
      generator: GENERATOR,
      audience: audienceInfo(c),
    });
    const base = join(opts.out, `${view.meta.pairId}-${c.audience.id}`);
    // One article serves both formats, so they cannot drift; a one-page brief is cut to fit
    // its PDF first. An HTML-only build skips the layout (and pdfmake) and keeps it uncut.
    const fitted = c.audience.options.onePage === true && formats.includes('pdf') ? await fitArticle(c, view, opts.pageSize, opts.pdfStandard) : undefined;
    const article = fitted?.article ?? renderArticle(c, view);
    const shown = fitted?.view ?? view;
    if (formats.includes('html')) {
      out.push({ pairId: view.meta.pairId, audience: c.audience.id, format: 'html', path: `${base}.html`, bytes: htmlDocument(article, c.css, htmlMeta(shown)) });
    }
    if (formats.includes('pdf')) {
      const { renderBriefPdf, isGlyphError } = await import('./render/pdf-brief.js');
      try {
        const bytes = fitted?.pdf ?? (await renderBriefPdf(article, shown, opts.pageSize, c.audience.fonts, opts.pdfStandard, c.logo?.dataUri, c.theme));
        out.push({ pairId: view.meta.pairId, audience: c.audience.id, format: 'pdf', path: `${base}.pdf`, bytes });
      } catch (e) {
        if (!isGlyphError(e)) throw e;
        glyphErrors.push({ error: e, path: `${base}.pdf` });
      }
    }
    if (formats.includes('docx')) {
      const { renderBriefDocx } = await import('./render/docx-brief.js');
      out.push({ pairId: view.meta.pairId, audience: c.audience.id, format: 'docx', path: `${base}.docx`, bytes: await renderBriefDocx(article, view, opts.pageSize) });
    }
  }
  return { briefs: out, glyphErrors };
}

/** A one-page audience: its article and PDF after as many cuts as the page needs. */
async function fitArticle(c: CompiledAudience, view: BriefView, pageSize: ResolvedBuildOptions['pageSize'], pdfStandard?: ResolvedBuildOptions['pdfStandard']) {
  const [{ fitOnePage }, { renderBriefPdf }] = await Promise.all([import('./render/fit-page.js'), import('./render/pdf-brief.js')]);
  const limit = (k: string) => (typeof c.audience.options[k] === 'number' ? (c.audience.options[k] as number) : Number.POSITIVE_INFINITY);
  return fitOnePage(view, { contacts: limit('contactsLimit'), milestones: limit('milestonesLimit') }, (v) => ({ article: renderArticle(c, v) }), (a, v) => renderBriefPdf(a, v, pageSize, c.audience.fonts, pdfStandard, c.logo?.dataUri, c.theme));
}

/**
 * The audience's article, the same for both formats: the HTML document wraps it, the PDF is
 * converted from it. Charts are inline SVG with real text, drawn once per pair.
 */
export function renderArticle(c: CompiledAudience, view: BriefView): string {
  return c.render(view, {
    fmt: createFormatter(view.meta.locale),
    chart: (kind, d, hash) => chartFigure(kind, d, view, hash),
  });
}

/** What the view model needs to know of a compiled audience. */
export function audienceInfo(c: CompiledAudience) {
  return { id: c.audience.id, label: c.audience.label, classification: c.audience.classification, internal: c.audience.internal };
}

/** Title, language and description of an HTML brief. */
export function htmlMeta(view: BriefView) {
  const [a, b] = view.countries;
  return {
    title: `${view.meta.title} — ${view.meta.audience.label}, ${view.meta.asOfLabel}`,
    lang: view.meta.lang,
    description: `${view.meta.audience.label} on relations between ${a?.name} and ${b?.name}, as of ${view.meta.asOfLabel}.`,
    generator: view.meta.generator,
    asOf: view.meta.asOf,
  };
}
