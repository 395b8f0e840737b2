import type { ChartConfiguration } from 'chart.js';
import { theme } from '../theme.js';
import { compactAmounts, isFigure, numberWords, sentences, unitTitle } from './format.js';
import type { ChartPlan } from './plan.js';
import { wrapWords } from './text-box.js';
import type { ValueLabel } from './plugins.js';
import { CHART_WIDTH_PX, categoryAxis, frameOptions, seriesColor, valueAxis } from './style.js';
import type { TradeSplitLabels, TradeSplitSpec } from './types.js';
import { chartWords, frame } from './words.js';

export const TRADE_SPLIT_HEIGHT = 230;

function labelsFor(spec: TradeSplitSpec): TradeSplitLabels {
  const W = chartWords(spec.words);
  return {
    exports: frame(W.exportsTo, { partner: spec.partnerName }),
    imports: frame(W.importsFrom, { partner: spec.partnerName }),
    turnover: W.turnover,
    balance: W.balance,
    noData: W.noData,
    ...spec.labels,
  };
}

/**
 * Two horizontal bars, exports then imports (theme series 0 and 1). Turnover and balance
 * are not bars — they are sums and differences of the bars — so they go in the subtitle.
 */
export function planTradeSplit(spec: TradeSplitSpec): ChartPlan {
  const w = numberWords(spec.locale);
  const L = labelsFor(spec);
  const W = chartWords(spec.words);
  const unit = W.unit ?? unitTitle(spec.unit, spec.currency);
  const c = compactAmounts(spec.unit, spec.currency, spec.locale);
  const title = spec.title ?? frame(W.tradeTitle, { reporter: spec.reporterName, partner: spec.partnerName, period: spec.periodLabel });
  const bars = [
    { label: L.exports, value: spec.exports },
    { label: L.imports, value: spec.imports },
  ];
  const said = (v: number | undefined, f: (n: number) => string) => (isFigure(v) ? f(v) : L.noData);
  const turnover = `${L.turnover} ${said(spec.turnover, c.plain)}`;
  const balance = `${L.balance} ${said(spec.balance, c.signed)}`;

  const items: ValueLabel[] = bars.flatMap((b, index) => (isFigure(b.value) ? [{ datasetIndex: 0, index, text: c.plain(b.value) }] : []));
  const options = frameOptions<'bar'>({
    title,
    subtitle: [`${turnover} · ${balance} (${c.unit})`],
    source: spec.source,
    locale: spec.locale ?? 'en-US',
    legend: false,
  });
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      // A compact (column) chart wraps its bar names sooner: Chart.js clips an axis wider than a third.
      labels: bars.map((b) =>
        wrapWords(isFigure(b.value) ? b.label : `${b.label} (${L.noData})`, (spec.width ?? CHART_WIDTH_PX) < 480 ? 18 : 28),
      ),
      datasets: [
        {
          label: c.unit,
          data: bars.map((b) => (isFigure(b.value) ? b.value * c.factor : null)) as number[],
          backgroundColor: [seriesColor(0), seriesColor(1)],
          barPercentage: 0.8,
          categoryPercentage: 0.8,
        },
      ],
    },
    options: {
      ...options,
      indexAxis: 'y',
      scales: { x: valueAxis(c.unit, { grace: '15%' }), y: categoryAxis() },
      plugins: { ...options.plugins, bilatValueLabels: { items, color: theme.color.ink } },
    },
  };

  const alt = sentences([
    frame(W.altSplit, { title, unit }),
    ...bars.map((b) => `${b.label}: ${said(b.value, w.plain)}`),
    `${L.turnover}: ${said(spec.turnover, w.plain)}`,
    `${L.balance}: ${said(spec.balance, w.signed)}`,
    spec.source,
  ]);
  return { config: config as ChartConfiguration, width: spec.width ?? CHART_WIDTH_PX, height: TRADE_SPLIT_HEIGHT, title, alt };
}
