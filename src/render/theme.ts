/**
 * One set of design tokens for both formats: the HTML stylesheet and the pdfmake styles are
 * generated from these, so a brief looks the same in a browser and in print.
 */
export const theme = {
  font: {
    /** Body font for PDF (embedded) and first choice in HTML. */
    family: 'Roboto',
    htmlStack: "Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
    size: { body: 9.5, small: 8, tiny: 7, h1: 20, h2: 13, h3: 10.5, figure: 18 },
    lineHeight: 1.3,
  },
  color: {
    ink: '#1b1f24',
    muted: '#56606b',
    accent: '#0b3d66',
    accentSoft: '#e8eff6',
    rule: '#c9d1da',
    warn: '#8a4b00',
    warnSoft: '#fbf1e4',
    tableStripe: '#f4f6f8',
  },
  /**
   * Okabe–Ito palette: distinguishable with the common colour-vision deficiencies, then a
   * mid grey and a dark wine so all ten kinds of contact get a colour of their own.
   * Order matters: series 0 and 1 are the two sides of a trade split.
   */
  chart: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#882255'],
  page: { marginMm: 18, headerMm: 10, footerMm: 10 },
} as const;

export type Theme = typeof theme;

type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };
/** The tokens with any values: what a user's theme.css may change (src/templates/theme-file.ts). */
export type ThemeTokens = Widen<Theme>;

/**
 * The theme's tokens as CSS custom properties (the names theme.css uses), with where each
 * lives in `theme`. Sizes are pt without a unit, as the stylesheet multiplies them.
 */
export const TOKENS = {
  '--font': ['font', 'htmlStack'],
  '--lh': ['font', 'lineHeight'],
  '--body': ['font', 'size', 'body'],
  '--small': ['font', 'size', 'small'],
  '--tiny': ['font', 'size', 'tiny'],
  '--h1': ['font', 'size', 'h1'],
  '--h2': ['font', 'size', 'h2'],
  '--h3': ['font', 'size', 'h3'],
  '--figure': ['font', 'size', 'figure'],
  '--ink': ['color', 'ink'],
  '--muted': ['color', 'muted'],
  '--accent': ['color', 'accent'],
  '--accent-soft': ['color', 'accentSoft'],
  '--rule': ['color', 'rule'],
  '--warn': ['color', 'warn'],
  '--warn-soft': ['color', 'warnSoft'],
  '--stripe': ['color', 'tableStripe'],
  '--page-margin': ['page', 'marginMm'],
} as const satisfies Record<string, readonly string[]>;
export type TokenName = keyof typeof TOKENS;

/** `base` with some tokens replaced (values already checked: numbers for sizes, strings for colours). */
export function themeWith(base: ThemeTokens, values: ReadonlyMap<TokenName, string | number>): ThemeTokens {
  if (values.size === 0) return base;
  const out = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const [name, value] of values) {
    const path = TOKENS[name];
    let node: Record<string, unknown> = out;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[path[path.length - 1]!] = value;
  }
  return out as unknown as ThemeTokens;
}
