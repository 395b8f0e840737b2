/**
 * A trade series never joins figures reported by different countries (issue #16): each bar
 * series and each balance line holds one reporter's figures, at that reporter's periods only;
 * a partial period's balance is never on a line. Checked on the chart plan (the Chart.js
 * config that is drawn) over generated series, and on the SYNTHETIC fixture through the view.
 */
import '../helpers/fast-check-seed.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/view.js';
import { chartSpec } from '../../src/render/chart-figures.js';
import { ensureChartsReady, planChart, renderChart, type TradeSeriesSpec } from '../../src/render/charts/index.js';
import { validateFile } from '../../src/validate/validate.js';

type Period = TradeSeriesSpec['periods'][number];
interface Ds {
  type?: string;
  label: string;
  data: (number | null)[];
  showLine?: boolean;
}

const FACTOR = 1e6; // unit "million": the plan draws real magnitudes

/** Whose figures a dataset draws, from its legend label ("Balance reported by Quessia, USD"). */
const reporterOf = (d: Ds, names: string[]) => names.find((n) => d.label.includes(`reported by ${n},`));

/** Every way a plan could join reporters or fold a partial period into a line, in words. */
function joins(spec: TradeSeriesSpec): string[] {
  const { config } = planChart(spec);
  const labels = (config.data.labels as (string | string[])[]).map((l) => (Array.isArray(l) ? l.join(' ') : l).replace(/– /g, '–'));
  const datasets = config.data.datasets as unknown as Ds[];
  const names = [...new Set(spec.periods.map((p) => p.reporter!))];
  const faults: string[] = [];
  const lines = datasets.filter((d) => d.type === 'line' && d.showLine !== false);
  if (lines.length !== names.length) faults.push(`${lines.length} balance lines for ${names.length} reporters`);
  for (const d of datasets) {
    const who = names.length > 1 ? reporterOf(d, names) : names[0];
    if (who === undefined) {
      faults.push(`dataset "${d.label}" names no reporter`);
      continue;
    }
    const field = d.type === 'bar' ? 'turnover' : 'balance';
    d.data.forEach((v, i) => {
      if (v === null) return;
      const own = spec.periods.find((p) => p.reporter === who && p.label === labels[i]);
      if (!own) faults.push(`"${d.label}" draws ${v} at ${labels[i]}, where ${who} reports nothing`);
      else if (Math.abs((own[field] ?? NaN) * FACTOR - v) > 1e-6 * Math.abs(v))
        faults.push(`"${d.label}" draws ${v} at ${labels[i]}, not ${who}'s ${field}`);
      else if (d.type === 'line' && d.showLine !== false && own.partial)
        faults.push(`"${d.label}" joins the partial period ${labels[i]} to a line`);
    });
  }
  return faults;
}

const series = (periods: Period[]): TradeSeriesSpec => ({
  kind: 'trade-series',
  reporterName: 'Lowland',
  partnerName: 'Highland',
  currency: 'USD',
  unit: 'million',
  source: '',
  periods,
});

describe('trade series by reporter', () => {
  beforeAll(ensureChartsReady);

  it("draws the issue's case apart: −36 (one side, 2020) and +82.8 (the other, 2022) are on different lines", () => {
    const spec = series([
      { label: '2020', turnover: 236, balance: -36, reporter: 'Lowland' },
      { label: '2022', turnover: 317.2, balance: 82.8, reporter: 'Highland' },
    ]);
    expect(joins(spec)).toEqual([]);
    const lines = (planChart(spec).config.data.datasets as unknown as Ds[]).filter((d) => d.type === 'line');
    expect(lines.map((d) => d.data)).toEqual([
      [-36e6, null],
      [null, 82.8e6],
    ]);
    expect(lines.map((d) => d.label)).toEqual(['Balance reported by Lowland, USD', 'Balance reported by Highland, USD']);
    const { alt, title } = renderChart(spec);
    expect(title).toBe('Lowland – Highland trade, 2020 to 2022, by reporting country');
    expect(alt).toContain('2020 (reported by Lowland): Turnover 236, Balance −36.');
    expect(alt).toContain('2022 (reported by Highland): Turnover 317.2, Balance +82.8.');
  });

  it('would catch a plan that joins them (the check itself can fail)', () => {
    const spec = series([
      { label: '2020', balance: -36, reporter: 'Lowland' },
      { label: '2022', balance: 82.8, reporter: 'Highland' },
    ]);
    const { config } = planChart(spec);
    const ds = config.data.datasets as unknown as Ds[];
    // What the chart drew before: one line through both reporters' balances.
    const line = ds.find((d) => d.label.startsWith('Balance reported by Lowland'))!;
    line.data = [-36e6, 82.8e6];
    const broken = { ...spec };
    expect(joinsOf(config, broken)).toContain('"Balance reported by Lowland, USD" draws 82800000 at 2022, where Lowland reports nothing');
  });

  it("keeps a partial period's balance off the line, as an unjoined point", () => {
    const spec = series([
      { label: '2021', turnover: 10, balance: 1, reporter: 'Lowland' },
      { label: '2022', turnover: 12, balance: 2, reporter: 'Lowland' },
      { label: 'January–June 2023', turnover: 5, balance: -1, partial: true, reporter: 'Lowland' },
    ]);
    expect(joins(spec)).toEqual([]);
    const ds = planChart(spec).config.data.datasets as unknown as Ds[];
    expect(ds.map((d) => [d.label, d.data])).toEqual([
      ['Turnover, USD', [10e6, 12e6, 5e6]],
      ['Balance, USD', [1e6, 2e6, null]],
      ['Balance (part of a year), USD', [null, null, -1e6]],
    ]);
  });

  it('never joins reporters or partial periods, over generated series', () => {
    const period = fc.record({
      year: fc.integer({ min: 2000, max: 2012 }),
      partial: fc.boolean(),
      reporter: fc.constantFrom('Lowland', 'Highland', 'Midland'),
      turnover: fc.option(
        fc.integer({ min: 1, max: 9999 }).map((n) => n / 10),
        { nil: undefined },
      ),
      balance: fc.option(
        fc.integer({ min: -9999, max: 9999 }).map((n) => n / 10),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(period, { selector: (p) => `${p.year}|${p.reporter}`, maxLength: 14 }), (ps) => {
        const periods = ps
          .sort((a, b) => a.year - b.year)
          // One label per year: a partial year is partial for every reporter.
          .map((p) => ({
            label: ps.some((q) => q.year === p.year && q.partial) ? `January–June ${p.year}` : String(p.year),
            turnover: p.turnover,
            balance: p.balance,
            partial: ps.some((q) => q.year === p.year && q.partial),
            reporter: p.reporter,
          }));
        if (periods.length === 0) return;
        expect(joins(series(periods))).toEqual([]);
      }),
      { numRuns: Number(process.env.TRADE_REPORTERS_RUNS ?? 200) },
    );
  });

  it("draws the fixture's two reporters apart, from the view the briefs use", () => {
    const r = validateFile('tests/fixtures/relationships/mislead-synthetic.yaml', '2026-11-22');
    const view = buildView(r.data!, {
      asOf: '2026-11-22',
      audience: { id: 'analyst', label: 'Analyst brief', classification: 'Internal', internal: true },
    });
    const { spec } = chartSpec('trade-series', view.trade.periods, view);
    const s = spec as TradeSeriesSpec;
    expect(new Set(s.periods.map((p) => p.reporter))).toEqual(new Set(['Quorland', 'Quessia']));
    expect(joins({ ...s, reporterName: 'Lowland', partnerName: 'Highland' })).toEqual([]);
    const lines = (planChart(s).config.data.datasets as unknown as Ds[]).filter((d) => d.type === 'line' && d.showLine !== false);
    expect(lines.map((d) => d.label)).toEqual(['Balance reported by Quorland, USD', 'Balance reported by Quessia, USD']);
    // The split chart of the latest period (turnover and balance computed by bilat) says so.
    const split = renderChart(chartSpec('trade-split', view.trade.latest, view).spec);
    expect(split.alt).toContain('Turnover (computed): 177.6');
    expect(split.alt).toContain('Balance (computed): +17.4');
  });
});

/** joins() on a config already planned (to show that a joining plan is caught). */
function joinsOf(config: ReturnType<typeof planChart>['config'], spec: TradeSeriesSpec): string[] {
  const datasets = config.data.datasets as unknown as Ds[];
  const labels = (config.data.labels as string[]).map(String);
  const names = [...new Set(spec.periods.map((p) => p.reporter!))];
  const out: string[] = [];
  for (const d of datasets.filter((x) => x.type === 'line')) {
    const who = reporterOf(d, names)!;
    d.data.forEach((v, i) => {
      if (v !== null && !spec.periods.some((p) => p.reporter === who && p.label === labels[i]))
        out.push(`"${d.label}" draws ${v} at ${labels[i]}, where ${who} reports nothing`);
    });
  }
  return out;
}
