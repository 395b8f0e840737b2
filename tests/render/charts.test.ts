import { createRequire } from 'node:module';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { BilatError } from '../../src/errors.js';
import {
  CHART_WIDTH_PX,
  PRINT_SCALE,
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

async function pixels(png: Buffer) {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

function countColor(data: Uint8ClampedArray, rgb: number[], tolerance = 2): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]! - rgb[0]!) <= tolerance && Math.abs(data[i + 1]! - rgb[1]!) <= tolerance && Math.abs(data[i + 2]! - rgb[2]!) <= tolerance) n++;
  }
  return n;
}

describe('charts before setup', () => {
  it('refuses to render until ensureChartsReady() has run', () => {
    expect(chartsReady()).toBe(false);
    expect(() => renderChart(split, { format: 'svg' })).toThrow(BilatError);
    expect(() => renderChart(split, { format: 'svg' })).toThrow(/ensureChartsReady/);
  });
});

describe('charts', () => {
  beforeAll(async () => {
    await Promise.all([ensureChartsReady(), ensureChartsReady()]);
  });

  it('puts every figure of a trade split in the alt text', () => {
    const { alt, title } = renderChart(split, { format: 'svg' });
    expect(title).toBe('Azerbaijan – Kyrgyzstan trade, Jan–Oct 2018');
    for (const figure of ['2.3', '1.4', '3.7', '+0.9', 'million USD', 'Jan–Oct 2018']) expect(alt).toContain(figure);
  });

  it('says "no data" for a missing figure instead of inventing one', async () => {
    const { exports: _dropped, ...rest } = split;
    const r = renderChart(rest, { format: 'png' });
    expect(r.alt).toContain('Exports to Kyrgyzstan: no data');
    expect(r.alt).toContain('1.4');
    const { data } = await pixels(r.png!);
    expect(countColor(data, hex(theme.chart[0]))).toBe(0);
    expect(countColor(data, hex(theme.chart[1]))).toBeGreaterThan(2000);
  });

  it('describes series and contacts in the alt text', () => {
    const s = renderChart(series, { format: 'svg' }).alt;
    expect(s).toContain('2016: Turnover 2.9, Balance −1.1');
    expect(s).toContain('Jan–Oct 2018 (part of a year): Turnover 3.7, Balance +0.9');
    const c = renderChart(contacts, { format: 'svg' }).alt;
    expect(c).toContain('2016: 3 (Meeting 2, Visit 1)');
    expect(c).toContain('2017: none');
    // A kind without a label still counts, under its own name.
    expect(c).toContain('2018: 4 (Phone call 3, credentials 1)');
  });

  it('draws a PNG that is not blank and shows both series colours', async () => {
    const r = renderChart(split, { format: 'png' });
    const { width, height, data } = await pixels(r.png!);
    expect([width, height]).toEqual([r.width, r.height]);
    const white = countColor(data, [255, 255, 255], 0);
    expect(white).toBeLessThan(width * height * 0.9);
    expect(countColor(data, hex(theme.chart[0]))).toBeGreaterThan(5000);
    expect(countColor(data, hex(theme.chart[1]))).toBeGreaterThan(3000);
    // Dark text pixels (title, labels): text was drawn with the registered font.
    expect(countColor(data, hex(theme.color.ink), 40)).toBeGreaterThan(300);
  });

  it('writes an opaque RGB PNG at print scale, with its resolution', () => {
    const r = renderChart(contacts, { format: 'png', scale: PRINT_SCALE });
    const png = r.png!;
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH_PX * PRINT_SCALE);
    expect(png.readUInt32BE(20)).toBe(r.height * PRINT_SCALE);
    expect(png[25]).toBe(2); // colour type RGB: pdfkit embeds it without splitting alpha
    const phys = png.indexOf('pHYs');
    const dpi = png.readUInt32BE(phys + 4) * 0.0254;
    expect(dpi).toBeGreaterThanOrEqual(150);
    expect(Math.round(dpi)).toBe(96 * PRINT_SCALE);
  });

  it('writes a self-contained SVG with role, title, viewBox and no text or external refs', () => {
    const { svg, alt } = renderChart(split, { format: 'svg' });
    expect(svg).toMatch(/^<svg role="img" viewBox="0 0 605 230" /);
    expect(svg).toContain(`<title>${alt.replace('&', '&#38;')}</title>`);
    expect(svg).not.toMatch(/<text|<image|@font-face|https?:\/\/(?!www\.w3\.org)/);
    expect(svg).not.toContain('<?xml');
  });

  it('gives SVG ids that are stable and differ between charts', () => {
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const a = ids(renderChart(split, { format: 'svg' }).svg!);
    const b = ids(renderChart(series, { format: 'svg' }).svg!);
    expect(a.length).toBeGreaterThan(0);
    expect(new Set(a).size).toBe(a.length);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it('is well-formed XML as pdfmake parses it, and pdfmake lays it out', async () => {
    const pdfmakeRequire = createRequire(createRequire(import.meta.url).resolve('pdfmake/package.json'));
    const { XmlDocument } = pdfmakeRequire('xmldoc') as { XmlDocument: new (s: string) => { name: string; childNamed(n: string): { val: string } | undefined } };
    const { svg, alt } = renderChart(split, { format: 'svg' });
    const doc = new XmlDocument(svg!);
    expect(doc.name).toBe('svg');
    expect(doc.childNamed('title')?.val).toBe(alt);

    const pdfmake = createRequire(import.meta.url)('pdfmake') as {
      setFonts(f: unknown): void;
      createPdf(d: unknown): { getBuffer(): Promise<Buffer> };
    };
    const dir = createRequire(import.meta.url).resolve('pdfmake/package.json').replace(/package\.json$/, 'fonts/Roboto/');
    pdfmake.setFonts({ Roboto: { normal: `${dir}Roboto-Regular.ttf`, bold: `${dir}Roboto-Medium.ttf`, italics: `${dir}Roboto-Italic.ttf`, bolditalics: `${dir}Roboto-MediumItalic.ttf` } });
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
    const wide = renderChart(split, { format: 'png' });
    const narrow = renderChart({ ...split, width: 340 }, { format: 'png' });
    expect(narrow.width).toBe(340);
    expect(narrow.height).toBe(wide.height);
    expect(narrow.png!.readUInt32BE(16)).toBe(340); // IHDR width in pixels
    expect(renderChart({ ...split, width: 340 }, { format: 'svg' }).svg).toContain('viewBox="0 0 340 ');
  });

  it('is deterministic: same spec, same bytes', () => {
    for (const spec of [split, series, contacts] as ChartSpec[]) {
      expect(renderChart(spec, { format: 'svg' }).svg).toBe(renderChart(spec, { format: 'svg' }).svg);
      expect(renderChart(spec, { format: 'png', scale: 2 }).png!.equals(renderChart(spec, { format: 'png', scale: 2 }).png!)).toBe(true);
    }
  });

  it('draws empty and long inputs without throwing', () => {
    const empty: ChartSpec[] = [
      { ...contacts, rows: [] },
      { ...series, periods: [] },
      { kind: 'trade-split', periodLabel: '2019', reporterName: 'A', partnerName: 'B', currency: 'USD', unit: '', source: '' },
    ];
    for (const spec of empty) {
      const r = renderChart(spec, { format: 'png' });
      expect(r.png!.length).toBeGreaterThan(1000);
    }
    expect(renderChart(empty[0]!, { format: 'svg' }).alt).toContain('No contacts recorded');
    const long = renderChart({ ...split, title: 'A very long title '.repeat(12) }, { format: 'svg' });
    expect(long.height).toBe(renderChart(split, { format: 'svg' }).height);
  });

  it('rejects a bad format or scale with E_RENDER', () => {
    expect(() => renderChart(split, { format: 'png', scale: 0 })).toThrow(/scale/);
    expect(() => renderChart(split, { format: 'gif' as 'png' })).toThrow(/format/);
    expect(() => renderChart({ ...split, kind: 'pie' } as unknown as ChartSpec, { format: 'svg' })).toThrow(/unknown chart kind "pie"/);
  });
});

describe('chart cache', () => {
  it('renders identical specs once, whatever their key order', () => {
    let calls = 0;
    const cache = createChartCache((spec, o) => {
      calls++;
      return { svg: `${spec.kind}:${o.format}`, width: 1, height: 1, alt: '', title: '' };
    });
    const reordered = Object.fromEntries(Object.entries(split).reverse()) as unknown as TradeSplitSpec;
    expect(stableJson(reordered)).toBe(stableJson(split));
    const a = cache.render(split, { format: 'svg' });
    expect(cache.render(reordered, { format: 'svg' })).toBe(a);
    expect(calls).toBe(1);
    cache.render(split, { format: 'png', scale: 2 });
    cache.render({ ...split, exports: 2.4 }, { format: 'svg' });
    expect(calls).toBe(3);
    expect(cache.size).toBe(3);
  });

  it('drops the oldest entry when full', () => {
    const cache = createChartCache(() => ({ width: 1, height: 1, alt: '', title: '' }), 2);
    for (const exports of [1, 2, 3]) cache.render({ ...split, exports }, { format: 'svg' });
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
    let x = 0, y = 0;
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
