import { BilatError } from '../errors.js';
import { CHART_KINDS } from './chart-kinds.js';
import type { BriefView, Ref, TradeView } from '../model/view-types.js';
import { createGrammar, type Grammar } from '../model/grammar/index.js';
import type { ChartWords } from './charts/words.js';
import { withoutMarkers } from '../model/localize.js';
import type { ChartSpec, RenderedChart } from './charts/index.js';
import { createChartCache, renderChart, type ChartCache } from './charts/index.js';

/** One cache per process (per worker): a pair's charts are drawn once and shared by every audience and format. */
let cache: ChartCache | undefined;
// A pair needs a handful of entries (three charts, one compact); a small cap keeps long batches lean.
const chartCache = () => (cache ??= createChartCache(renderChart, 24));

/** Drops the drawn charts: a batch worker never sees a finished file's charts again. */
export function forgetChartFigures(): void {
  cache?.clear();
}

const COMPACT_WIDTH_PX = 340;
const UNIT: Record<string, number> = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Build a chart spec from the view data a template passed to {{chart kind data}}. */
export function chartSpec(
  kind: string,
  data: unknown,
  view: BriefView,
  g: Grammar = createGrammar(view.meta.locale),
): { spec: ChartSpec; note?: string } {
  const source = (refs: Ref[]) => sourceLine(view, refs, g);
  const locale = view.meta.locale;
  // An English brief keeps the charts' own words (and their cache keys) exactly as before.
  const words = (unit?: { currency: string; unit: string }) => (view.meta.language === 'en' ? {} : { words: chartWords(g, unit) });
  switch (kind) {
    case 'trade-split': {
      const t = data as TradeView;
      return {
        spec: {
          kind,
          periodLabel: t.label,
          reporterName: t.reporterName,
          partnerName: t.partnerName,
          currency: t.currency,
          unit: t.unit,
          exports: t.exports,
          imports: t.imports,
          turnover: t.turnover,
          balance: t.balance,
          source: source(t.refs),
          locale,
          ...computedLabels(t, g),
          ...words(t),
        },
      };
    }
    case 'trade-series': {
      const all = data as TradeView[];
      // One axis, one currency and unit: the latest period's. Other units of that currency are
      // converted exactly; periods in another currency stay in the table only, and the caption says so.
      const base = view.trade.latest ?? all[0]!;
      const ps = all.filter((p) => p.currency === base.currency);
      const scale = (p: TradeView) => (n: number | undefined) =>
        n === undefined || p.unit === base.unit ? n : (n * (UNIT[p.unit] ?? 1)) / (UNIT[base.unit] ?? 1);
      const reporters = new Set(ps.map((p) => p.reporter));
      // Several reporters: the title names the pair in its own order, each series its reporter.
      const [a, b] = reporters.size > 1 ? [view.countries[0]!.name, view.countries[1]!.name] : [base.reporterName, base.partnerName];
      const left = all.length - ps.length;
      return {
        spec: {
          kind,
          reporterName: a,
          partnerName: b,
          currency: base.currency,
          unit: base.unit,
          periods: ps.map((p) => ({
            label: p.label,
            turnover: scale(p)(p.turnover),
            balance: scale(p)(p.balance),
            partial: p.partial,
            reporter: p.reporterName,
          })),
          source: source(ps.flatMap((p) => p.refs)),
          locale,
          ...words(base),
        },
        note: left ? g.t('chart.trade-left-out', { n: left }) : undefined,
      };
    }
    case 'contacts-by-year': {
      const c = data as BriefView['contactsByYear'];
      const used = Object.fromEntries(Object.entries(c.kindLabels).filter(([k]) => c.rows.some((r) => r.kind === k)));
      return {
        spec: { kind, rows: c.rows, kindLabels: used, source: source(c.refs), locale, ...words() },
        note:
          [
            c.excluded ? g.t('chart.contacts-left-out', { n: c.excluded }) : '',
            c.forums ? g.t('chart.forums-left-out', { n: c.forums }) : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined,
      };
    }
    default:
      throw new BilatError('E_TEMPLATE', `unknown chart kind "${kind}" (use ${CHART_KINDS.join(', ')})`);
  }
}

/** Turnover and balance bilat computed say so in the chart too (only then: other specs stay as they were). */
function computedLabels(t: TradeView, g: Grammar): { labels?: { turnover?: string; balance?: string } } {
  if (!t.turnoverComputed && !t.balanceComputed) return {};
  const computed = (key: 'chart.turnover' | 'chart.balance') => g.t('figure.computed', { label: String(g.catalog[key]) });
  return {
    labels: {
      ...(t.turnoverComputed ? { turnover: computed('chart.turnover') } : {}),
      ...(t.balanceComputed ? { balance: computed('chart.balance') } : {}),
    },
  };
}

/** `Source: [2] Ministry …, 2020`: the figure's sources, numbered as in the brief. */
function sourceLine(view: BriefView, refs: Ref[], g: Grammar): string {
  const seen = new Set<number>();
  const parts: string[] = [];
  for (const r of refs) {
    if (seen.has(r.n)) continue;
    seen.add(r.n);
    const s = view.sources.find((x) => x.n === r.n);
    if (!s) continue;
    parts.push(`[${s.n}] ${s.credit}${s.published ? `, ${s.published}` : ''}`);
  }
  return parts.length ? g.t('credit.line', { n: parts.length, list: parts.join('; ') }) : '';
}

/** The catalog's chart words; slots stay for the chart to fill. */
function chartWords(g: Grammar, amounts?: { currency: string; unit: string }): Partial<ChartWords> {
  const f = (key: Parameters<Grammar['t']>[0]) => String(g.catalog[key]);
  return {
    tradeTitle: f('chart.trade-title'),
    periodsSpan: f('chart.periods-span'),
    exportsTo: f('chart.exports-to'),
    importsFrom: f('chart.imports-from'),
    turnover: f('chart.turnover'),
    balance: f('chart.balance'),
    noData: f('chart.no-data'),
    partialNote: f('chart.partial-note'),
    partial: f('chart.partial'),
    contactsTitle: f('chart.contacts-title'),
    contactsAxis: f('chart.contacts-axis'),
    noContacts: f('chart.no-contacts'),
    none: f('chart.none'),
    altSplit: f('chart.alt-split'),
    altSeries: f('chart.alt-series'),
    altContacts: f('chart.alt-contacts'),
    reportedBy: f('chart.reported-by'),
    partialBalance: f('chart.partial-balance'),
    byReporter: f('chart.by-reporter'),
    ...(amounts ? { unit: g.unit(amounts.currency, amounts.unit) } : {}),
  };
}

/**
 * A captioned figure: inline SVG with real text (see finishSvg), role="img" and a <title>
 * stating every figure. The same markup serves the HTML brief and, drawn as vectors by
 * pdf/chart-drawing.ts, the PDF.
 */
export function chartFigure(kind: string, data: unknown, view: BriefView, hash: Record<string, unknown>, g?: Grammar): string {
  const raw = chartSpec(kind, data, view, g);
  // A chart draws plain text: a name the data lacks in the brief's language is drawn as given.
  const json = JSON.stringify(raw.spec);
  const spec = json === withoutMarkers(json) ? raw.spec : (JSON.parse(withoutMarkers(json)) as ChartSpec);
  const note = raw.note;
  // A compact chart is laid out narrower with the same text size, to stay legible in a column.
  if (hash.size === 'compact') spec.width = COMPACT_WIDTH_PX;
  const cls = `chart chart--${kind}${hash.size ? ` chart--${esc(String(hash.size))}` : ''}`;
  const caption = note ? `<figcaption>${esc(note)}</figcaption>` : '';
  const chart: RenderedChart = chartCache().render(spec);
  return `<figure class="${cls}">${chart.svg}${caption}</figure>`;
}
