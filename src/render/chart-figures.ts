import { BilatError } from '../errors.js';
import { CHART_KINDS } from './chart-kinds.js';
import type { BriefView, Ref, TradeView } from '../model/view-types.js';
import { createGrammar } from '../model/grammar/index.js';
import type { ChartSpec, RenderedChart } from './charts/index.js';
import { createChartCache, renderChart, type ChartCache } from './charts/index.js';

/** One cache per process (per worker): a pair's charts are drawn once and shared by every audience and format. */
let cache: ChartCache | undefined;
// A pair needs a handful of entries (three charts, one compact); a small cap keeps long batches lean.
const chartCache = () => (cache ??= createChartCache(renderChart, 24));

const COMPACT_WIDTH_PX = 340;
const UNIT: Record<string, number> = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Build a chart spec from the view data a template passed to {{chart kind data}}. */
export function chartSpec(kind: string, data: unknown, view: BriefView): { spec: ChartSpec; note?: string } {
  const source = (refs: Ref[]) => sourceLine(view, refs);
  const locale = view.meta.locale;
  switch (kind) {
    case 'trade-split': {
      const t = data as TradeView;
      return {
        spec: { kind, periodLabel: t.label, reporterName: t.reporterName, partnerName: t.partnerName, currency: t.currency, unit: t.unit, exports: t.exports, imports: t.imports, turnover: t.turnover, balance: t.balance, source: source(t.refs), locale, ...computedLabels(t) },
      };
    }
    case 'trade-series': {
      const all = data as TradeView[];
      // One axis, one currency and unit: the latest period's. Other units of that currency are
      // converted exactly; periods in another currency stay in the table only, and the caption says so.
      const base = view.trade.latest ?? all[0]!;
      const ps = all.filter((p) => p.currency === base.currency);
      const scale = (p: TradeView) => (n: number | undefined) => (n === undefined || p.unit === base.unit ? n : (n * (UNIT[p.unit] ?? 1)) / (UNIT[base.unit] ?? 1));
      const reporters = new Set(ps.map((p) => p.reporter));
      // Several reporters: the title names the pair in its own order, each series its reporter.
      const [a, b] = reporters.size > 1 ? [view.countries[0]!.name, view.countries[1]!.name] : [base.reporterName, base.partnerName];
      const left = all.length - ps.length;
      return {
        spec: { kind, reporterName: a, partnerName: b, currency: base.currency, unit: base.unit, periods: ps.map((p) => ({ label: p.label, turnover: scale(p)(p.turnover), balance: scale(p)(p.balance), partial: p.partial, reporter: p.reporterName })), source: source(ps.flatMap((p) => p.refs)), locale },
        note: left ? createGrammar(locale).t('chart.trade-left-out', { n: left }) : undefined,
      };
    }
    case 'contacts-by-year': {
      const c = data as BriefView['contactsByYear'];
      const used = Object.fromEntries(Object.entries(c.kindLabels).filter(([k]) => c.rows.some((r) => r.kind === k)));
      return {
        spec: { kind, rows: c.rows, kindLabels: used, source: source(c.refs), locale },
        note: [c.excluded ? createGrammar(locale).t('chart.contacts-left-out', { n: c.excluded }) : '', c.forums ? createGrammar(locale).t('chart.forums-left-out', { n: c.forums }) : ''].filter(Boolean).join(' ') || undefined,
      };
    }
    default:
      throw new BilatError('E_TEMPLATE', `unknown chart kind "${kind}" (use ${CHART_KINDS.join(', ')})`);
  }
}

/** Turnover and balance bilat computed say so in the chart too (only then: other specs stay as they were). */
function computedLabels(t: TradeView): { labels?: { turnover?: string; balance?: string } } {
  if (!t.turnoverComputed && !t.balanceComputed) return {};
  return { labels: { ...(t.turnoverComputed ? { turnover: 'Turnover (computed)' } : {}), ...(t.balanceComputed ? { balance: 'Balance (computed)' } : {}) } };
}

/** `Source: [2] Ministry …, 2020`: the figure's sources, numbered as in the brief. */
function sourceLine(view: BriefView, refs: Ref[]): string {
  const seen = new Set<number>();
  const parts: string[] = [];
  for (const r of refs) {
    if (seen.has(r.n)) continue;
    seen.add(r.n);
    const s = view.sources.find((x) => x.n === r.n);
    if (!s) continue;
    parts.push(`[${s.n}] ${s.credit}${s.published ? `, ${s.published}` : ''}`);
  }
  return parts.length ? createGrammar(view.meta.locale).t('credit.line', { n: parts.length, list: parts.join('; ') }) : '';
}

/**
 * A captioned figure: inline SVG with real text (see finishSvg), role="img" and a <title>
 * stating every figure. The same markup serves the HTML brief and, drawn as vectors by
 * pdf/chart-drawing.ts, the PDF.
 */
export function chartFigure(kind: string, data: unknown, view: BriefView, hash: Record<string, unknown>): string {
  const { spec, note } = chartSpec(kind, data, view);
  // A compact chart is laid out narrower with the same text size, to stay legible in a column.
  if (hash.size === 'compact') spec.width = COMPACT_WIDTH_PX;
  const cls = `chart chart--${kind}${hash.size ? ` chart--${esc(String(hash.size))}` : ''}`;
  const caption = note ? `<figcaption>${esc(note)}</figcaption>` : '';
  const chart: RenderedChart = chartCache().render(spec);
  return `<figure class="${cls}">${chart.svg}${caption}</figure>`;
}
