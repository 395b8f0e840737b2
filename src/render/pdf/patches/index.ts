/**
 * Every change bilat makes to pdfmake, pdfkit and fontkit, installed from one place. Each
 * patch wraps one function of their internals and checks the shape it expects first; one that
 * does not find it leaves the library alone and says why (`bilat --debug` prints it). The
 * versions below are the ones the patches were written and tested for; package.json pins them
 * exactly, and tests/render/pdf-patches.test.ts checks that each patch applied and still works.
 */
import { createRequire } from 'node:module';
import { drawChartsDirectly } from './chart-svg.js';
import { patchLineDrawing } from './draw-lines.js';
import { shareParsedFonts, shareShaping } from './font-cache.js';
import { addFontFallback, matchFallbackMetrics } from './font-fallback.js';
import { exactGlyphText } from './glyph-text.js';
import { keepHeadingsWithNext } from './keep-with-next.js';
import { deferUnusedModules } from './lazy-modules.js';
import { boundGluedRuns, breakLongWords } from './long-words.js';
import { rememberMeasuredText } from './measure-memo.js';
import { lateResults, type PatchResult } from './result.js';
import { fastStyleLookup } from './style-stack.js';
import { cacheSvgMeasurement } from './svg-cache.js';
import { tagStructure } from './tagging.js';
import { libraryVersions, PATCHED_VERSIONS, type PatchedLibrary } from './versions.js';

export { libraryVersions, PATCHED_VERSIONS } from './versions.js';
export { lateResults, patchStats, resetPatchStats, reportLateSkips, type PatchResult } from './result.js';

export interface PatchReport {
  /** What the patch does, in a few words. */
  name: string;
  /** The function it replaces. */
  target: string;
  result: PatchResult;
}

type PdfmakeClass = { default: { prototype: object } };

/**
 * Installs every patch, in the order they depend on: fontkit's `create` before pdfkit is
 * first required; the three provideFont wrappers so that the encoding cache sits beneath the
 * glyph-text fix. `pdfkitPath` is pdfkit's entry file; `mainFamily` the document font.
 */
export function installPatches(pdfkitPath: string, mainFamily: string): PatchReport[] {
  const pdfkitRequire = createRequire(pdfkitPath);
  const report: PatchReport[] = [];
  const add = (name: string, target: string, result: PatchResult): void => void report.push({ name, target, result });
  // Before pdfkit and fontkit load (the glyph checks may have loaded fontkit first: fonts.ts defers these too).
  const deferred = deferUnusedModules(pdfkitPath);
  add('AES loaded only to encrypt', "pdfkit's require('@noble/ciphers/aes')", deferred.aes);
  add('Brotli loaded only for a WOFF2 font', "fontkit's require('brotli/decompress.js')", deferred.brotli);
  add('parsed fonts shared between documents', 'fontkit.create (as pdfkit sees it)', shareParsedFonts(pdfkitRequire, pdfkitPath));
  const require = createRequire(import.meta.url);
  const load = (file: string): { prototype: object } => (require(`pdfmake/js/${file}.js`) as PdfmakeClass).default;
  const pdfDocument = load('PDFDocument');
  add('shaped words and glyph encodings cached', 'PDFDocument.provideFont', shareShaping(pdfDocument));
  add('fallback fonts set with the main font metrics', 'PDFDocument.provideFont', matchFallbackMetrics(pdfDocument, mainFamily));
  // After the shaping patch, so its encoding cache is what Latin text still goes through.
  add('exact text for glyphs shared between letters', 'PDFDocument.provideFont', exactGlyphText(pdfDocument));
  add('long words cut into glued pieces', 'TextBreaker.getBreaks', breakLongWords(load('TextBreaker')));
  add('glued runs measured to the line width only', 'Line.hasEnoughSpaceForInline', boundGluedRuns(load('Line')));
  const renderer = load('Renderer');
  add('words joined, bookmarks placed, bidi lines reordered', 'Renderer.renderLine', patchLineDrawing(renderer));
  add('charts drawn directly on pdfkit', 'Renderer.renderSVG', drawChartsDirectly(renderer, mainFamily));
  add(
    'headings kept with what follows, gaps before charts filled',
    'LayoutBuilder.layoutDocument',
    keepHeadingsWithNext(load('LayoutBuilder')),
  );
  add('measured text reused by later layout passes', 'DocMeasure.measureLeaf', rememberMeasuredText(load('DocMeasure')));
  // Outermost on layoutDocument and renderLine: it sees the document once and each line as drawn.
  add(
    'structure tree and marked content (tagged PDF)',
    'LayoutBuilder.layoutDocument/buildNextLine, Renderer.render*',
    tagStructure(load('LayoutBuilder'), renderer),
  );
  add('SVG sizes remembered', 'SVGMeasure.measureSVG/writeDimensions', cacheSvgMeasurement(load('SVGMeasure')));
  const styleStack = load('StyleContextStack') as { prototype: never; getStyleProperty?: never };
  add('style lookups without allocation', 'StyleContextStack.getProperty/autopush/getStyleProperty', fastStyleLookup(styleStack));
  add(
    'font fallback chain',
    'TextInlines.buildInlines',
    addFontFallback(load('TextInlines') as never, styleStack.getStyleProperty, mainFamily),
  );
  add(...versionCheck());
  return report;
}

/** Not a patch: a note when the libraries found are not the ones the patches were written for. */
function versionCheck(): [string, string, PatchResult] {
  const found = libraryVersions();
  const off = (Object.keys(PATCHED_VERSIONS) as PatchedLibrary[]).filter((k) => found[k] !== PATCHED_VERSIONS[k]);
  const result: PatchResult =
    off.length === 0
      ? { applied: true }
      : {
          applied: false,
          reason: `written for ${off.map((k) => `${k} ${PATCHED_VERSIONS[k]}`).join(', ')}; found ${off.map((k) => `${k} ${found[k]}`).join(', ')}`,
        };
  return ['library versions as pinned', 'package.json', result];
}

/** Every patch's result so far, the late ones (installed on first use of a font) included. */
export function allResults(report: readonly PatchReport[]): PatchReport[] {
  return [...report, ...[...lateResults].map(([name, result]) => ({ name, target: 'first embedded font', result }))];
}

/** One line per patch that did not apply, for `--debug`. */
export function describeSkips(report: readonly PatchReport[]): string[] {
  return report
    .filter((p) => !p.result.applied)
    .map((p) => `pdf patch skipped: ${p.name} (${p.target}): ${(p.result as { reason: string }).reason}`);
}
