import { createRequire } from 'node:module';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { BilatError } from '../../src/errors.js';
import {
  chartsReady,
  createChartCache,
  ensureChartsReady,
  planChart,
  renderChart,
  stableJson,
  type ChartSpec,
  type TradeSplitSpec,
} from '../../src/render/charts/index.js';
import { relativePath } from '../../src/render/charts/svg-path.js';
import { wrapText } from '../../src/render/charts/text-box.js';
import { theme } from '../../src/render/theme.js';

import { contacts, series, split } from './chart-specs.js';

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

/** The chart as a browser would paint it: the SVG rasterised (its text in the Roboto the render registered). */
async function pixels(svg: string) {
  const img = await loadImage(Buffer.from(svg));
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

function countColor(data: Uint8ClampedArray, rgb: number[], tolerance = 2): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (
      Math.abs(data[i]! - rgb[0]!) <= tolerance &&
      Math.abs(data[i + 1]! - rgb[1]!) <= tolerance &&
      Math.abs(data[i + 2]! - rgb[2]!) <= tolerance
    )
      n++;
  }
  return n;
}

describe('charts before setup', () => {
  it('refuses to render until ensureChartsReady() has run', () => {
    expect(chartsReady()).toBe(false);
    expect(() => renderChart(split)).toThrow(BilatError);
    expect(() => renderChart(split)).toThrow(/ensureChartsReady/);
  });
});

describe('charts', () => {
  beforeAll(async () => {
    await Promise.all([ensureChartsReady(), ensureChartsReady()]);
  });

  it('puts every figure of a trade split in the alt text', () => {
    const { alt, title } = renderChart(split);
    expect(title).toBe('Azerbaijan – Kyrgyzstan trade, Jan–Oct 2018');
    for (const figure of ['2.3', '1.4', '3.7', '+0.9', 'million USD', 'Jan–Oct 2018']) expect(alt).toContain(figure);
  });

  it('says "no data" for a missing figure instead of inventing one', async () => {
    const { exports: _dropped, ...rest } = split;
    const r = renderChart(rest);
    expect(r.alt).toContain('Exports to Kyrgyzstan: no data');
    expect(r.alt).toContain('1.4');
    const { data } = await pixels(r.svg);
    expect(countColor(data, hex(theme.chart[0]))).toBe(0);
    expect(countColor(data, hex(theme.chart[1]))).toBeGreaterThan(2000);
  });

  it('describes series and contacts in the alt text', () => {
    const s = renderChart(series).alt;
    expect(s).toContain('2016: Turnover 2.9, Balance −1.1');
    expect(s).toContain('Jan–Oct 2018 (part of a year): Turnover 3.7, Balance +0.9');
    const c = renderChart(contacts).alt;
    expect(c).toContain('2016: 3 (Meeting 2, Visit 1)');
    expect(c).toContain('2017: none');
    // A kind without a label still counts, under its own name.
    expect(c).toContain('2018: 4 (Phone call 3, credentials 1)');
  });

  it('draws a chart that is not blank and shows both series colours', async () => {
    const r = renderChart(split);
    const { width, height, data } = await pixels(r.svg);
    expect([width, height]).toEqual([r.width, r.height]);
    const white = countColor(data, [255, 255, 255], 0);
    expect(white).toBeLessThan(width * height * 0.9);
    expect(countColor(data, hex(theme.chart[0]))).toBeGreaterThan(5000);
    expect(countColor(data, hex(theme.chart[1]))).toBeGreaterThan(3000);
    // Dark text pixels (title, labels): text was drawn with the registered font.
    expect(countColor(data, hex(theme.color.ink), 40)).toBeGreaterThan(300);
  });

  it('writes a self-contained SVG with role, title, viewBox, real text and no external refs', () => {
    const { svg, alt } = renderChart(split);
    expect(svg).toMatch(/^<svg role="img" viewBox="0 0 605 230" /);
    expect(svg).toContain(`<title>${alt.replace('&', '&#38;')}</title>`);
    expect(svg).toMatch(/<text[^>]* font-family="Roboto/);
    expect(svg).not.toMatch(/<image|@font-face|https?:\/\/(?!www\.w3\.org)/);
    expect(svg).not.toContain('<?xml');
  });

  it('gives SVG ids that are stable and differ between charts', () => {
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const a = ids(renderChart(split).svg!);
    const b = ids(renderChart(series).svg!);
    expect(a.length).toBeGreaterThan(0);
    expect(new Set(a).size).toBe(a.length);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it('is well-formed XML as pdfmake parses it, and pdfmake lays it out', async () => {
    const pdfmakeRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake/package.json'));
    const { XmlDocument } = pdfmakeRequire('xmldoc') as {
      XmlDocument: new (s: string) => { name: string; childNamed(n: string): { val: string } | undefined };
    };
    const { svg, alt } = renderChart(split);
    const doc = new XmlDocument(svg!);
    expect(doc.name).toBe('svg');
    expect(doc.childNamed('title')?.val).toBe(alt);

    const pdfmake = createRequire(import.meta.url)('pdfmake') as {
      setFonts(f: unknown): void;
      createPdf(d: unknown): { getBuffer(): Promise<Buffer> };
    };
    const dir = createRequire(import.meta.url)
      .resolve('pdfmake/package.json')
      .replace(/package\.json$/, 'fonts/Roboto/');
    pdfmake.setFonts({
      Roboto: {
        normal: `${dir}Roboto-Regular.ttf`,
        bold: `${dir}Roboto-Medium.ttf`,
        italics: `${dir}Roboto-Italic.ttf`,
        bolditalics: `${dir}Roboto-MediumItalic.ttf`,
      },
    });
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a);
    try {
      const pdf = await pdfmake.createPdf({ content: [{ svg, width: 453 }] }).getBuffer();
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => /svg/i.test(String(w)))).toEqual([]);
  });

  it('lays out a narrower chart on request, keeping the height and the text size', () => {
    const wide = renderChart(split);
    const narrow = renderChart({ ...split, width: 340 });
    expect(narrow.width).toBe(340);
    expect(narrow.height).toBe(wide.height);
    expect(narrow.svg).toContain('viewBox="0 0 340 ');
  });

  it('is deterministic: same spec, same bytes', () => {
    for (const spec of [split, series, contacts] as ChartSpec[]) {
      expect(renderChart(spec).svg).toBe(renderChart(spec).svg);
    }
  });

  it('draws empty and long inputs without throwing', () => {
    const empty: ChartSpec[] = [
      { ...contacts, rows: [] },
      { ...series, periods: [] },
      { kind: 'trade-split', periodLabel: '2019', reporterName: 'A', partnerName: 'B', currency: 'USD', unit: '', source: '' },
    ];
    for (const spec of empty) {
      const r = renderChart(spec);
      expect(r.svg.length).toBeGreaterThan(1000);
    }
    expect(renderChart(empty[0]!).alt).toContain('No contacts recorded');
    const long = renderChart({ ...split, title: 'A very long title '.repeat(12) });
    expect(long.height).toBe(renderChart(split).height);
  });

  it('rejects an unknown chart kind with E_RENDER', () => {
    expect(() => renderChart({ ...split, kind: 'pie' } as unknown as ChartSpec)).toThrow(/unknown chart kind "pie"/);
  });
});

describe('chart cache', () => {
  it('renders identical specs once, whatever their key order', () => {
    let calls = 0;
    const cache = createChartCache((spec) => {
      calls++;
      return { svg: spec.kind, width: 1, height: 1, alt: '', title: '' };
    });
    const reordered = Object.fromEntries(Object.entries(split).reverse()) as unknown as TradeSplitSpec;
    expect(stableJson(reordered)).toBe(stableJson(split));
    const a = cache.render(split);
    expect(cache.render(reordered)).toBe(a);
    expect(calls).toBe(1);
    cache.render({ ...split, exports: 2.4 });
    expect(calls).toBe(2);
    expect(cache.size).toBe(2);
  });

  it('drops the oldest entry when full', () => {
    const cache = createChartCache(() => ({ svg: '', width: 1, height: 1, alt: '', title: '' }), 2);
    for (const exports of [1, 2, 3]) cache.render({ ...split, exports });
    expect(cache.size).toBe(2);
  });
});

describe('chart plans', () => {
  it('matches the trade-split config golden (plain JSON, no callbacks)', async () => {
    const { config } = planChart(split);
    const json = JSON.stringify(config, null, 2);
    expect(JSON.parse(json)).toEqual(config); // nothing JSON would lose
    await expect(`${json}\n`).toMatchFileSnapshot('./charts.golden/trade-split.config.json');
  });

  it('fills empty years in the contacts range and orders kinds by their labels', () => {
    const { config } = planChart(contacts);
    expect(config.data.labels).toEqual(['2016', '2017', '2018']);
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Meeting', 'Phone call', 'Visit', 'credentials']);
  });
});

describe('wrapText', () => {
  it('breaks at spaces before the width is exceeded', () => {
    const measure = (t: string) => t.length * 10;
    expect(wrapText(measure, 'aa bb cc dd', 50)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText(measure, 'averyveryverylongword x', 50)).toEqual(['averyveryverylongword', 'x']);
    expect(wrapText(measure, '  ', 50)).toEqual([]);
  });
});

describe('relativePath', () => {
  /** Back to absolute coordinates, to compare with the input. */
  function absolute(d: string): number[] {
    const out: number[] = [];
    let x = 0,
      y = 0;
    for (const [, cmd, args] of d.matchAll(/([a-z])([^a-z]*)/g)) {
      const n = (args!.match(/-?\d*\.?\d+/g) ?? []).map(Number);
      if (cmd === 'z') continue;
      for (let k = 0; k < n.length; k += 2) out.push(x + n[k]!, y + n[k + 1]!);
      x += n[n.length - 2]!;
      y += n[n.length - 1]!;
    }
    return out;
  }

  it('keeps every point within 1/200 px and writes compact numbers', () => {
    const d = 'M83.58 33.26L81.42 33.26Q83.86 32.35 84.22 32.19C1.004 2.333 -0.5 0.25 10 -10L10 10Z';
    const rel = relativePath(d)!;
    expect(rel).toMatch(/^m83\.58 33\.26l-2\.16 0q/);
    expect(rel).toContain('q2.44-.91 '); // no leading zero, no space before a minus
    const want = [83.58, 33.26, 81.42, 33.26, 83.86, 32.35, 84.22, 32.19, 1.004, 2.333, -0.5, 0.25, 10, -10, 10, 10];
    absolute(rel).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 2));
  });

  it('leaves path data it does not understand alone', () => {
    expect(relativePath('M0 0A5 5 0 0 1 10 10')).toBeNull();
    expect(relativePath('m0 0l1 1')).toBeNull();
  });
});
