/** State threaded through one HTML → pdfmake conversion. */
import { theme as shippedTheme, type ThemeTokens } from '../theme.js';
import type { ClassStyle, ContentNode } from './types.js';

/** A piece of rendered text and where it came from, for the glyph check. */
export interface GlyphSource {
  text: string;
  /** Human-readable location, e.g. `section #trade` or `trade[2].partner`. */
  where?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ConvertContext {
  /** Named destinations emitted so far (pdfmake throws on duplicates). */
  ids: Set<string>;
  /** Runs that link to `#id`; dropped at the end if the id never became a destination. */
  internalLinks: ContentNode[];
  /** Every block's plain text, for the glyph check. */
  texts: GlyphSource[];
  /** Width available to figures at the current nesting (columns shrink it). */
  maxWidth: number;
  /** Nearest section id, for error messages. */
  where: string;
  /** A section's id waiting for the section's first heading (so the outline entry is the target). */
  pendingSectionId?: string;
  /** The last h2's destination id: h3 outline entries nest under it. */
  currentH2Id?: string;
  generatedIds: number;
  /** Colours and sizes of inline styles (the shipped theme unless a theme.css changed it). */
  theme: ThemeTokens;
  /** Class styles from theme.css, by class name; empty for the shipped look. */
  classes: ReadonlyMap<string, ClassStyle>;
}

const NO_CLASSES: ReadonlyMap<string, ClassStyle> = new Map();

export function createContext(
  maxWidth: number,
  theme: ThemeTokens = shippedTheme,
  classes: ReadonlyMap<string, ClassStyle> = NO_CLASSES,
): ConvertContext {
  return { ids: new Set(), internalLinks: [], texts: [], maxWidth, where: 'document', generatedIds: 0, theme, classes };
}

/** The element's classes that theme.css styles, in the order written. */
export function themedClasses(ctx: ConvertContext, cls: string | undefined): string[] {
  if (ctx.classes.size === 0 || cls === undefined) return [];
  return cls.split(/\s+/).filter((c) => c !== '' && ctx.classes.has(c));
}

/** Registers a destination id; false if it is taken (duplicate ids in the HTML). */
export function claimId(ctx: ConvertContext, id: string | undefined): id is string {
  if (id === undefined || id === '' || ctx.ids.has(id)) return false;
  ctx.ids.add(id);
  return true;
}

/**
 * A fresh destination id for a node that needs one: h3 outline entries nest under their h2 by
 * id, and keep-with-next finds a heading's laid-out line through its id.
 */
export function newId(ctx: ConvertContext): string {
  let id: string;
  do id = `bilat-h-${++ctx.generatedIds}`;
  while (ctx.ids.has(id));
  ctx.ids.add(id);
  return id;
}

/** Drops links whose target never made it into the PDF (hidden, or not an id at all). */
export function resolveInternalLinks(ctx: ConvertContext): void {
  for (const run of ctx.internalLinks) {
    if (run.linkToDestination !== undefined && !ctx.ids.has(run.linkToDestination)) delete run.linkToDestination;
  }
}
