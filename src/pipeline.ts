import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { writeFileAtomic } from './write/atomic.js';

export type Format = 'html' | 'pdf';
export const FORMATS: readonly Format[] = ['html', 'pdf'];

export interface BuildOptions {
  /** Relationship files (already expanded; globs are the CLI's job). */
  data: string[];
  /** Audience names; default every audience found in the template dirs. */
  audiences?: string[];
  /** Default both. */
  formats?: Format[];
  /** Output folder; files are `<out>/<pair-id>-<audience>.<ext>`. Default `output`. */
  out?: string;
  /** ISO day the brief is "as of"; default today. */
  asOf?: string;
  /** User template folder that overrides partials or whole audiences. */
  templates?: string;
  /** BCP 47 locale for dates and numbers; default en-GB. */
  locale?: string;
  pageSize?: 'A4' | 'LETTER';
}

export interface BuildResult {
  /** Paths written, in order. */
  files: string[];
  /** Warnings from validation (errors throw). */
  diagnostics: Diagnostic[];
}

export interface RenderedBrief {
  pairId: string;
  audience: string;
  format: Format;
  path: string;
  bytes: Uint8Array | string;
}

const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const GENERATOR = `bilat ${VERSION}`;

/** Options with defaults applied, in one place. */
export function resolveBuildOptions(opts: BuildOptions): Required<Omit<BuildOptions, 'templates'>> & { templates?: string } {
  return Object.freeze({
    data: opts.data,
    audiences: opts.audiences?.length ? opts.audiences : listAudiences(opts.templates).map((a) => a.id),
    formats: opts.formats?.length ? opts.formats : [...FORMATS],
    out: opts.out ?? 'output',
    asOf: opts.asOf ?? todayIso(),
    templates: opts.templates,
    locale: opts.locale ?? 'en-GB',
    pageSize: opts.pageSize ?? 'A4',
  });
}

/**
 * load → validate → model → render → write, one relationship file at a time. A file with
 * errors throws BilatError('E_DATA_INVALID', …, { diagnostics }) before anything of it is
 * written; all of a file's briefs are rendered in memory first, so a render failure leaves
 * no partial file and earlier outputs intact.
 */
export async function buildBriefs(input: BuildOptions): Promise<BuildResult> {
  const opts = resolveBuildOptions(input);
  // Templates first: a broken template is reported before any data is read.
  const compiled = opts.audiences.map((id) => compileAudience(resolveAudience(id, opts.templates)));
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of opts.data) {
    const result = validateFile(file, opts.asOf);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length || !result.data) {
      throw new BilatError('E_DATA_INVALID', `${errors.length} error${errors.length === 1 ? '' : 's'} in the data; nothing was written for it`, {
        file,
        diagnostics: result.diagnostics,
      });
    }
    diagnostics.push(...result.diagnostics);
    if (opts.formats.includes('pdf') && result.doc) await (await import('./render/pdf-brief.js')).checkDataGlyphs(result.doc);
    const briefs = await renderPair(result.data, compiled, opts);
    for (const b of briefs) {
      await writeFileAtomic(b.path, b.bytes);
      files.push(b.path);
    }
  }
  return { files, diagnostics };
}

/** Every brief of one relationship, rendered in memory. */
export async function renderPair(
  data: Relationship,
  compiled: CompiledAudience[],
  opts: ReturnType<typeof resolveBuildOptions>,
): Promise<RenderedBrief[]> {
  const { ensureChartsReady } = await import('./render/charts/index.js');
  await ensureChartsReady();
  const out: RenderedBrief[] = [];
  for (const c of compiled) {
    const view = buildView(data, {
      asOf: opts.asOf,
      locale: opts.locale,
      generator: GENERATOR,
      audience: { id: c.audience.id, label: c.audience.label, classification: c.audience.classification, internal: c.audience.internal },
    });
    const base = join(opts.out, `${view.meta.pairId}-${c.audience.id}`);
    if (opts.formats.includes('html')) {
      out.push({ pairId: view.meta.pairId, audience: c.audience.id, format: 'html', path: `${base}.html`, bytes: htmlDocument(renderArticle(c, view, 'html'), c.css, htmlMeta(view)) });
    }
    if (opts.formats.includes('pdf')) {
      const { renderBriefPdf } = await import('./render/pdf-brief.js');
      out.push({ pairId: view.meta.pairId, audience: c.audience.id, format: 'pdf', path: `${base}.pdf`, bytes: await renderBriefPdf(renderArticle(c, view, 'pdf'), view, opts.pageSize) });
    }
  }
  return out;
}

/**
 * The audience's article for one format. Same template and data for both; only the chart
 * embedding differs: inline SVG for HTML, a print-resolution PNG for PDF (pdfmake lays out
 * an SVG chart ~10× slower than an opaque PNG it can embed without decoding; see README).
 */
export function renderArticle(c: CompiledAudience, view: BriefView, format: Format = 'html'): string {
  return c.render(view, {
    fmt: createFormatter(view.meta.locale),
    chart: (kind, d, hash) => chartFigure(kind, d, view, hash, format),
  });
}

function htmlMeta(view: BriefView) {
  const [a, b] = view.countries;
  return {
    title: `${view.meta.title} — ${view.meta.audience.label}, ${view.meta.asOfLabel}`,
    lang: view.meta.lang,
    description: `${view.meta.audience.label} on relations between ${a?.name} and ${b?.name}, as of ${view.meta.asOfLabel}.`,
    generator: view.meta.generator,
    asOf: view.meta.asOf,
  };
}
