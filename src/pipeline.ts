import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { FORMATS, GENERATOR, type BuildOptions, type Format, type ResolvedBuildOptions, type RenderedBrief } from './build-options.js';
import type { Diagnostic } from './diagnostics.js';
import { BilatError } from './errors.js';
import { todayIso } from './model/dates.js';
import { buildView } from './model/view.js';
import type { BriefView } from './model/view-types.js';
import { chartFigure, forgetChartFigures } from './render/chart-figures.js';
import { forgetDrawings } from './render/pdf/index.js';
import { htmlDocument } from './render/html/document.js';
import { compileAudience, type CompileOptions, type CompiledAudience } from './templates/engine.js';
import { listAudiences, resolveAudience } from './templates/resolve.js';
import { validateFile } from './validate/validate.js';
import { createFormatter } from './model/format.js';
import { Relationship, type RelationshipSource } from './schema/relationship.js';
import { localize, withoutMarkers } from './model/localize.js';
import { stageFiles, type StagedFile } from './write/atomic.js';
import type { GlyphError } from './render/pdf/glyphs.js';
import { DEFAULT_LANGUAGE } from './templates/catalogs.js';
import { resolveLocale } from './templates/resolve-locale.js';
import { createGrammar, type Grammar } from './model/grammar/index.js';

export { FORMATS, ALL_FORMATS, GENERATOR } from './build-options.js';
export type { Format, BuildOptions, ResolvedBuildOptions, BuildResult, RenderedBrief } from './build-options.js';

/**
 * Forgets what only the file just built could use again: its drawn charts, their parsed drawings
 * and SVG sizes (~2.5 MB of live heap in a worker, which is ~3 MB of its peak). A batch worker
 * calls it after each file; a long-lived process (watch, preview) keeps them for the next save.
 */
export function forgetFileCaches(): void {
  forgetChartFigures();
  forgetDrawings();
}

/** Options with defaults applied, in one place. */
export function resolveBuildOptions(opts: BuildOptions): ResolvedBuildOptions {
  const concurrency = opts.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new BilatError('E_USAGE', `concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const locales = localeList(opts.locale, opts.templates);
  return Object.freeze({
    data: opts.data,
    audiences: opts.audiences?.length ? opts.audiences : listAudiences(opts.templates).map((a) => a.id),
    formats: opts.formats?.length ? opts.formats : [...FORMATS],
    out: opts.out ?? 'output',
    asOf: opts.asOf ?? todayIso(),
    templates: opts.templates,
    locale: locales[0]!,
    locales,
    pageSize: opts.pageSize ?? 'A4',
    pdfStandard: opts.pdfStandard ?? 'ua1-a2',
    expand: opts.expand ?? false,
    concurrency,
    incremental: opts.incremental ?? false,
    keepGoing: opts.keepGoing ?? false,
    strict: opts.strict ?? false,
  });
}

/** `--locale ru,az` or several: each checked (an unknown one is a usage error), one per language. */
export function localeList(locale: string | readonly string[] | undefined, templates?: string): string[] {
  const tags = (typeof locale === 'string' ? [locale] : (locale ?? []))
    .flatMap((l) => l.split(','))
    .map((l) => l.trim())
    .filter(Boolean);
  if (tags.length === 0) return ['en-GB'];
  const byLanguage = new Map<string, string>();
  for (const tag of tags) {
    const { language } = resolveLocale(tag, templates);
    const seen = byLanguage.get(language);
    if (seen !== undefined && seen !== tag)
      throw new BilatError('E_USAGE', `--locale ${seen} and ${tag} are the same language and would write the same files; give one`);
    byLanguage.set(language, tag);
  }
  return [...byLanguage.values()];
}

/** The part a language adds to a file name: nothing for English (today's names), ".ru" otherwise. */
export function localeSuffix(language: string): string {
  return language === DEFAULT_LANGUAGE ? '' : `.${language}`;
}

/** The compiled templates of the requested audiences (cached per process by file and mtime). */
export function compileAudiences(
  opts: Pick<ResolvedBuildOptions, 'audiences' | 'templates'>,
  compile?: CompileOptions,
): CompiledAudience[] {
  return opts.audiences.map((id) => compileAudience(resolveAudience(id, opts.templates), compile));
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
    throw new BilatError(
      'E_DATA_INVALID',
      `${errors.length} error${errors.length === 1 ? '' : 's'} in the data; nothing was written for it`,
      {
        file,
        diagnostics: result.diagnostics,
      },
    );
  }
  const { briefs, glyphErrors, untranslated, catalogWarnings } = await renderPairParts(result.source ?? result.data, compiled, opts, want);
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
    briefs: briefs.map((b, i) => ({
      ...staged[i]!,
      audience: b.audience,
      format: b.format,
      sha256: createHash('sha256').update(b.bytes).digest('hex'),
    })),
    diagnostics: [
      ...result.diagnostics,
      ...catalogWarnings,
      ...untranslatedWarning(file, untranslated, opts.locale, result.source?.language),
    ],
    ...(failure ? { failure } : {}),
  };
}

/** Every brief of one relationship (or those `want` selects), rendered in memory; charts are drawn once and shared. */
export async function renderPair(
  data: RelationshipSource,
  compiled: CompiledAudience[],
  opts: Pick<ResolvedBuildOptions, 'formats' | 'out' | 'asOf' | 'locale' | 'pageSize'> &
    Partial<Pick<ResolvedBuildOptions, 'pdfStandard'>> & { templates?: string },
  want: (audience: string, format: Format) => boolean = () => true,
): Promise<RenderedBrief[]> {
  const { briefs, glyphErrors } = await renderPairParts(data, compiled, opts, want);
  if (glyphErrors[0] !== undefined) throw glyphErrors[0].error;
  return briefs;
}

/** renderPair, keeping the other briefs when a PDF cannot be drawn for lack of a glyph. */
async function renderPairParts(
  source: RelationshipSource,
  compiled: CompiledAudience[],
  opts: Pick<ResolvedBuildOptions, 'formats' | 'out' | 'asOf' | 'locale' | 'pageSize'> &
    Partial<Pick<ResolvedBuildOptions, 'pdfStandard'>> & { templates?: string },
  want: (audience: string, format: Format) => boolean = () => true,
): Promise<{
  briefs: RenderedBrief[];
  glyphErrors: { error: GlyphError; path: string }[];
  untranslated: number;
  catalogWarnings: Diagnostic[];
}> {
  const glyphErrors: { error: GlyphError; path: string }[] = [];
  const { ensureChartsReady } = await import('./render/charts/index.js');
  await ensureChartsReady();
  const out: RenderedBrief[] = [];
  const loc = resolveLocale(opts.locale, opts.templates);
  const g = createGrammar(loc.intl, loc.catalog);
  // Each free text in the brief's language; one the data lacks in it is shown in the data's own, tagged.
  const dataLanguage = source.language ?? 'en';
  const localized = localize(Relationship, withCountryNames(source, loc.language, dataLanguage), {
    want: loc.language,
    dataLanguage,
    mark: true,
  });
  const data = withRoleTitles(localized.value, source, dataLanguage);
  const { fallbacks } = localized;
  for (const c of compiled) {
    const formats = opts.formats.filter((f) => want(c.audience.id, f));
    if (formats.length === 0) continue;
    const view = buildView(data, {
      asOf: opts.asOf,
      locale: loc.intl,
      language: loc.language,
      grammar: g,
      generator: GENERATOR,
      audience: audienceInfo(c),
    });
    const base = join(opts.out, `${view.meta.pairId}-${c.audience.id}${localeSuffix(loc.language)}`);
    // One article serves both formats, so they cannot drift; a one-page brief is cut to fit
    // its PDF first. An HTML-only build skips the layout (and pdfmake) and keeps it uncut.
    const fitted =
      c.audience.options.onePage === true && formats.includes('pdf')
        ? await fitArticle(c, view, opts.pageSize, g, opts.pdfStandard)
        : undefined;
    const article = fitted?.article ?? renderArticle(c, view, g);
    const shown = fitted?.view ?? view;
    if (formats.includes('html')) {
      out.push({
        pairId: view.meta.pairId,
        audience: c.audience.id,
        format: 'html',
        path: `${base}.html`,
        bytes: htmlDocument(article, withLangTagStyle(article, c.css), htmlMeta(shown, g)),
      });
    }
    if (formats.includes('pdf')) {
      const { renderBriefPdf, isGlyphError } = await import('./render/pdf-brief.js');
      try {
        const bytes =
          fitted?.pdf ??
          (await renderBriefPdf(article, shown, opts.pageSize, c.audience.fonts, opts.pdfStandard, c.logo?.dataUri, c.theme, g));
        out.push({ pairId: view.meta.pairId, audience: c.audience.id, format: 'pdf', path: `${base}.pdf`, bytes });
      } catch (e) {
        if (!isGlyphError(e)) throw e;
        glyphErrors.push({ error: e, path: `${base}.pdf` });
      }
    }
    if (formats.includes('docx')) {
      const { renderBriefDocx } = await import('./render/docx-brief.js');
      out.push({
        pairId: view.meta.pairId,
        audience: c.audience.id,
        format: 'docx',
        path: `${base}.docx`,
        bytes: await renderBriefDocx(article, view, opts.pageSize, g),
      });
    }
  }
  // Keys the catalog lacks (English used) and keys bilat does not know, each named with its file.
  return { briefs: out, glyphErrors, untranslated: fallbacks.length, catalogWarnings: loc.warnings };
}

/** Text for an attribute or metadata: no fallback markers, no direction isolates (an attribute cannot hold <bdi>). */
const plainText = (s: string): string => withoutMarkers(s).replace(/[\u2068\u2069]/g, '');

/** The small language tag of an untranslated text; added only to briefs that have one, so others keep their bytes. */
const LANG_TAG_CSS =
  "\n/* A text the data lacks in the brief's language, shown in its own: a small tag names that language. */\n.lang-tag { font-size: 0.65em; color: #6b7280; margin-left: 0.15em; }\n";
const withLangTagStyle = (article: string, css: string): string => (article.includes('class="lang-tag"') ? css + LANG_TAG_CSS : css);

/**
 * A participant names the role held that day by its title in the data's language; the brief
 * shows that role's title in its own language.
 */
function withRoleTitles(data: Relationship, source: RelationshipSource, dataLanguage: string): Relationship {
  if (!data.engagements?.length) return data;
  const own = localize(Relationship, source, { want: dataLanguage, dataLanguage }).value;
  const people = new Map((own.people ?? []).map((p, i) => [p.id, { own: p, shown: data.people![i]! }]));
  const engagements = data.engagements.map((e) => ({
    ...e,
    participants: e.participants?.map((p) => {
      const person = people.get(p.person);
      const i = person?.own.roles.findIndex((r) => r.title === p.role) ?? -1;
      return i < 0 ? p : { ...p, role: person!.shown.roles[i]!.title };
    }),
  }));
  return { ...data, engagements };
}

/** A country's short name the data lacks in the brief's language comes from ICU (Intl.DisplayNames). */
function withCountryNames(source: RelationshipSource, want: string, dataLanguage: string): RelationshipSource {
  const has = (n: string | Record<string, string>) => (typeof n === 'string' ? want === dataLanguage : Object.hasOwn(n, want));
  if (source.pair.countries.every((c) => has(c.name))) return source;
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([want], { type: 'region', fallback: 'none' });
  } catch {
    return source;
  }
  const countries = source.pair.countries.map((c) => {
    const icu = has(c.name) ? undefined : names?.of(c.code);
    if (icu === undefined) return c;
    const given = typeof c.name === 'string' ? { [dataLanguage]: c.name } : c.name;
    return { ...c, name: { ...given, [want]: icu } };
  }) as RelationshipSource['pair']['countries'];
  return { ...source, pair: { ...source.pair, countries } };
}

/** One line per file and language: the fields themselves are listed by `bilat validate --locale`. */
function untranslatedWarning(file: string, count: number, locale: string, dataLanguage = 'en'): Diagnostic[] {
  if (count === 0) return [];
  const lang = locale.split('-')[0]!.toLowerCase();
  return [
    {
      severity: 'warning',
      rule: 'translation-missing',
      file,
      line: 0,
      column: 0,
      path: '',
      message: `${count} text${count === 1 ? ' has' : 's have'} no "${lang}" version and ${count === 1 ? 'is' : 'are'} shown in "${dataLanguage}", tagged`,
      hint: `bilat validate ${file} --locale ${lang} lists them`,
    },
  ];
}

/** A one-page audience: its article and PDF after as many cuts as the page needs. */
async function fitArticle(
  c: CompiledAudience,
  view: BriefView,
  pageSize: ResolvedBuildOptions['pageSize'],
  g: Grammar,
  pdfStandard?: ResolvedBuildOptions['pdfStandard'],
) {
  const [{ fitOnePage }, { renderBriefPdf }] = await Promise.all([import('./render/fit-page.js'), import('./render/pdf-brief.js')]);
  const limit = (k: string) => (typeof c.audience.options[k] === 'number' ? (c.audience.options[k] as number) : Number.POSITIVE_INFINITY);
  return fitOnePage(
    view,
    { contacts: limit('contactsLimit'), milestones: limit('milestonesLimit') },
    (v) => ({ article: renderArticle(c, v, g) }),
    (a, v) => renderBriefPdf(a, v, pageSize, c.audience.fonts, pdfStandard, c.logo?.dataUri, c.theme, g),
  );
}

/**
 * The audience's article, the same for both formats: the HTML document wraps it, the PDF is
 * converted from it. Charts are inline SVG with real text, drawn once per pair.
 */
export function renderArticle(c: CompiledAudience, view: BriefView, g: Grammar = createGrammar(view.meta.locale)): string {
  return c.render(view, {
    fmt: createFormatter(view.meta.locale),
    grammar: g,
    chart: (kind, d, hash) => chartFigure(kind, d, view, hash, g),
  });
}

/** What the view model needs to know of a compiled audience. */
export function audienceInfo(c: CompiledAudience) {
  return { id: c.audience.id, label: c.audience.label, classification: c.audience.classification, internal: c.audience.internal };
}

/** Title, language and description of an HTML brief. */
export function htmlMeta(view: BriefView, g: Grammar = createGrammar(view.meta.locale)) {
  const [a, b] = view.countries;
  return {
    title: withoutMarkers(`${view.meta.title} — ${view.meta.audience.label}, ${view.meta.asOfLabel}`),
    lang: view.meta.lang,
    description: plainText(
      g.t('doc.description', { audience: view.meta.audience.label, a: String(a?.name), b: String(b?.name), date: view.meta.asOfLabel }),
    ),
    generator: view.meta.generator,
    asOf: view.meta.asOf,
  };
}
