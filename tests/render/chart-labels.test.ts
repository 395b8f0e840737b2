/**
 * Charts at any scale: over generated data (figures from 0.01 to 10¹², 0–40 periods, negative
 * balances, partial periods, 0–300 contacts of up to 8 kinds), every text the SVG draws has a
 * box, computed from its position and the measured Roboto glyphs, that stays inside the chart
 * and overlaps no other; every kind of contact has its own colour.
 */
import { createCanvas } from '@napi-rs/canvas';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactAmounts } from '../../src/render/charts/format.js';
import {
  ensureChartsReady,
  planChart,
  renderChart,
  type ChartSpec,
  type ContactsByYearSpec,
  type TradeSeriesSpec,
  type TradeSplitSpec,
} from '../../src/render/charts/index.js';
import { decodeEntities } from '../helpers/text.js';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  text: string;
}

const measureCtx = createCanvas(10, 10).getContext('2d');

/** Ink boxes of every <text> in a chart SVG (the halo's stroke copy and its fill count once). */
function textBoxes(svg: string): { boxes: Box[]; width: number; height: number } {
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  const seen = new Set<string>();
  const boxes: Box[] = [];
  for (const [, attrs, body] of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const a = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(attrs!)?.[1];
    const text = decodeEntities(body!);
    const xs = a('x')!.split(' ').map(Number);
    const y = Number(a('y'));
    const key = `${text}|${xs[0]}|${y}|${a('transform') ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    measureCtx.font = `${a('font-weight') ?? 400} ${a('font-size')}px Roboto`;
    const m = measureCtx.measureText(text);
    const local = {
      left: xs[0]! - m.actualBoundingBoxLeft,
      right: xs[0]! + m.actualBoundingBoxRight,
      top: y - m.actualBoundingBoxAscent,
      bottom: y + m.actualBoundingBoxDescent,
    };
    const t = a('transform');
    const mt = t ? /matrix\(([^)]*)\)/.exec(t) : null;
    const tr = t ? /translate\(([^)]*)\)/.exec(t) : null;
    const [ma, mb, mc, md, me, mf] = mt
      ? mt[1]!.split(/[ ,]+/).map(Number)
      : [1, 0, 0, 1, ...(tr ? tr[1]!.split(/[ ,]+/).map(Number) : [0, 0])];
    const corners = [
      [local.left, local.top],
      [local.right, local.top],
      [local.left, local.bottom],
      [local.right, local.bottom],
    ].map(([x, yy]) => [ma! * x! + mc! * yy! + me!, mb! * x! + md! * yy! + mf!]);
    const xsC = corners.map((c) => c[0]!);
    const ysC = corners.map((c) => c[1]!);
    boxes.push({ left: Math.min(...xsC), right: Math.max(...xsC), top: Math.min(...ysC), bottom: Math.max(...ysC), text });
  }
  return { boxes, width: Number(w), height: Number(h) };
}

const EPS = 0.5;
function problems(svg: string): string[] {
  const { boxes, width, height } = textBoxes(svg);
  const out: string[] = [];
  for (const b of boxes) {
    if (b.left < -EPS || b.top < -EPS || b.right > width + EPS || b.bottom > height + EPS) out.push(`"${b.text}" leaves the chart`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i]!;
      const q = boxes[j]!;
      if (p.left + EPS < q.right && q.left + EPS < p.right && p.top + EPS < q.bottom && q.top + EPS < p.bottom)
        out.push(`"${p.text}" overlaps "${q.text}"`);
    }
  }
  return out;
}

// Figures spread over fourteen orders of magnitude, either sign when asked.
const magnitude = fc.double({ min: -2, max: 12, noNaN: true }).map((e) => Number((10 ** e).toPrecision(6)));
const signed = fc.tuple(magnitude, fc.boolean()).map(([m, neg]) => (neg ? -m : m));
const unit = fc.constantFrom('one', 'thousand', 'million', 'billion');
const currency = fc.constantFrom('EUR', 'USD', 'KGS');

const period = (year: number) =>
  fc
    .record({ turnover: fc.option(magnitude, { nil: undefined }), balance: fc.option(signed, { nil: undefined }), partial: fc.boolean() })
    .map((p) => ({
      ...p,
      label: p.partial ? `January–June ${year}` : String(year),
    }));

const series: fc.Arbitrary<TradeSeriesSpec> = fc.tuple(fc.integer({ min: 0, max: 40 }), unit, currency).chain(([n, u, c]) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => period(1990 + i))).map((periods) => ({
    kind: 'trade-series' as const,
    reporterName: 'Reporter',
    partnerName: 'Partner',
    currency: c,
    unit: u,
    source: 'Source: synthetic',
    locale: 'en-GB',
    periods,
  })),
);

const split: fc.Arbitrary<TradeSplitSpec> = fc
  .record({
    exports: fc.option(magnitude, { nil: undefined }),
    imports: fc.option(magnitude, { nil: undefined }),
    unit,
    currency,
    width: fc.constantFrom(340, 605),
  })
  .map((r) => ({
    kind: 'trade-split' as const,
    periodLabel: 'January–June 2024',
    reporterName: 'Reporter',
    partnerName: 'Partner',
    currency: r.currency,
    unit: r.unit,
    exports: r.exports,
    imports: r.imports,
    turnover: r.exports !== undefined && r.imports !== undefined ? r.exports + r.imports : undefined,
    balance: r.exports !== undefined && r.imports !== undefined ? r.exports - r.imports : undefined,
    source: 'Source: synthetic',
    locale: 'en-GB',
    width: r.width,
  }));

const KINDS = [
  'meeting',
  'phone-call',
  'video-call',
  'official-visit',
  'state-visit',
  'working-visit',
  'sidelines-meeting',
  'correspondence',
];
const contacts: fc.Arbitrary<ContactsByYearSpec> = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 39 }))
  .chain(([kinds, span]) =>
    fc
      .array(fc.record({ year: fc.integer({ min: 2000, max: 2000 + span }), kind: fc.constantFrom(...KINDS.slice(0, kinds)) }), {
        maxLength: 300,
      })
      .map((cs) => ({
        kind: 'contacts-by-year' as const,
        source: 'Source: synthetic',
        locale: 'en-GB',
        kindLabels: Object.fromEntries(KINDS.map((k) => [k, k.replace('-', ' ')])),
        rows: cs.map((c) => ({ ...c, count: 1 })),
      })),
  );

const clean = (spec: ChartSpec) => problems(renderChart(spec).svg!);

describe('chart labels at any scale', () => {
  beforeAll(ensureChartsReady);

  it('the box reader sees overlaps and overflow (the property below can fail)', () => {
    const svg =
      '<svg viewBox="0 0 100 40"><text font-size="12" x="10" y="20">1.27bn</text><text font-size="12" x="20" y="22">935k</text><text font-size="12" x="90" y="38">far</text></svg>';
    expect(problems(svg)).toEqual(['"far" leaves the chart', '"1.27bn" overlaps "935k"']);
  });

  it('trade series: no text overlaps another or leaves the chart', () => {
    fc.assert(
      fc.property(series, (s) => {
        expect(clean(s)).toEqual([]);
      }),
      { numRuns: 40, seed: 10 },
    );
  });

  it('trade split: no text overlaps another or leaves the chart', () => {
    fc.assert(
      fc.property(split, (s) => {
        expect(clean(s)).toEqual([]);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('contacts by year: no overlap, no overflow, a distinct colour for every kind', () => {
    fc.assert(
      fc.property(contacts, (s) => {
        expect(clean(s)).toEqual([]);
        const colours = planChart(s).config.data.datasets.map((d) => d.backgroundColor);
        expect(new Set(colours).size).toBe(colours.length);
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('scales figures to their magnitude in the compact form of the locale', () => {
    expect(compactAmounts('thousand', 'EUR', 'en-GB').plain(1272807.7)).toBe('1.27bn');
    expect(compactAmounts('thousand', 'EUR', 'en-GB').signed(-51424.7)).toBe('\u221251.4m');
    expect(compactAmounts('one', 'EUR', 'en-GB').plain(935000)).toBe('935k');
    expect(compactAmounts('million', 'USD', 'de-DE').plain(1270)).toBe('1,27\u00a0Mrd.');
    expect(compactAmounts('thousand', 'EUR').unit).toBe('EUR');
  });
});
