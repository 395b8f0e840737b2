/**
 * The executive brief fits one page by construction: over generated relationships (long
 * names, many sources, talking points, contacts, anniversaries) and as-of dates, the real
 * pipeline writes a PDF that poppler reads as exactly one page, with every key figure on it,
 * and the HTML carries the same cuts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderPair, resolveBuildOptions } from '../../src/pipeline.js';
import { countPages, cutView, CUTS } from '../../src/render/fit-page.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { validateFile } from '../../src/validate/validate.js';
import { decodeEntities } from '../helpers/text.js';

const dir = mkdtempSync(join(tmpdir(), 'bilat-one-page-'));
const executive = compileAudience(resolveAudience('executive'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

const words = (n: number, seed: number) =>
  Array.from(
    { length: n },
    (_, i) => ['trade', 'visit', 'council', 'energy', 'transport', 'ministerial', 'cooperation', 'agreement'][(i + seed) % 8],
  ).join(' ');
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

/** A valid relationship of a generated shape (SYNTHETIC: describes no real events). */
const relationship = fc
  .record({
    nameLength: fc.integer({ min: 8, max: 95 }),
    sources: fc.integer({ min: 1, max: 14 }),
    titleWords: fc.integer({ min: 3, max: 22 }),
    contacts: fc.integer({ min: 0, max: 40 }),
    points: fc.array(fc.integer({ min: 5, max: 45 }), { maxLength: 5 }),
    milestones: fc.array(fc.integer({ min: 1950, max: 2015 }), { maxLength: 6 }),
    trade: fc.array(fc.double({ min: 0.01, max: 1e9, noNaN: true }), { maxLength: 8 }),
    agreements: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  })
  .map((r) => {
    const name = (base: string) => `${base} ${'of the Northern Provinces and Islands '.repeat(4)}`.slice(0, r.nameLength).trim();
    const src = (i: number) => `s${(i % r.sources) + 1}`;
    return {
      schemaVersion: 1,
      pair: {
        id: 'xa-xb',
        title: 'Lowland – Highland (synthetic)',
        countries: [
          { code: 'LO', code3: 'LOW', name: 'Lowland', officialName: name('Republic'), adjective: 'Lowlandic', capital: 'Portmouth' },
          { code: 'HI', code3: 'HIG', name: 'Highland', officialName: name('Kingdom'), adjective: 'Highlandic', capital: 'Summit' },
        ],
      },
      sources: Array.from({ length: r.sources }, (_, i) => ({
        id: `s${i + 1}`,
        title: `Synthetic ${words(r.titleWords, i)}`,
        publisher: `Synthetic Publisher ${i + 1}`,
        published: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
        kind: 'press-release',
      })),
      engagements: Array.from({ length: r.contacts }, (_, i) => ({
        id: `e${i}`,
        date: `${1995 + (i % 31)}-0${1 + (i % 9)}-1${i % 10}`,
        kind: KINDS[i % 8],
        title: `Synthetic ${words(4 + (i % 9), i)}`,
        sources: [src(i)],
      })),
      talkingPoints: r.points.map((n, i) => ({ text: `Synthetic point: ${words(n, i)}.`, sources: [src(i)] })),
      milestones: r.milestones.map((y, i) => ({
        id: `m${i}`,
        kind: i % 2 ? 'treaty-signing' : 'diplomatic-relations',
        title: `synthetic ${words(3 + i, i)}`,
        date: `${y}-0${1 + (i % 9)}-1${i % 10}`,
        sources: [src(i)],
      })),
      trade: r.trade.map((v, i) => ({
        id: `t${i}`,
        start: 2015 + i,
        end: 2015 + i,
        label: String(2015 + i),
        reporter: 'LO',
        currency: 'EUR',
        unit: 'thousand',
        exports: Number(v.toFixed(2)),
        imports: Number((v / 2).toFixed(2)),
        sources: [src(i)],
      })),
      ...(r.agreements ? { agreements: { counts: [{ count: r.agreements, asOf: 2020, sources: ['s1'] }] } } : {}),
    };
  });

const asOf = fc
  .date({ min: new Date('2015-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

let n = 0;
async function buildExecutive(data: unknown, day: string) {
  const file = join(dir, `pair-${n++}.yaml`);
  writeFileSync(file, stringify(data));
  const result = validateFile(file, day);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const opts = resolveBuildOptions({ data: [file], asOf: day, audiences: ['executive'] });
  const briefs = await renderPair(result.data!, [executive], { ...opts, formats: ['html', 'pdf'] });
  const html = briefs.find((b) => b.format === 'html')!.bytes.toString();
  const pdf = join(dir, `pair-${n}.pdf`);
  writeFileSync(pdf, briefs.find((b) => b.format === 'pdf')!.bytes);
  return { html, pdf };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('executive brief on one page', () => {
  it('has exactly one page and every key figure on it, whatever the data and as-of date', async () => {
    await fc.assert(
      fc.asyncProperty(relationship, asOf, async (data, day) => {
        const { html, pdf } = await buildExecutive(data, day);
        expect(run('pdfinfo', [pdf])).toMatch(/^Pages:\s+1$/m);
        const text = squash(run('pdftotext', [pdf, '-']));
        const figures = [...html.matchAll(/<span class="value">([^<]*)<\/span>/g)].map((m) => squash(decodeEntities(m[1]!)));
        for (const f of figures) expect(text).toContain(f);
        // Both formats carry the same cuts: a note in one is a note in the other.
        expect(text.includes('in the analyst brief')).toBe(html.includes('in the analyst brief'));
      }),
      { numRuns: 6, seed: 20 },
    );
  }, 120_000);

  it('az-kg as of dates that used to spill onto a second page stays on one', async () => {
    for (const day of ['2022-01-15', '2023-06-01']) {
      const result = validateFile('data/az-kg.yaml', day);
      const opts = resolveBuildOptions({ data: ['data/az-kg.yaml'], asOf: day, audiences: ['executive'] });
      const [brief] = await renderPair(result.data!, [executive], { ...opts, formats: ['pdf'] });
      expect(countPages(brief!.bytes as Uint8Array)).toBe(1);
      const file = join(dir, `az-kg-${day}.pdf`);
      writeFileSync(file, brief!.bytes);
      expect(run('pdfinfo', [file])).toMatch(/^Pages:\s+1$/m);
    }
  }, 60_000);

  it('cuts the least important items first and announces what it left out', () => {
    const contact = { title: 'c' } as never;
    const view = {
      recentContacts: Array(9).fill(contact),
      anniversaries: Array(4).fill({}),
      talkingPoints: Array(5).fill({}),
      has: { anniversaries: true, talkingPoints: true },
    } as never;
    const shown = { contacts: 3, milestones: 3 };
    expect(cutView(view, 0, shown)).toBe(view);
    expect(cutView(view, 1, shown).fit).toEqual({ shortSources: true, contactsMore: 0, milestonesMore: 0, pointsMore: 0 });
    const last = cutView(view, CUTS.length - 1, shown);
    expect(last.recentContacts).toHaveLength(0);
    expect(last.fit).toEqual({ shortSources: true, contactsMore: 9, milestonesMore: 4, pointsMore: 4 });
  });
});
