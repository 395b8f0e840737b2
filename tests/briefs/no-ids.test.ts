/**
 * A reader never sees a data id (issue #16): no rendered brief — HTML text with the charts'
 * alt text, and the PDF's text as pdftotext reads it — contains any id of its data. Checked on
 * the SYNTHETIC fixture built to leak ids, on az-kg, and over generated relationships whose
 * ids are shaped like the ones that leaked ("dq-2022-visit-type", "az-2020").
 */
import '../helpers/fast-check-seed.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderPair, resolveBuildOptions } from '../../src/pipeline.js';
import type { Relationship } from '../../src/schema/relationship.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { validateFile } from '../../src/validate/validate.js';
import { htmlText, normalizeSpace, pdfRawText } from '../helpers/text.js';

const AS_OF = '2026-11-22';
const dir = mkdtempSync(join(tmpdir(), 'bilat-no-ids-'));
const compiled = ['analyst', 'executive', 'public'].map((id) => compileAudience(resolveAudience(id)));

/** Every id a data file gives: any `id` field at any depth, and the pair's. */
function idsOf(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) idsOf(v, out);
  else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'id' && typeof v === 'string') out.add(v);
      else idsOf(v, out);
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The ids found in a text as whole tokens (a trailing full stop ends a sentence, not an id). */
export function leaked(text: string, ids: Iterable<string>): string[] {
  return [...ids].filter((id) => new RegExp(`(?<![A-Za-z0-9._-])${escape(id)}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`).test(text));
}

let n = 0;
/** Every brief of a file, as text a reader sees: `{ brief: text }`. */
async function briefTexts(rel: Relationship): Promise<Record<string, string>> {
  const out = join(dir, `out-${n++}`);
  const opts = resolveBuildOptions({ data: [], asOf: AS_OF, audiences: ['analyst', 'executive', 'public'], out });
  const briefs = await renderPair(rel, compiled, { ...opts, formats: ['html', 'pdf'] });
  const texts: Record<string, string> = {};
  for (const b of briefs) {
    if (b.format === 'html') texts[`${b.audience}.html`] = htmlText(String(b.bytes), { svgTitles: true });
    else {
      const file = join(dir, `brief-${n++}.pdf`);
      writeFileSync(file, b.bytes);
      texts[`${b.audience}.pdf`] = normalizeSpace(pdfRawText(file));
    }
  }
  return texts;
}

function load(file: string): Relationship {
  const r = validateFile(file, AS_OF);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.data!;
}

async function expectNoIds(rel: Relationship) {
  const ids = idsOf(rel);
  const texts = await briefTexts(rel);
  expect(Object.keys(texts)).toHaveLength(6);
  for (const [brief, text] of Object.entries(texts)) expect(leaked(text, ids), brief).toEqual([]);
}

describe('no data id in any brief', () => {
  it('the check finds an id where one is printed', () => {
    expect(leaked('Data note dq-2022-visit-type. About az-2020.', ['dq-2022-visit-type', 'az-2020', 'az-20'])).toEqual([
      'dq-2022-visit-type',
      'az-2020',
    ]);
    expect(leaked('UN, the un-named, Turkic Council', ['un', 'turkic-council'])).toEqual([]);
  });

  it('holds for the fixture written to leak ids, and for az-kg', async () => {
    await expectNoIds(load('tests/fixtures/relationships/mislead-synthetic.yaml'));
    await expectNoIds(load('data/az-kg.yaml'));
  }, 120_000);

  it('holds for generated relationships', async () => {
    // Ids shaped like the ones the issue found in briefs: a prefix, a year, a word.
    const id = fc.tuple(
      fc.constantFrom('dq', 'az', 'kg', 'tr', 'ev', 'org', 'src', 'm'),
      fc.integer({ min: 1990, max: 2030 }),
      fc.constantFrom('', '-visit-type', '-call', '-jan-oct', '-title', '-council'),
    );
    const relationship = fc
      .record({
        ids: fc.uniqueArray(
          id.map(([p, y, w]) => `${p}-${y}${w}`),
          { minLength: 24, maxLength: 24 },
        ),
        contacts: fc.integer({ min: 1, max: 5 }),
        trade: fc.array(
          fc.record({
            year: fc.integer({ min: 2015, max: 2024 }),
            reporter: fc.constantFrom('LO', 'HI'),
            exports: fc.integer({ min: 1, max: 999 }),
            imports: fc.integer({ min: 1, max: 999 }),
          }),
          { maxLength: 4 },
        ),
        descriptive: fc.boolean(),
        internal: fc.boolean(),
      })
      .map((r) => {
        const [pair, s1, s2, p1, p2, org1, org2, t1, m1, m2, m3, n1, n2, ...rest] = r.ids as [string, ...string[]];
        const engagementIds = rest.slice(0, r.contacts);
        const tradeIds = rest.slice(5, 5 + r.trade.length);
        return {
          schemaVersion: 1,
          pair: {
            id: pair,
            title: 'Lowland – Highland (synthetic)',
            countries: [
              { code: 'LO', code3: 'LOW', name: 'Lowland', officialName: 'Republic of Lowland', capital: 'Portmouth' },
              { code: 'HI', code3: 'HIG', name: 'Highland', officialName: 'Kingdom of Highland', capital: 'Summit' },
            ],
          },
          sources: [
            { id: s1, title: 'Synthetic release', publisher: 'Synthetic Ministry', published: '2024-01-02', kind: 'press-release' },
            {
              id: s2,
              title: 'Synthetic statistics',
              publisher: 'Synthetic Office',
              published: '2024-02-03',
              kind: 'statistics',
              ...(r.internal ? { visibility: 'internal' } : {}),
            },
          ],
          people: [
            {
              id: p1,
              name: 'Ada Synthetic',
              country: 'LO',
              roles: [{ title: 'Foreign Minister of Lowland', country: 'LO', from: 2010 }],
              quality: [n2],
              sources: [s1],
            },
            {
              id: p2,
              name: 'Bo Synthetic',
              country: 'HI',
              roles: [{ title: 'Foreign Minister of Highland', country: 'HI', from: 2010 }],
              sources: [s1],
            },
          ],
          engagements: engagementIds.map((e, i) => ({
            id: e,
            date: `${2016 + i}-0${1 + i}-1${i}`,
            kind: i % 2 ? 'meeting' : 'phone-call',
            title: `Synthetic talks number ${i + 1}`,
            ...(i % 2 ? { organizations: [org2] } : { participants: [{ person: p1 }, { person: p2 }] }),
            quality: [n1],
            sources: [s1],
            ...(r.internal && i === 0 ? { visibility: 'internal' } : {}),
          })),
          agreements: {
            counts: [{ count: 12, asOf: 2020, sources: [s1] }],
            treaties: [{ id: t1, title: 'Synthetic Treaty of Friendship', signed: '2001-05-06', sources: [s1] }],
          },
          trade: r.trade.map((t, i) => ({
            id: tradeIds[i],
            start: t.year,
            end: t.year,
            reporter: t.reporter,
            currency: 'USD',
            unit: 'million',
            exports: t.exports,
            imports: t.imports,
            quality: [n1],
            sources: [s2],
          })),
          organizations: [
            { id: org1, name: 'Synthetic Union', kind: 'international-organization', quality: [n1], sources: [s1] },
            { id: org2, name: 'Synthetic Intergovernmental Commission', kind: 'bilateral-body', sources: [s1] },
          ],
          milestones: [
            { id: m1, kind: 'diplomatic-relations', title: 'Relations established', date: '1996-03-04', sources: [s1] },
            { id: m2, kind: 'treaty-signing', title: 'Treaty signed', treaty: t1, date: 2001, sources: [s1] },
            { id: m3, kind: 'other', title: 'Synthetic themed year', date: 2021, sources: [s1] },
          ],
          notes: [
            {
              id: n1,
              about: [...engagementIds, ...tradeIds, org1, ...(r.descriptive ? [`${t1}.title`] : [])],
              says: 'Synthetic quote',
              problem: 'Synthetic problem',
              action: 'Synthetic action',
              sources: [s1],
            },
            {
              id: n2,
              about: [p1, m3, s2, pair],
              says: 'Another quote',
              problem: 'Another problem',
              action: 'Another action',
              severity: 'uncertain',
            },
          ],
        };
      });
    await fc.assert(
      fc.asyncProperty(relationship, async (data) => {
        const file = join(dir, `pair-${n++}.yaml`);
        writeFileSync(file, stringify(data));
        await expectNoIds(load(file));
      }),
      { numRuns: Number(process.env.NO_IDS_RUNS ?? 4) },
    );
  }, 300_000);
});
