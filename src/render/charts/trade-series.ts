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
 * colour-blindness and greyscale print; a partial period's balance is a point of its own,
 * never joined to full years.
 *
 * Periods reported by different countries are drawn as separate series, one per reporter,
 * each named in the legend: a line never joins one country's statistics to the other's
 * (each balance is its reporter's exports minus imports, so the signs are opposite views).
 */
export function planTradeSeries(spec: TradeSeriesSpec): ChartPlan {
  const w = numberWords(spec.locale);
  const W = chartWords(spec.words);
  const L = {
    turnover: W.turnover,
    balance: W.balance,
    noData: W.noData,
    partialNote: W.partialNote,
    partial: W.partial,
    reportedBy: W.reportedBy,
    partialBalance: W.partialBalance,
    ...spec.labels,
  };
  const unit = W.unit ?? unitTitle(spec.unit, spec.currency);
  const c = compactAmounts(spec.unit, spec.currency, spec.locale);
  const scaled = (n: number | undefined) => (isFigure(n) ? n * c.factor : null);
  const periods = spec.periods;
  const labels = [...new Set(periods.map((p) => p.label))];
  const reporters = periods.length ? [...new Set(periods.map((p) => p.reporter ?? ''))] : [''];
  const many = reporters.length > 1;
  const named = (series: string, r: string) => (many ? L.reportedBy.replace('{series}', series).replace('{reporter}', r) : series);
  const cell = (r: string, label: string) => periods.find((p) => (p.reporter ?? '') === r && p.label === label);
  const span = labels.length > 1 ? frame(W.periodsSpan, { first: labels[0]!, last: labels[labels.length - 1]! }) : (labels[0] ?? '');
  const title =
    spec.title ??
    `${frame(W.tradeTitle, { reporter: spec.reporterName, partner: spec.partnerName, period: span })}${many ? W.byReporter : ''}`;
  const anyPartial = periods.some((p) => p.partial);

  // Reporter k: bars in colour 0 or 2, balance in 1 or 3; the second reporter's line is dashed
  // and marked by triangles, a cue besides colour.
  const look = (k: number) => ({
    bar: seriesColor(k === 0 ? 0 : 2 + 2 * (k - 1)),
    line: seriesColor(k === 0 ? 1 : 3 + 2 * (k - 1)),
    point: k === 0 ? 'rectRot' : 'triangle',
    dash: k === 0 ? undefined : [6, 3],
  });
  type Ds = Record<string, unknown> & { data: (number | null)[] };
  const bars: Ds[] = [];
  const lines: Ds[] = [];
  const dots: { k: number; ds: Ds }[] = [];
  const hatches: { datasetIndex: number; indices: number[]; color: string }[] = [];
  reporters.forEach((r, k) => {
    const s = look(k);
    const rows = labels.map((label) => cell(r, label));
    bars.push({
      type: 'bar',
      label: `${named(L.turnover, r)}, ${c.unit}`,
      data: rows.map((p) => scaled(p?.turnover)),
      backgroundColor: rows.map((p) => (p?.partial ? withAlpha(s.bar, 0.35) : s.bar)),
      borderColor: s.bar,
      borderWidth: rows.map((p) => (p?.partial ? 1.5 : 0)),
      barPercentage: 0.75,
      maxBarThickness: MAX_BAR_PX,
      order: 20 - k, // bars drawn first, so balances stay on top; the legend lists reporters in order
    });
    lines.push({
      type: 'line',
      label: `${named(L.balance, r)}, ${c.unit}`,
      data: rows.map((p) => (p?.partial ? null : scaled(p?.balance))),
      borderColor: s.line,
      backgroundColor: s.line,
      borderWidth: 2.5,
      ...(s.dash ? { borderDash: s.dash } : {}),
      pointStyle: s.point, // a second cue besides colour
      pointRadius: 5,
      spanGaps: false,
      order: 10 - 2 * k,
    });
    if (rows.some((p) => p?.partial && isFigure(p.balance)))
      dots.push({
        k,
        ds: {
          type: 'line',
          label: `${named(L.partialBalance, r)}, ${c.unit}`,
          data: rows.map((p) => (p?.partial ? scaled(p.balance) : null)),
          borderColor: s.line,
          backgroundColor: '#ffffff',
          borderWidth: 2,
          showLine: false,
          pointStyle: s.point,
          pointRadius: 5,
          order: 9 - 2 * k,
        },
      });
    hatches.push({ datasetIndex: k, indices: rows.flatMap((p, i) => (p?.partial && isFigure(p.turnover) ? [i] : [])), color: s.bar });
  });
  const datasets = [...bars, ...lines, ...dots.map((d) => d.ds)];
  const lineIndex = (k: number) => bars.length + k;
  const dotIndex = (k: number) => bars.length + lines.length + dots.findIndex((d) => d.k === k);

  // Turnover labels first: when space runs out, balance labels are the ones left out.
  const items: ValueLabel[] = [
    ...reporters.flatMap((r, k) =>
      labels.flatMap((label, index) => {
        const p = cell(r, label);
        return p && isFigure(p.turnover) ? [{ datasetIndex: k, index, text: c.plain(p.turnover) }] : [];
      }),
    ),
    ...reporters.flatMap((r, k) =>
      labels.flatMap((label, index) => {
        const p = cell(r, label);
        return p && isFigure(p.balance) ? [{ datasetIndex: p.partial ? dotIndex(k) : lineIndex(k), index, text: c.signed(p.balance) }] : [];
      }),
    ),
  ];
  const [hatch, ...more] = hatches;
  const options = frameOptions<'bar'>({
    title,
    subtitle: periods.length === 0 ? [L.noData] : anyPartial ? [L.partialNote] : undefined,
    source: spec.source,
    locale: spec.locale ?? 'en-US',
    legend: true,
  });
  const config: ChartConfiguration<'bar' | 'line'> = {
    type: 'bar',
    data: { labels: labels.map((l) => tickLines(l)), datasets: datasets as ChartConfiguration<'bar' | 'line'>['data']['datasets'] },
    options: {
      ...(options as object),
      scales: { y: valueAxis(c.unit), x: categoryAxis() },
      plugins: {
        ...options.plugins,
        // Dataset `order` also sorts the legend (balance first); reversed, turnover leads.
        legend: { ...options.plugins?.legend, reverse: true },
        bilatValueLabels: { items, color: theme.color.ink },
        bilatZeroLine: { color: theme.color.muted, axis: 'y' },
        bilatHatch: { ...(hatch ?? { datasetIndex: 0, indices: [], color: seriesColor(0) }), ...(more.length ? { more } : {}) },
      },
    },
  };

  const alt = sentences([
    frame(W.altSeries, { title, unit }),
    ...periods.map((p) => {
      const t = isFigure(p.turnover) ? w.plain(p.turnover) : L.noData;
      const b = isFigure(p.balance) ? w.signed(p.balance) : L.noData;
      const who = many
        ? ` (${L.reportedBy
            .replace('{series}', '')
            .replace('{reporter}', p.reporter ?? '')
            .trim()})`
        : '';
      return `${p.label}${p.partial ? ` (${L.partial})` : ''}${who}: ${L.turnover} ${t}, ${L.balance} ${b}`;
    }),
    spec.source,
  ]);
  return {
    config: config as ChartConfiguration,
    width: spec.width ?? CHART_WIDTH_PX,
    height: heightFor(labels.length, TRADE_SERIES_HEIGHT),
    title,
    alt,
  };
}

/**
 * A long period label on short lines ("January–", "June 2024"), broken after spaces and
 * dashes, so the axis stays horizontal and narrow periods keep their ticks: Chart.js sizes
 * every slot for the widest label and would otherwise tilt or skip them.
 */
export function tickLines(label: string, max = 10): string | string[] {
  if (label.length <= max) return label;
  const parts = label
    .split(/(?<=[\s–—-])/)
    .map((p) => p.trim())
    .filter(Boolean);
  const lines: string[] = [];
  for (const p of parts) {
    const last = lines[lines.length - 1];
    const joined = last === undefined ? p : /[–—-]$/.test(last) ? `${last}${p}` : `${last} ${p}`;
    if (last !== undefined && joined.length <= max) lines[lines.length - 1] = joined;
    else lines.push(p);
  }
  return lines.length > 1 ? lines : label;
}
