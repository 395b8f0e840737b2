/**
 * Chart text in right-to-left scripts (issue 17): the synthetic Jordan–Israel and Saudi
 * Arabia–China fixtures are built by the real CLI; the charts' SVG in the HTML must hold each
 * label's logical string (Skia wrote reversed presentation forms, and lost letters: ة → ه),
 * and the PDF's text layer must read the same, with the labels inside the chart.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChartsReady, renderChart } from '../../src/render/charts/index.js';
import { parseChartSvg } from '../../src/render/pdf/chart-drawing.js';
import { AS_OF, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { split } from './chart-specs.js';

const PAIRS = [
  {
    id: 'jo-il',
    file: 'tests/fixtures/rtl/jo-il-synthetic.yaml',
    labels: ['الأردن – ישראל trade, 2023', 'Exports to ישראל', 'Imports from ישראל'],
  },
  {
    id: 'sa-cn',
    file: 'tests/fixtures/scripts/sa-cn-synthetic.yaml',
    labels: ['中国 – السعودية trade, 2023', 'Exports to السعودية', 'Imports from السعودية', '中国 – السعودية trade, 2022 to 2023'],
  },
];
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/;
const RTL = /[\u0590-\u08FF]/;
/** poppler wraps right-to-left runs in embedding controls; they are not part of the text. */
const plain = (s: string): string => s.replace(/[\u202A-\u202E]/g, '');
const unescape = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_a, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

let out = '';
beforeAll(() => {
  out = tempDir('chart-rtl');
  for (const p of PAIRS) {
    const r = runCli(['build', join(ROOT, p.file), '-a', 'analyst', '-o', out, '--as-of', AS_OF, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
  }
}, 120_000);
afterAll(() => removeDir(out));

/** The <text> elements of every chart SVG in the HTML brief. */
function svgTexts(id: string): { attrs: string; text: string }[] {
  const html = readFileSync(join(out, `${id}-analyst.html`), 'utf8');
  const svgs = html.match(/<svg role="img"[\s\S]*?<\/svg>/g) ?? [];
  expect(svgs.length).toBeGreaterThan(0);
  return svgs.flatMap((svg) =>
    [...svg.matchAll(/<text\b([^>]*)>((?:(?!<\/text>)[\s\S])*)<\/text>/g)].map(([, attrs, text]) => ({
      attrs: attrs!,
      text: unescape(text!.replace(/<[^>]*>/g, '')),
    })),
  );
}

interface Word {
  xMin: number;
  xMax: number;
  text: string;
}
/** Words poppler finds, in drawing order, and the page width. */
function pdfWords(id: string): { words: Word[]; pageWidth: number } {
  const xml = execFileSync('pdftotext', ['-bbox', join(out, `${id}-analyst.pdf`), '-'], { encoding: 'utf8' });
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    ([, a, b, t]) => ({ xMin: Number(a), xMax: Number(b), text: unescape(t!) }),
  );
  return { words, pageWidth: Number(/<page width="([\d.]+)"/.exec(xml)![1]) };
}

describe.each(PAIRS)('chart text in $id', (pair) => {
  it('is each label’s logical string, one <text> per label, in the HTML’s SVG', () => {
    const texts = svgTexts(pair.id);
    const contents = texts.map((t) => t.text);
    for (const label of pair.labels) expect(contents).toContain(label);
    for (const t of texts) {
      expect(t.text).not.toMatch(PRESENTATION_FORMS);
      // The browser orders a label holding right-to-left letters itself, isolated from the page around it.
      if (RTL.test(t.text)) expect(t.attrs).toMatch(/ direction="ltr" unicode-bidi="isolate"/);
    }
  });

  it('reads back in logical order from the PDF, with no presentation forms', () => {
    const text = execFileSync('pdftotext', [join(out, `${pair.id}-analyst.pdf`), '-'], { encoding: 'utf8' });
    expect(text).not.toMatch(PRESENTATION_FORMS);
    const lines = plain(text)
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim());
    for (const label of pair.labels.filter((l) => l.startsWith('Exports') || l.startsWith('Imports'))) expect(lines).toContain(label);
    // The title: the names in logical order (poppler puts the run's space on its own side).
    const title = pair.labels[0]!.replace(/ trade, 2023$/, '');
    expect(lines.some((l) => l.includes(title) && l.includes('trade, 2023'))).toBe(true);
  });

  it('keeps the labels inside the chart in the PDF', () => {
    const { words, pageWidth } = pdfWords(pair.id);
    // The first trade chart: from its title (after the "Trade" heading) to its source line, whose
    // x is the chart's left edge (the page's margins are equal, so the right edge mirrors it).
    const exports = words.findIndex((w, i) => w.text === 'Exports' && words[i + 1]?.text === 'to');
    const from = words.findLastIndex((w, i) => i < exports && w.text === 'Trade') + 1;
    const to = words.findIndex((w, i) => i > exports && w.text === 'Source:');
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const chart = words.slice(from, to + 1);
    // Chart text is inset 4 px (3 pt) from the chart's box: the box's left edge, then the right.
    const left = words[to]!.xMin - 3;
    const right = pageWidth - left;
    expect(chart.filter((w) => RTL.test(w.text)).length).toBeGreaterThanOrEqual(3);
    for (const w of chart) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(left);
      expect(w.xMax, w.text).toBeLessThanOrEqual(right);
    }
    // Right-aligned category labels end at the same x, by the axis.
    const ends = chart.filter(
      (w) => RTL.test(w.text) && /^(?:Exports|Imports)$/.test(chart[chart.indexOf(w) - 2]?.text ?? chart[chart.indexOf(w) - 1]?.text ?? ''),
    );
    expect(new Set(ends.map((w) => Math.round(w.xMax))).size).toBe(1);
  });
});

describe('a right-to-left label with digits, drawn directly', () => {
  const spec = { ...split, reporterName: 'עמאן', partnerName: 'الإمارات ٢٠٢٣ 7', periodLabel: 'عام 2023' };
  let svg = '';
  beforeAll(async () => {
    await ensureChartsReady();
    svg = renderChart(spec).svg!;
  });

  it('keeps every label whole and logical, in runs Skia placed inside the chart', () => {
    const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)![1]);
    expect(svg).not.toContain('BILATRTL');
    const labels = [...svg.matchAll(/<text\b[^>]*>((?:(?!<\/text>)[\s\S])*)<\/text>/g)].map((m) => unescape(m[1]!.replace(/<[^>]*>/g, '')));
    expect(labels).toContain('Exports to الإمارات ٢٠٢٣ 7');
    expect(labels.some((l) => l.includes('עמאן') && l.includes('الإمارات ٢٠٢٣ 7'))).toBe(true);
    let spans = 0;
    for (const [, attrs, body] of svg.matchAll(/<text\b([^>]*)>((?:(?!<\/text>)[\s\S])*)<\/text>/g)) {
      // Horizontal labels: their transform, if any, is a translation.
      const dx = Number(/transform="translate\(([-\d.]+)/.exec(attrs!)?.[1] ?? 0);
      for (const [, xs] of body!.matchAll(/<tspan x="([^"]*)"/g)) {
        spans++;
        for (const x of xs!.split(' ').map(Number)) (expect(dx + x).toBeGreaterThanOrEqual(0), expect(dx + x).toBeLessThanOrEqual(width));
      }
    }
    expect(spans).toBeGreaterThan(3);
  });

  it('replays in the PDF as one anchored label per <text>', () => {
    const drawing = parseChartSvg(svg)!;
    expect(drawing).not.toBeNull();
    const texts = JSON.stringify(drawing.ops);
    expect(texts).toContain('"text":"Exports to الإمارات ٢٠٢٣ 7"');
    expect(texts).toContain('"anchor":"end"');
  });
});
