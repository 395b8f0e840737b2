/**
 * What installing one patch came to. A patch that finds pdfmake or pdfkit shaped differently
 * from what it expects leaves them alone and says why (README: pdfmake patches).
 */
export type PatchResult = { applied: true } | { applied: false; reason: string };

export const applied: PatchResult = { applied: true };
export const skipped = (reason: string): PatchResult => ({ applied: false, reason });

/** `what` must be a function on `owner`; the reason to skip when it is not. */
export function missing(owner: object | undefined, what: string, where: string): PatchResult | undefined {
  const value = owner === undefined ? undefined : (owner as Record<string, unknown>)[what];
  return typeof value === 'function' ? undefined : skipped(`${where}.${what} is not a function`);
}

/**
 * How often the patches' caches and fixes came into play in this thread, for the tests that
 * check each patch still does its work (a patch that applies but never hits is a lost speed-up).
 * Plain counters: an increment costs nothing next to what each event saves.
 */
export const patchStats = {
  /** fontkit.create calls answered from the parsed-font cache. */
  parsedFontHits: 0,
  /** Words whose shaping came from the shared shaping cache. */
  shapingHits: 0,
  /** Text runs whose glyph encoding came from the per-font cache. */
  encodingHits: 0,
  /** SVG measurements answered without parsing the SVG again. */
  svgMeasureHits: 0,
  /** Words drawn as part of a longer run instead of with their own text() call. */
  wordsMerged: 0,
  /** Outline entries placed at their heading's line. */
  bookmarksPlaced: 0,
  /** Extra layout passes run to keep headings with what follows or to fill a gap. */
  layoutReruns: 0,
  /** Text nodes whose measured words were reused by a later layout pass of the same document. */
  measureHits: 0,
  /** Style lookups answered by the allocation-free lookup. */
  styleLookups: 0,
};

export function resetPatchStats(): void {
  for (const key of Object.keys(patchStats) as (keyof typeof patchStats)[]) patchStats[key] = 0;
}

/**
 * Patches on classes pdfkit does not export (its embedded fonts, fontkit's shaper) can only be
 * installed on the first object of that class, so they report when a document first uses a font.
 */
export const lateResults = new Map<string, PatchResult>();
let onLateSkip: ((name: string, reason: string) => void) | undefined;

export function lateResult(name: string, result: PatchResult): void {
  if (lateResults.has(name)) return;
  lateResults.set(name, result);
  if (!result.applied) onLateSkip?.(name, result.reason);
}

export function reportLateSkips(report: (name: string, reason: string) => void): void {
  onLateSkip = report;
}
