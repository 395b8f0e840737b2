/**
 * The grammar as a reader meets it: generated relationships (any number of contacts, periods
 * without labels, dates of every precision, any as-of date) rendered through the real
 * templates, and the brief's text searched for the mistakes issue 10 lists.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderPair, resolveBuildOptions } from '../../src/pipeline.js';
import { Relationship } from '../../src/schema/relationship.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';

const BASE = parse(readFileSync('data/az-kg.yaml', 'utf8')) as Record<string, any>;
const SRC = BASE.sources[0].id as string;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const pad = (n: number) => String(n).padStart(2, '0');

const partialDate = (minYear: number, maxYear: number) =>
  fc.oneof(
    fc.integer({ min: minYear, max: maxYear }).map(String),
    fc.tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
    fc
      .tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  );
const ordered = fc.tuple(partialDate(2005, 2024), partialDate(2005, 2024)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

const relationship = fc.record({
  contacts: fc.array(partialDate(2005, 2024), { maxLength: 6 }),
  periods: fc.array(ordered, { maxLength: 4 }),
  relationsYear: fc.integer({ min: 1991, max: 2024 }),
  treatyDate: fc.option(partialDate(1995, 2024), { nil: undefined }),
  counts: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
  asOf: fc
    .tuple(fc.integer({ min: 2006, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
});

type Generated = typeof relationship extends fc.Arbitrary<infer T> ? T : never;

function dataset(r: Generated) {
  const sources = [SRC];
  return Relationship.parse({
    schemaVersion: 1,
    pair: BASE.pair,
    sources: [BASE.sources[0]],
    engagements: r.contacts.map((date, i) => ({ id: `c${i}`, date, kind: 'meeting', title: `Meeting ${i}`, sources })),
    trade: r.periods.map(([start, end], i) => ({
      id: `t${i}`,
      start,
      end,
      reporter: 'AZ',
      currency: 'USD',
      unit: 'million',
      exports: 2 + i,
      imports: 1,
      sources,
    })),
    agreements: {
      counts: r.counts.map((count, i) => ({ count, asOf: `${2010 + i}`, sources })),
      treaties: r.treatyDate === undefined ? [] : [{ id: 'tr', title: 'Treaty of Friendship', signed: r.treatyDate, sources }],
    },
    milestones: [
      { id: 'rel', kind: 'diplomatic-relations', title: 'Relations opened', date: r.relationsYear, sources },
      ...(r.treatyDate === undefined
        ? []
        : [{ id: 'tr-signed', kind: 'treaty-signing', title: 'Ceremony', date: r.treatyDate, treaty: 'tr', sources }]),
    ],
  });
}

const compiled = ['executive', 'analyst', 'public'].map((id) => compileAudience(resolveAudience(id)));
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[^<]*<\/title>/g, (t) => ` ${t} `)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ');

describe('grammar in rendered briefs', () => {
  it('never "1 <plural>", "in <day> <month>", "X to X", "YYYY – YYYY" with equal years', async () => {
    await fc.assert(
      fc.asyncProperty(relationship, async (r) => {
        const opts = resolveBuildOptions({ data: ['x.yaml'], asOf: r.asOf, formats: ['html'] });
        const briefs = await renderPair(dataset(r), compiled, { ...opts, formats: ['html'] });
        for (const b of briefs) {
          const t = text(b.bytes as string);
          expect(t).not.toMatch(/(^|[^\d,.])1 (high-level )?(contacts|years|agreements)\b/);
          expect(t).not.toMatch(new RegExp(`\\bin \\d{1,2} (${MONTHS})`));
          expect(t).not.toMatch(/\b(\d{4}) ?[–-] ?\1\b/);
          for (const m of t.matchAll(/from ((?:\d{1,2} )?(?:(?:[A-Z][a-z]+) )?\d{4}) to ((?:\d{1,2} )?(?:(?:[A-Z][a-z]+) )?\d{4})/g))
            expect(m[1]).not.toBe(m[2]);
          expect(t).not.toMatch(/signed in \d{1,2} /);
        }
      }),
      { numRuns: Number(process.env.GRAMMAR_RUNS ?? 20), seed: Number(process.env.GRAMMAR_SEED ?? 20261202) },
    );
  });
});

describe('credits', () => {
  it('name the publisher, via the outlet that relayed it, in the chart and the source list', async () => {
    const data = Relationship.parse({
      schemaVersion: 1,
      pair: BASE.pair,
      sources: [
        {
          id: 'stat',
          title: 'Foreign trade, 2019',
          publisher: 'State Statistical Committee',
          via: 'Trend News Agency',
          published: '2020-02',
          kind: 'statistics',
        },
      ],
      trade: [
        { id: 't', start: 2019, end: 2019, reporter: 'AZ', currency: 'USD', unit: 'million', exports: 2, imports: 1, sources: ['stat'] },
      ],
    });
    const opts = resolveBuildOptions({ data: ['x.yaml'], asOf: '2024-01-01', formats: ['html'] });
    const [analyst] = await renderPair(data, [compiled[1]!], { ...opts, formats: ['html'] });
    const t = text(analyst!.bytes as string);
    expect(t).toContain('Source: [1] State Statistical Committee via Trend News Agency, February 2020');
    expect(t).toContain('Foreign trade, 2019. State Statistical Committee, via Trend News Agency, February 2020.');
  });
});
