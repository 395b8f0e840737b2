import type { ChartOptions, ChartType } from 'chart.js';
import { theme } from '../theme.js';

/**
 * Charts are laid out in CSS pixels for their printed size: 160 mm at 96 px/in is 605 px,
 * so a 12 px label prints at 9 pt. Readability at print size is checked against this.
 */
export const CHART_WIDTH_PX = 605;

export const FONT_PX = { tick: 12, title: 15, subtitle: 12, label: 12, source: 10 } as const;

/** Weights that exist in the registered Roboto files (Regular, Medium): no faux bold. */
export const WEIGHT = { regular: 400, medium: 500 } as const;

/**
 * Plot height for a number of categories: a single bar or year gets a short chart, not a
 * third of a page. Above a few categories the full height.
 */
export function heightFor(categories: number, full: number): number {
  return categories <= 1 ? Math.round(full * 0.68) : categories <= 3 ? Math.round(full * 0.82) : full;
}

/** Widest a bar gets, px: one or two periods draw as bars, not slabs. */
export const MAX_BAR_PX = 56;

/** Series colours: Okabe–Ito, in theme order. */
export function seriesColor(i: number): string {
  return theme.chart[i % theme.chart.length] ?? theme.color.ink;
}

/** `#RRGGBB` plus alpha, for lighter partial-period bars. */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}

export interface Frame {
  title: string;
  /** Lines under the title (figures that are not bars, notes). */
  subtitle?: string[];
  source: string;
  locale: string;
  legend: boolean;
}

/**
 * Options every chart kind shares: title, subtitle, source line, background, no
 * interaction. Plain data only, so a plan can be compared as JSON (golden tests).
 */
export function frameOptions<T extends ChartType>(f: Frame): ChartOptions<T> {
  const options = {
    locale: f.locale,
    events: [],
    layout: { padding: { left: 4, right: 12, top: 4, bottom: 4 } },
    plugins: {
      bilatTitle: {
        text: f.title,
        color: theme.color.ink,
        size: FONT_PX.title,
        weight: WEIGHT.medium,
        padding: { top: 2, bottom: f.subtitle?.length ? 2 : 8 },
      },
      bilatSubtitle: {
        text: f.subtitle ?? [],
        color: theme.color.muted,
        size: FONT_PX.subtitle,
        weight: WEIGHT.regular,
        padding: { top: 0, bottom: 8 },
      },
      legend: {
        display: f.legend,
        position: 'top',
        align: 'start',
        labels: { color: theme.color.ink, boxWidth: 14, boxHeight: 10, font: { size: FONT_PX.tick } },
      },
      bilatSource: {
        text: f.source,
        color: theme.color.muted,
        size: FONT_PX.source,
        weight: WEIGHT.regular,
        padding: { top: 8, bottom: 0 },
      },
      bilatBackground: { color: '#ffffff' },
    },
  };
  return options as ChartOptions<T>;
}

/** A value axis: titled with its unit, light grid (the zero line is the bilatZeroLine plugin). */
export function valueAxis(unitTitle: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    beginAtZero: true,
    grace: '12%',
    title: { display: true, text: unitTitle, color: theme.color.muted, font: { size: FONT_PX.tick } },
    // Horizontal ticks: on a horizontal axis Chart.js then skips the ones that would collide.
    ticks: { color: theme.color.muted, font: { size: FONT_PX.tick }, maxRotation: 0, autoSkipPadding: 8 },
    grid: { color: theme.color.rule, lineWidth: 1 },
    border: { display: false },
    ...extra,
  };
}

/**
 * A category axis: labels only, no grid. Ticks stay horizontal; when they do not all fit,
 * Chart.js skips some (every period is still in the alt text and the table).
 */
export function categoryAxis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ticks: { color: theme.color.ink, font: { size: FONT_PX.tick }, maxRotation: 0, autoSkip: true, autoSkipPadding: 6 },
    grid: { display: false },
    border: { color: theme.color.muted },
    ...extra,
  };
}
