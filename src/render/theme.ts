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
