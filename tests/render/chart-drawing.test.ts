/**
 * Charts as one SVG with real <text>: what tidyText leaves of Skia's text, the element subset
 * parseChartSvg reads, and the PDF drawn from it (read back with poppler).
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberWords } from '../../src/render/charts/format.js';
import { ensureChartsReady, renderChart, type ChartSpec } from '../../src/render/charts/index.js';
import { tickLines } from '../../src/render/charts/trade-series.js';
import { parseChartSvg, type ChartDrawing } from '../../src/render/pdf/chart-drawing.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { theme } from '../../src/render/theme.js';
import { decodeEntities } from '../helpers/text.js';
import { meta, pageText, pdfInfo, writeTemp } from './pdf-helpers.js';

import { contacts, series, split } from './chart-specs.js';
/** Each kind with words and figures its chart must show. */
const cases: [string, ChartSpec, string[]][] = [
  // Amounts scaled to their magnitude in the compact form (en-US: "2.3M", "+900K"), unit the currency.
  ['trade-split', split, ['2.3M', '1.4M', '+900K', 'Exports to Kyrgyzstan', 'USD']],
  ['trade-series', series, ['2.9M', '4.4M', '\u22121.1M', '+300K', 'Jan–Oct', 'USD']],
  ['contacts-by-year', contacts, ['2016', '2017', '2018', 'Phone call', 'Meeting']],
];

const textSvg = (spec: ChartSpec) => renderChart(spec);
const textElements = (svg: string) =>
  [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, body]) => ({ attrs: attrs!, body: decodeEntities(body!) }));
const attr = (attrs: string, name: string) => new RegExp(` ${name}="([^"]*)"`).exec(attrs)?.[1];
const NUMBERS = /^-?\d*\.?\d+(?: -?\d*\.?\d+)*$/;

type Op = ChartDrawing['ops'][number];
type TextOp = Extract<Op, { t: 'text' }>;
const textOps = (ops: Op[]): TextOp[] => ops.flatMap((op) => (op.t === 'text' ? [op] : op.t === 'clip' ? textOps(op.children) : []));
const words = (d: ChartDrawing) =>
  textOps(d.ops)
    .map((op) => op.text)
    .join(' ');

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** The font poppler reports for the text line that is exactly `line`. */
function fontOfLine(file: string, line: string): string | undefined {
  const xml = run('pdftohtml', ['-xml', '-stdout', '-i', '-q', file]);
  const fonts = new Map([...xml.matchAll(/<fontspec id="(\d+)"[^>]* family="([^"]+)"/g)].map(([, id, family]) => [id!, family!]));
  const hit = [...xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>([^<]*)<\/text>/g)].find(
    ([, , text]) => decodeEntities(text!).trim() === line,
  );
  return hit ? fonts.get(hit[1]!) : undefined;
}
/** Pixels of page 1 (at 20 dpi) close to pure red. */
function redPixels(file: string): number {
  const ppm = execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1', file]);
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!;
  let n = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) if (ppm[i]! > 200 && ppm[i + 1]! < 60 && ppm[i + 2]! < 60) n++;
  return n;
}

beforeAll(async () => {
  await ensureChartsReady();
});

describe('chart SVG with real text', () => {
  it.each(cases)('writes tidy <text> elements for a %s chart', (_kind, spec, figures) => {
    const { svg, title } = textSvg(spec);
    const texts = textElements(svg!);
    expect(texts.length).toBeGreaterThan(5);
    expect(svg!.match(/<text\b/g)).toHaveLength(texts.length); // no <text> this pattern misses
    for (const { attrs, body } of texts) {
      expect(body.trim()).not.toBe('');
      expect(attr(attrs, 'x')).toMatch(NUMBERS);
      expect(attr(attrs, 'y')).toMatch(/^-?\d*\.?\d+$/);
      expect(attr(attrs, 'font-family')).toBe(theme.font.htmlStack);
    }
    expect(svg).not.toContain('Roboto Medium');
    const bold = texts.filter((t) => attr(t.attrs, 'font-weight') === '500').map((t) => t.body);
    expect(bold.join(' ')).toContain(title);
    const all = texts.map((t) => t.body).join(' ');
    for (const f of figures) expect(all).toContain(f);
  });
});

describe('parseChartSvg', () => {
  it.each(cases)('reads a %s chart: size from the viewBox, every word as a text op', (_kind, spec, figures) => {
    const { svg, title, width, height } = textSvg(spec);
    const drawing = parseChartSvg(svg!);
    expect(drawing).not.toBeNull();
    const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg!)!;
    expect([drawing!.width, drawing!.height]).toEqual([Number(box[1]), Number(box[2])]);
    expect([drawing!.width, drawing!.height]).toEqual([width, height]);
    const ops = textOps(drawing!.ops);
    expect(ops).toHaveLength(textElements(svg!).length);
    expect(ops.find((op) => op.text === title)?.bold).toBe(true);
    for (const f of figures) expect(words(drawing!)).toContain(f);
    expect(drawing!.ops.some((op) => op.t === 'clip' && op.children.length > 0)).toBe(true);
  });

  it('reads a long period label as two lines, one under the other', () => {
    const ops = textOps(parseChartSvg(textSvg(series).svg!)!.ops);
    const first = ops.find((op) => op.text === 'Jan–Oct');
    const second = ops.find((op) => op.text === '2018');
    expect(first?.matrix).toBeDefined();
    expect(second?.matrix).toEqual(first?.matrix);
    expect(second!.y - first!.y).toBeGreaterThan(8);
  });

  it('unescapes entities in text', () => {
    const { svg } = textSvg({ ...split, title: 'R&D <and> trade', source: 'Source: A & B' });
    expect(svg).not.toContain('<and>');
    const text = words(parseChartSvg(svg!)!);
    expect(text).toContain('R&D <and> trade');
    expect(text).toContain('Source: A & B');
  });

  it('turns a rect into path data', () => {
    expect(parseChartSvg('<svg viewBox="0 0 10 10"><rect width="10" height="4" fill="red"/></svg>')).toMatchObject({
      width: 10,
      height: 10,
      ops: [{ t: 'shape', d: 'M0 0h10v4h-10z', fill: 'red' }],
    });
  });

  const outside: [string, (svg: string) => string][] = [
    ['a <circle>', (s) => s.replace('</svg>', '<circle r="3"/></svg>')],
    ['an unknown attribute', (s) => s.replace('<rect ', '<rect style="fill:red" ')],
    ['a clip-path to an undefined id', (s) => s.replace(/clip-path="url\(#[^)]+\)"/, 'clip-path="url(#nowhere)"')],
    ['a nested <svg>', (s) => s.replace('</svg>', '<svg width="1" height="1"></svg></svg>')],
    ['a viewBox not starting at 0 0', (s) => s.replace('viewBox="0 0 ', 'viewBox="10 0 ')],
  ];
  it.each(outside)('returns null for a chart SVG with %s', (_what, change) => {
    const svg = textSvg(series).svg!;
    const changed = change(svg);
    expect(changed).not.toBe(svg);
    expect(parseChartSvg(svg)).not.toBeNull();
    expect(parseChartSvg(changed)).toBeNull();
  });
});

describe('charts in the PDF', () => {
  const article = (svg: string) =>
    `<article><h2>Trade</h2><figure class="chart">${svg}<figcaption>Figure 1</figcaption></figure></article>`;
  let chart: { svg: string; title: string };
  let file: string;

  beforeAll(async () => {
    const { svg, title } = textSvg(series);
    chart = { svg: svg!, title };
    file = writeTemp(await renderPdf(article(chart.svg), meta));
  });

  it('draws the chart text as text, the title in Roboto Medium', () => {
    const text = pageText(file, 1);
    for (const s of [chart.title, '\u22121.1M', '4.4M', 'USD', 'Jan–Oct', 'Figure 1']) expect(text).toContain(s);
    // pdfmake's own SVG engine treats weight 500 as regular: Medium shows our drawing did it.
    expect(fontOfLine(file, chart.title)).toMatch(/\+Roboto-Medium$/);
  });

  it('embeds no raster image', () => {
    const rows = run('pdfimages', ['-list', file]).trim().split('\n').slice(2);
    expect(rows).toEqual([]);
  });

  it('hands a chart with anything outside the subset to pdfmake, which still draws its text', async () => {
    const other = writeTemp(await renderPdf(article(chart.svg.replace('<rect ', '<rect style="opacity:1" ')), meta));
    expect(pageText(other, 1)).toContain(chart.title);
    expect(fontOfLine(other, chart.title)).toMatch(/\+Roboto$/);
  });

  it('renders a hand-written SVG outside the subset with pdfmake’s own engine', async () => {
    const svg = '<svg width="100" height="50" viewBox="0 0 100 50"><circle cx="25" cy="25" r="20" fill="red"/></svg>';
    const other = writeTemp(await renderPdf(`<article><p>Before</p><figure>${svg}</figure></article>`, meta));
    expect(pageText(other, 1)).toContain('Before'); // pdftotext exits 0, or this throws
    expect(pdfInfo(other).Pages).toBe('1');
    expect(redPixels(other)).toBeGreaterThan(10);
  });
});

describe('tick labels and signed numbers', () => {
  it('breaks a long period label after spaces and dashes', () => {
    expect(tickLines('January–June 2024')).toEqual(['January–', 'June 2024']);
    expect(tickLines('January–October 2018')).toEqual(['January–', 'October', '2018']);
    expect(tickLines('Jan–Oct 2018')).toEqual(['Jan–Oct', '2018']);
    expect(tickLines('2023')).toBe('2023');
    expect(tickLines('Q1–Q2 2024')).toBe('Q1–Q2 2024'); // 10 characters: still fits
    expect(tickLines('JanuaryToDecember2024')).toBe('JanuaryToDecember2024');
  });

  it('writes a balance with a real minus sign or a plus', () => {
    const w = numberWords('en-US');
    expect(w.signed(-1.1)).toBe('\u22121.1');
    expect(w.signed(0.9)).toBe('+0.9');
    expect(w.signed(0)).toBe('0');
    expect(w.signed(-1234.5)).toBe('\u22121,234.5');
  });
});

describe('negative figures in charts', () => {
  beforeAll(ensureChartsReady);

  it('write a minus sign on the value axis and in labels, never a hyphen', () => {
    const bodies = textElements(textSvg(series).svg!).map((t) => t.body);
    expect(bodies.some((b) => /^\u2212\d/.test(b))).toBe(true); // a negative tick or label exists
    expect(bodies.filter((b) => /(^|\s)-\d/.test(b))).toEqual([]);
  });
});

describe('ligatures in chart text', () => {
  beforeAll(ensureChartsReady);

  it('hold the letters, and glyph positions stop where Skia wrote one glyph for several letters', () => {
    const svg = textSvg({ ...split, source: 'Source: Ministry (official website), affluent figures' }).svg!;
    const texts = textElements(svg);
    expect(texts.map((t) => t.body).join(' ')).not.toMatch(/[\uFB00-\uFB06]/);
    const official = texts.find((t) => t.body.includes('official'))!;
    expect(official).toBeDefined();
    const xs = attr(official.attrs, 'x')!.split(' ');
    // "(official": positions up to the first "f" of the ligature only; the rest flows in the font's spacing.
    expect(xs).toHaveLength(official.body.indexOf('ffi') + 1);
    const plain = texts.find((t) => t.body === 'Source:')!;
    expect(attr(plain.attrs, 'x')!.split(' ')).toHaveLength('Source:'.length);
  });
});

describe("a batch worker forgets a finished file's charts", () => {
  it('parses a chart again after forgetFileCaches, and not before', async () => {
    await ensureChartsReady();
    const { chartDrawing } = await import('../../src/render/pdf/chart-drawing.js');
    const { forgetFileCaches } = await import('../../src/pipeline.js');
    const svg = renderChart(split).svg;
    const first = chartDrawing(svg);
    expect(first).not.toBeNull();
    expect(chartDrawing(svg)).toBe(first);
    forgetFileCaches();
    const again = chartDrawing(svg);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
