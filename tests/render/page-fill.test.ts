/**
 * Pages of the long briefs (analyst, public) over generated relationships and as-of dates,
 * checked on pdfmake's own layout (the laid-out pages it hands to the renderer):
 * - no page ends on a heading (any level, any section);
 * - no page but the last is less than 60% filled, unless the next page opens with a chart that
 *   the gap could not take even drawn at the smallest size allowed (fill-gaps.ts MIN_SCALE).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderPair, resolveBuildOptions } from '../../src/pipeline.js';
import { MIN_SCALE } from '../../src/render/pdf/fill-gaps.js';
import { loadPdfmake } from '../../src/render/pdf/runtime.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { validateFile } from '../../src/validate/validate.js';

interface Item {
  type: string;
  item: {
    y?: number;
    y1?: number;
    y2?: number;
    h?: number;
    _height?: number;
    getHeight?: () => number;
    _node?: { headlineLevel?: number };
  };
}
interface Page {
  items: Item[];
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
}

// Record every laid-out document (the outermost layoutDocument, after keep-with-next).
loadPdfmake();
const builder = (
  createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as {
    default: { prototype: { layoutDocument: (...a: unknown[]) => Page[] } };
  }
).default;
const layouts: Page[][] = [];
const original = builder.prototype.layoutDocument;
builder.prototype.layoutDocument = function (...args: unknown[]) {
  const pages = original.apply(this, args);
  layouts.push(pages);
  return pages;
};

const top = (it: Item) => it.item.y ?? Math.min(it.item.y1 ?? Infinity, it.item.y2 ?? Infinity);
const bottom = (it: Item) =>
  it.type === 'line'
    ? top(it) + (it.item.getHeight?.() ?? 0)
    : it.type === 'svg' || it.type === 'image'
      ? top(it) + (it.item._height ?? 0)
      : it.item.h !== undefined
        ? top(it) + it.item.h
        : Math.max(it.item.y1 ?? 0, it.item.y2 ?? 0);
const heading = (it: Item) => it.type === 'line' && it.item._node?.headlineLevel !== undefined;
function body(p: Page) {
  const from = p.pageMargins.top;
  const to = p.pageSize.height - p.pageMargins.bottom;
  const items = p.items.filter((it) => ['line', 'vector', 'image', 'svg'].includes(it.type) && top(it) >= from - 0.5 && top(it) < to);
  return { from, to, items };
}

/** What is wrong with a laid-out document, in words (empty when nothing is). */
export function pageFaults(pages: Page[]): string[] {
  const faults: string[] = [];
  pages.forEach((page, i) => {
    const b = body(page);
    if (b.items.length === 0) return;
    const last = b.items.reduce((x, y) => (bottom(y) > bottom(x) + 0.5 ? y : x));
    if (heading(last)) faults.push(`page ${i + 1} ends on a heading`);
    const next = pages[i + 1];
    if (next === undefined) return;
    const used = Math.max(...b.items.map(bottom));
    const fill = (used - b.from) / (b.to - b.from);
    if (fill >= 0.6) return;
    const n = body(next).items.sort((x, y) => top(x) - top(y));
    const chart = n.find((it) => !heading(it));
    // The block that opens the next page: its headings, the chart at its smallest, the caption
    // (lines right below), plus the margins around it (figure 10 pt, block before ≤ 14 pt).
    let end = chart === undefined ? 0 : bottom(chart);
    for (const it of n.filter((x) => x.type === 'line' && !heading(x) && top(x) >= end - 0.5)) {
      if (top(it) > end + 6) break;
      end = bottom(it);
    }
    const h = chart?.item._height ?? 0;
    const smallest = chart === undefined ? 0 : top(chart) - body(next).from + h * MIN_SCALE + (end - bottom(chart)) + 24;
    const tooBig = chart?.type === 'svg' && smallest > b.to - used;
    if (!tooBig) faults.push(`page ${i + 1} is ${Math.round(fill * 100)}% filled and page ${i + 2} opens with ${chart?.type ?? 'nothing'}`);
  });
  return faults;
}

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
const WORDS = ['trade', 'visit', 'council', 'energy', 'transport', 'ministerial', 'cooperation', 'agreement'];
const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(i + seed) % 8]).join(' ');

/** A valid relationship of a generated shape (SYNTHETIC: describes no real events). */
const relationship = fc
  .record({
    contacts: fc.integer({ min: 0, max: 30 }),
    kinds: fc.integer({ min: 1, max: 8 }),
    summaries: fc.integer({ min: 0, max: 60 }),
    points: fc.array(fc.integer({ min: 5, max: 60 }), { maxLength: 5 }),
    trade: fc.array(fc.double({ min: 0.01, max: 1e9, noNaN: true }), { maxLength: 10 }),
    milestones: fc.array(fc.integer({ min: 1950, max: 2015 }), { maxLength: 4 }),
  })
  .map((r) => ({
    schemaVersion: 1,
    pair: {
      id: 'xa-xb',
      title: 'Lowland – Highland (synthetic)',
      countries: [
        { code: 'LO', code3: 'LOW', name: 'Lowland', officialName: 'Republic of Lowland', adjective: 'Lowlandic', capital: 'Portmouth' },
        { code: 'HI', code3: 'HIG', name: 'Highland', officialName: 'Kingdom of Highland', adjective: 'Highlandic', capital: 'Summit' },
      ],
    },
    sources: [1, 2, 3].map((i) => ({
      id: `s${i}`,
      title: `Synthetic ${words(6, i)}`,
      publisher: `Synthetic Publisher ${i}`,
      published: `2020-0${i}-1${i}`,
      kind: 'press-release',
    })),
    engagements: Array.from({ length: r.contacts }, (_, i) => ({
      id: `e${i}`,
      date: `${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
      kind: KINDS[i % r.kinds],
      title: `Synthetic ${words(4 + (i % 9), i)}`,
      ...(r.summaries > 0 && i % 3 === 0 ? { summary: `Synthetic ${words(r.summaries, i)}.` } : {}),
      sources: [`s${(i % 3) + 1}`],
    })),
    talkingPoints: r.points.map((n, i) => ({ text: `Synthetic point: ${words(n, i)}.`, sources: ['s1'] })),
    milestones: r.milestones.map((y, i) => ({
      id: `m${i}`,
      kind: i % 2 ? 'treaty-signing' : 'diplomatic-relations',
      title: `synthetic ${words(3 + i, i)}`,
      date: `${y}-0${1 + (i % 9)}-1${i % 10}`,
      sources: ['s2'],
    })),
    trade: r.trade.map((v, i) => ({
      id: `t${i}`,
      start: 2014 + i,
      end: 2014 + i,
      label: String(2014 + i),
      reporter: 'LO',
      currency: 'EUR',
      unit: 'thousand',
      exports: Number(v.toFixed(2)),
      imports: Number((v / 3).toFixed(2)),
      sources: ['s3'],
    })),
  }));
type Data = typeof relationship extends fc.Arbitrary<infer T> ? T : never;
const fixedExample: unknown = JSON.parse(readFileSync(new URL('../fixtures/page-fill/seed-885526621.json', import.meta.url), 'utf8'));
const asOf = fc
  .date({ min: new Date('2018-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const dir = mkdtempSync(join(tmpdir(), 'bilat-page-fill-'));
const long = ['analyst', 'public'].map((id) => compileAudience(resolveAudience(id)));
let n = 0;
async function layOut(file: string, day: string): Promise<Page[][]> {
  const result = validateFile(file, day);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const opts = resolveBuildOptions({ data: [file], asOf: day, audiences: ['analyst', 'public'] });
  layouts.length = 0;
  await renderPair(result.data!, long, { ...opts, formats: ['pdf'] });
  return [...layouts];
}

describe('page fill and headings (pdfmake layout)', () => {
  it('holds for the fixtures at several as-of dates', async () => {
    const files = [
      'data/az-kg.yaml',
      ...['pt-vn', 'edge', 'mn-rs', 'mislead'].map((f) => `tests/fixtures/relationships/${f}-synthetic.yaml`),
    ];
    for (const file of files)
      for (const day of ['2022-01-15', '2023-06-01', '2026-06-01']) {
        const docs = await layOut(file, day);
        expect(docs.length).toBe(2);
        for (const pages of docs) expect(pageFaults(pages), `${file} as of ${day}`).toEqual([]);
      }
  }, 120_000);

  it('holds for generated relationships', async () => {
    await fc.assert(
      fc.asyncProperty(relationship, asOf, async (data, day) => {
        const file = join(dir, `pair-${n++}.yaml`);
        writeFileSync(file, stringify(data));
        for (const pages of await layOut(file, day)) expect(pageFaults(pages)).toEqual([]);
      }),
      {
        numRuns: Number(process.env.PAGE_FILL_RUNS ?? 6),
        ...(process.env.PAGE_FILL_SEED ? { seed: Number(process.env.PAGE_FILL_SEED) } : {}),
        // Found by a CI run (seed 885526621): a heading moved to the next page kept its break
        // after a chart was drawn smaller and pulled the text up, leaving page 3 23% filled.
        examples: [[fixedExample as Data, '2018-01-01']],
      },
    );
  }, 120_000);
});
