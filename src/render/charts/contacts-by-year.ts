import type { ChartConfiguration } from 'chart.js';
import { theme } from '../theme.js';
import { numberWords, sentences } from './format.js';
import type { ChartPlan } from './plan.js';
import type { ValueLabel } from './plugins.js';
import { CHART_WIDTH_PX, FONT_PX, MAX_BAR_PX, categoryAxis, frameOptions, heightFor, seriesColor, valueAxis } from './style.js';
import type { ContactsByYearSpec } from './types.js';
import { chartWords, frame } from './words.js';
import { ownValue } from '../../own-key.js';

export const CONTACTS_HEIGHT = 320;

/** Counts per kind and year; duplicate rows add up, non-positive counts are dropped. */
function tally(spec: ContactsByYearSpec) {
  const counts = new Map<string, Map<number, number>>();
  for (const r of spec.rows) {
    if (!Number.isInteger(r.year) || !(r.count > 0)) continue;
    const byYear = counts.get(r.kind) ?? new Map<number, number>();
    byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.count);
    counts.set(r.kind, byYear);
  }
  const years = [...new Set([...counts.values()].flatMap((m) => [...m.keys()]))];
  const min = Math.min(...years);
  const max = Math.max(...years);
  // Every year in the range, so a year without contacts shows as a gap, not as nothing.
  const range = years.length ? Array.from({ length: max - min + 1 }, (_, i) => min + i) : [];
  // Label order first, then kinds the labels do not know, sorted so output is stable.
  const known = Object.keys(spec.kindLabels).filter((k) => counts.has(k));
  const unknown = [...counts.keys()].filter((k) => !Object.hasOwn(spec.kindLabels, k)).sort();
  return { counts, years: range, kinds: [...known, ...unknown] };
}

/** Stacked bars per year, one colour per kind of contact, total above each stack. */
export function planContactsByYear(spec: ContactsByYearSpec): ChartPlan {
  const w = numberWords(spec.locale);
  const { counts, years, kinds } = tally(spec);
  const label = (k: string) => ownValue(spec.kindLabels, k) ?? k;
  const count = (k: string, y: number) => counts.get(k)?.get(y) ?? 0;
  const span = years.length > 1 ? `, ${years[0]}–${years[years.length - 1]}` : years.length ? `, ${years[0]}` : '';
  const W = chartWords(spec.words);
  const title = spec.title ?? frame(W.contactsTitle, { span });
  const unit = spec.unitLabel ?? W.contactsAxis;

  const items: ValueLabel[] = years.flatMap((y, index) => {
    const total = kinds.reduce((s, k) => s + count(k, y), 0);
    const top = kinds.findLastIndex((k) => count(k, y) > 0);
    return top >= 0 ? [{ datasetIndex: top, index, text: w.plain(total) }] : [];
  });
  const options = frameOptions<'bar'>({
    title,
    subtitle: kinds.length ? undefined : [W.noContacts],
    source: spec.source,
    locale: spec.locale ?? 'en-US',
    legend: kinds.length > 0,
  });
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: years.map(String),
      datasets: kinds.map((k, i) => ({
        label: label(k),
        data: years.map((y) => count(k, y)),
        backgroundColor: seriesColor(i),
        // A white seam between stacked segments, so adjacent colours never touch.
        borderColor: '#ffffff',
        borderWidth: { top: 1, bottom: 0, left: 0, right: 0 },
        barPercentage: 0.7,
        maxBarThickness: MAX_BAR_PX,
      })),
    },
    options: {
      ...options,
      scales: {
        x: categoryAxis({ stacked: true }),
        y: valueAxis(unit, {
          stacked: true,
          ticks: { precision: 0, color: theme.color.muted, font: { size: FONT_PX.tick }, maxRotation: 0 },
        }),
      },
      plugins: { ...options.plugins, bilatValueLabels: { items, color: theme.color.ink } },
    },
  };

  const perYear = years.map((y) => {
    const parts = kinds.filter((k) => count(k, y) > 0).map((k) => `${label(k)} ${w.plain(count(k, y))}`);
    const total = kinds.reduce((s, k) => s + count(k, y), 0);
    return parts.length ? `${y}: ${w.plain(total)} (${parts.join(', ')})` : `${y}: ${W.none}`;
  });
  const alt = sentences([frame(W.altContacts, { title, unit }), ...(perYear.length ? perYear : [W.noContacts]), spec.source]);
  return {
    config: config as ChartConfiguration,
    width: spec.width ?? CHART_WIDTH_PX,
    height: heightFor(years.length, CONTACTS_HEIGHT),
    title,
    alt,
  };
}
