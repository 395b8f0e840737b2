import type { ChartConfiguration } from 'chart.js';
import { theme } from '../theme.js';
import { isFigure, numberWords, sentences, unitTitle } from './format.js';
import type { ChartPlan } from './plan.js';
import type { ValueLabel } from './plugins.js';
import { CHART_WIDTH_PX, categoryAxis, frameOptions, seriesColor, valueAxis, withAlpha } from './style.js';
import type { TradeSeriesSpec } from './types.js';

export const TRADE_SERIES_HEIGHT = 320;

/**
 * Turnover as bars, balance as a line on the same axis (same unit). Partial-year bars are
 * lighter with a solid outline: lightness, not hue, so it survives colour-blindness and
 * greyscale print.
 */
export function planTradeSeries(spec: TradeSeriesSpec): ChartPlan {
  const w = numberWords(spec.locale);
  const L = { turnover: 'Turnover', balance: 'Balance', noData: 'no data', partialNote: 'Lighter bars: part of a year only', partial: 'part of a year', ...spec.labels };
  const unit = unitTitle(spec.unit, spec.currency);
  const periods = spec.periods;
  const first = periods[0]?.label ?? '';
  const last = periods[periods.length - 1]?.label ?? '';
  const span = periods.length > 1 ? `${first} to ${last}` : first;
  const title = spec.title ?? `${spec.reporterName} – ${spec.partnerName} trade, ${span}`;
  const anyPartial = periods.some((p) => p.partial);
  const turnoverColor = seriesColor(0);
  const balanceColor = seriesColor(1);

  const items: ValueLabel[] = periods.flatMap((p, index) => [
    ...(isFigure(p.turnover) ? [{ datasetIndex: 0, index, text: w.plain(p.turnover) }] : []),
    ...(isFigure(p.balance) ? [{ datasetIndex: 1, index, text: w.signed(p.balance) }] : []),
  ]);
  const options = frameOptions<'bar'>({
    title,
    subtitle: periods.length === 0 ? [L.noData] : anyPartial ? [L.partialNote] : undefined,
    source: spec.source,
    locale: spec.locale ?? 'en-US',
    legend: true,
  });
  const config: ChartConfiguration<'bar' | 'line'> = {
    type: 'bar',
    data: {
      labels: periods.map((p) => tickLines(p.label)),
      datasets: [
        {
          type: 'bar',
          label: `${L.turnover}, ${unit}`,
          data: periods.map((p) => (isFigure(p.turnover) ? p.turnover : null)) as number[],
          backgroundColor: periods.map((p) => (p.partial ? withAlpha(turnoverColor, 0.35) : turnoverColor)),
          borderColor: turnoverColor,
          borderWidth: periods.map((p) => (p.partial ? 1.5 : 0)),
          barPercentage: 0.75,
          order: 2, // drawn first, so the balance line stays on top
        },
        {
          type: 'line',
          label: `${L.balance}, ${unit}`,
          data: periods.map((p) => (isFigure(p.balance) ? p.balance : null)) as number[],
          borderColor: balanceColor,
          backgroundColor: balanceColor,
          borderWidth: 2.5,
          pointStyle: 'rectRot', // a second cue besides colour
          pointRadius: 5,
          spanGaps: false,
          order: 1,
        },
      ],
    },
    options: {
      ...(options as object),
      scales: { y: valueAxis(unit), x: categoryAxis() },
      plugins: {
        ...options.plugins,
        // Dataset `order` also sorts the legend (balance first); reversed, turnover leads.
        legend: { ...options.plugins?.legend, reverse: true },
        bilatValueLabels: { items, color: theme.color.ink },
        bilatZeroLine: { color: theme.color.muted, axis: 'y' },
      },
    },
  };

  const alt = sentences([
    `Bar and line chart: ${title}, in ${unit}`,
    ...periods.map((p) => {
      const t = isFigure(p.turnover) ? w.plain(p.turnover) : L.noData;
      const b = isFigure(p.balance) ? w.signed(p.balance) : L.noData;
      return `${p.label}${p.partial ? ` (${L.partial})` : ''}: ${L.turnover} ${t}, ${L.balance} ${b}`;
    }),
    spec.source,
  ]);
  return { config: config as ChartConfiguration, width: spec.width ?? CHART_WIDTH_PX, height: TRADE_SERIES_HEIGHT, title, alt };
}

/**
 * A long period label ("January–June 2024") on two lines, broken at its last space, so the
 * axis stays horizontal: Chart.js would otherwise tilt every label to fit the longest one.
 */
export function tickLines(label: string): string | string[] {
  const cut = label.lastIndexOf(' ');
  return label.length > 10 && cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : label;
}
