import type { ChartConfiguration } from 'chart.js';
import { theme } from '../theme.js';
import { compactAmounts, isFigure, numberWords, sentences, unitTitle } from './format.js';
import type { ChartPlan } from './plan.js';
import type { ValueLabel } from './plugins.js';
import { CHART_WIDTH_PX, MAX_BAR_PX, categoryAxis, frameOptions, heightFor, seriesColor, valueAxis, withAlpha } from './style.js';
import type { TradeSeriesSpec } from './types.js';
import { chartWords, frame } from './words.js';

export const TRADE_SERIES_HEIGHT = 320;

/**
 * Turnover as bars, balance as a line on the same axis (same unit). Partial-year bars are
 * lighter, hatched and outlined: lightness and texture, not hue, so they survive
 * colour-blindness and greyscale print.
 */
export function planTradeSeries(spec: TradeSeriesSpec): ChartPlan {
  const w = numberWords(spec.locale);
  const W = chartWords(spec.words);
  const L = { turnover: W.turnover, balance: W.balance, noData: W.noData, partialNote: W.partialNote, partial: W.partial, ...spec.labels };
  const unit = W.unit ?? unitTitle(spec.unit, spec.currency);
  const c = compactAmounts(spec.unit, spec.currency, spec.locale);
  const scaled = (n: number | undefined) => (isFigure(n) ? n * c.factor : null);
  const periods = spec.periods;
  const first = periods[0]?.label ?? '';
  const last = periods[periods.length - 1]?.label ?? '';
  const span = periods.length > 1 ? frame(W.periodsSpan, { first, last }) : first;
  const title = spec.title ?? frame(W.tradeTitle, { reporter: spec.reporterName, partner: spec.partnerName, period: span });
  const anyPartial = periods.some((p) => p.partial);
  const turnoverColor = seriesColor(0);
  const balanceColor = seriesColor(1);

  // Turnover labels first: when space runs out, balance labels are the ones left out.
  const items: ValueLabel[] = [
    ...periods.flatMap((p, index) => (isFigure(p.turnover) ? [{ datasetIndex: 0, index, text: c.plain(p.turnover) }] : [])),
    ...periods.flatMap((p, index) => (isFigure(p.balance) ? [{ datasetIndex: 1, index, text: c.signed(p.balance) }] : [])),
  ];
  const partialBars = periods.flatMap((p, i) => (p.partial && isFigure(p.turnover) ? [i] : []));
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
          label: `${L.turnover}, ${c.unit}`,
          data: periods.map((p) => scaled(p.turnover)) as number[],
          backgroundColor: periods.map((p) => (p.partial ? withAlpha(turnoverColor, 0.35) : turnoverColor)),
          borderColor: turnoverColor,
          borderWidth: periods.map((p) => (p.partial ? 1.5 : 0)),
          barPercentage: 0.75,
          maxBarThickness: MAX_BAR_PX,
          order: 2, // drawn first, so the balance line stays on top
        },
        {
          type: 'line',
          label: `${L.balance}, ${c.unit}`,
          data: periods.map((p) => scaled(p.balance)) as number[],
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
      scales: { y: valueAxis(c.unit), x: categoryAxis() },
      plugins: {
        ...options.plugins,
        // Dataset `order` also sorts the legend (balance first); reversed, turnover leads.
        legend: { ...options.plugins?.legend, reverse: true },
        bilatValueLabels: { items, color: theme.color.ink },
        bilatZeroLine: { color: theme.color.muted, axis: 'y' },
        bilatHatch: { datasetIndex: 0, indices: partialBars, color: turnoverColor },
      },
    },
  };

  const alt = sentences([
    frame(W.altSeries, { title, unit }),
    ...periods.map((p) => {
      const t = isFigure(p.turnover) ? w.plain(p.turnover) : L.noData;
      const b = isFigure(p.balance) ? w.signed(p.balance) : L.noData;
      return `${p.label}${p.partial ? ` (${L.partial})` : ''}: ${L.turnover} ${t}, ${L.balance} ${b}`;
    }),
    spec.source,
  ]);
  return { config: config as ChartConfiguration, width: spec.width ?? CHART_WIDTH_PX, height: heightFor(periods.length, TRADE_SERIES_HEIGHT), title, alt };
}

/**
 * A long period label on short lines ("January–", "June 2024"), broken after spaces and
 * dashes, so the axis stays horizontal and narrow periods keep their ticks: Chart.js sizes
 * every slot for the widest label and would otherwise tilt or skip them.
 */
export function tickLines(label: string, max = 10): string | string[] {
  if (label.length <= max) return label;
  const parts = label.split(/(?<=[\s–—-])/).map((p) => p.trim()).filter(Boolean);
  const lines: string[] = [];
  for (const p of parts) {
    const last = lines[lines.length - 1];
    const joined = last === undefined ? p : /[–—-]$/.test(last) ? `${last}${p}` : `${last} ${p}`;
    if (last !== undefined && joined.length <= max) lines[lines.length - 1] = joined;
    else lines.push(p);
  }
  return lines.length > 1 ? lines : label;
}
