/**
 * What the briefs say of version 2 fields (issue 16): ranges as ranges, approximations with
 * their word, documents signed with their engagement, bilateral mechanisms in their own
 * table — in the HTML of the real pipeline and in the PDF the real CLI writes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/view.js';
import { renderPair, resolveBuildOptions } from '../../src/pipeline.js';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { validateFile } from '../../src/validate/validate.js';
import { AUDIENCES, ROOT, removeDir, runCli, tempDir } from '../helpers/cli.js';
import { htmlText, normalizeSpace, pdfRawText } from '../helpers/text.js';

const AS_OF = '2026-11-22';
const FIXTURE = 'tests/fixtures/v2/base-v2.yaml';
const analyst = { id: 'analyst', label: 'Analyst brief', classification: 'Internal', internal: true };
const press = { id: 'public', label: 'Public brief', classification: 'Public', internal: false };

function load(file: string) {
  const r = validateFile(join(ROOT, file), AS_OF);
  expect(r.diagnostics).toEqual([]);
  return r.data!;
}

async function html(file: string): Promise<Record<string, string>> {
  const opts = resolveBuildOptions({ data: [file], asOf: AS_OF, audiences: [...AUDIENCES], formats: ['html'] });
  const briefs = await renderPair(
    load(file),
    opts.audiences.map((id) => compileAudience(resolveAudience(id))),
    opts,
  );
  return Object.fromEntries(briefs.map((b) => [b.audience, htmlText(String(b.bytes))]));
}

describe('the model reads version 2 fields', () => {
  const view = buildView(load(FIXTURE), { asOf: AS_OF, audience: analyst });

  it('a span of days reads as one range, and a one-day event as its day', () => {
    expect(view.engagements.map((e) => e.date.label)).toEqual(['11 July 2024', '22–23 August 2024']);
    expect(view.engagements[1]!.date.end).toBe('2024-08-23');
  });

  it('approximate figures keep their word: count, trade, documents signed', () => {
    expect(view.agreements.counts[0]).toMatchObject({ count: 150, countLabel: 'over 150' });
    expect(view.trade.periods.find((t) => t.id === 't-2024-jan')!.qualified).toEqual({ turnover: 'over 11' });
    expect(view.trade.periods.find((t) => t.id === 't-2023')!.qualified).toBeUndefined();
    expect(view.engagements[1]!.documents).toEqual({
      countLabel: 'over 20 documents signed',
      list: [{ title: 'Treaty on Allied Relations' }, { title: 'Roadmap on textile cooperation', kind: 'interagency roadmap' }],
      refs: [{ n: 1, id: 'src-a' }],
    });
  });

  it('a treaty shows its kind and level in words and the other names it is reported under', () => {
    expect(view.agreements.treaties[0]).toMatchObject({
      title: 'Treaty on Allied Relations',
      kind: 'interstate treaty',
      aliases: ['Treaty on Union Relations'],
    });
  });

  it('several roles of one participant are joined', () => {
    expect(view.engagements[1]!.participants[1]).toMatchObject({
      name: 'Person One',
      role: 'Prime Minister; Co-chair of the Intergovernmental Commission',
    });
  });

  it('mechanisms, indicators, status and quotes, with readable labels and no ids', () => {
    expect(view.mechanisms).toMatchObject([
      {
        name: 'Aland–Beland Intergovernmental Commission',
        kind: 'Intergovernmental commission',
        aliases: [],
        coChairs: ['Person One'],
        sessions: [{ label: '3rd session', when: '11 July 2024', place: 'Acity', coChairs: [], refs: [{ n: 1, id: 'src-a' }] }],
        refs: [{ n: 1, id: 'src-a' }],
        // v2 mechanisms share the list (and its type) with v1 organizations of kind bilateral-body.
        engagements: [],
        mentions: 0,
      },
    ]);
    expect(view.indicators!.map((x) => [x.kind, x.subject, x.value, x.by ?? x.asOf])).toEqual([
      ['Target', 'mutual trade turnover', '1 billion USD', 'within five years'],
      ['Count', 'enterprises with Aland capital in Beland', '263 enterprises', 'August 2023'],
    ]);
    expect(view.status!.map((s) => [s.level, s.since, s.inferred, s.treaty])).toEqual([
      ['Strategic partnership', 'June 2022', false, undefined],
      ['Alliance', '23 August 2024', false, 'Treaty on Allied Relations'],
    ]);
    expect(view.quotes).toEqual([
      { text: 'Relations have reached the highest level.', speaker: 'Person Two', refs: [{ n: 1, id: 'src-a' }] },
    ]);
    expect(view.has).toMatchObject({ mechanisms: true, indicators: true, status: true, quotes: true });
  });

  it('the press-safe cut leaves out an internal mechanism', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseText } = await import('../../src/data/load-document.js');
    const { validateDocument } = await import('../../src/validate/validate.js');
    const text = readFileSync(join(ROOT, FIXTURE), 'utf8').replace(
      '    kind: intergovernmental-commission\n',
      '    kind: intergovernmental-commission\n    visibility: internal\n',
    );
    const data = validateDocument(parseText('x.yaml', text), AS_OF).data!;
    expect(buildView(data, { asOf: AS_OF, audience: press }).has.mechanisms).toBe(false);
    expect(buildView(data, { asOf: AS_OF, audience: analyst }).has.mechanisms).toBe(true);
  });
});

describe('briefs of the two v2 relationships', () => {
  let az: Record<string, string>;
  let kg: Record<string, string>;
  beforeAll(async () => {
    az = await html('data/az-uz.yaml');
    kg = await html('data/kg-uz.yaml');
  });

  it('print ranges, approximations and documents signed in the timeline', () => {
    expect(az.analyst).toContain('23–24 February 2023 — First Uzbek–Azerbaijani Interregional Forum');
    expect(az.analyst).toContain('2–3 July 2025 — State visit of the President of Uzbekistan to Azerbaijan');
    expect(az.analyst).toContain('Documents signed: Treaty on Allied Relations');
    expect(kg.analyst).toContain(
      'Documents signed: 5 documents signed, including Treaty on certain sections of the Kyrgyz–Uzbek state border;',
    );
    expect(kg.analyst).toContain('over 200 agreements and treaties concluded since 1993 as of January 2023');
    expect(kg.analyst).toContain('5–6 September 2017 — State visit of the President of Uzbekistan to Kyrgyzstan');
    expect(kg.analyst).toContain('Treaty on the Uzbek–Kyrgyz State Border (interstate treaty), signed 5 September 2017');
    expect(kg.analyst).toContain('Also reported as: Agreement on the Uzbek–Kyrgyz state border');
  });

  it('show the level of relations over time and the economic indicators as reported', () => {
    expect(kg.analyst).toContain('Strategic partnership — on record from 11 March 2021');
    expect(az.analyst).toContain('Alliance (allied relations) — since 23 August 2024, Treaty on Allied Relations');
    expect(az.analyst).toContain('Target: Uzbek cargo to be carried through Azerbaijan');
    expect(az.analyst).toContain('at least 1 million tonnes');
    expect(az.analyst).toContain('Uzbek imports from Azerbaijan 500 million USD; Uzbek exports to Azerbaijan 600 million USD');
    expect(kg.public).toContain('Economic indicators');
  });

  it('list bilateral mechanisms apart from multilateral organizations', () => {
    expect(az.analyst).toContain('Bilateral mechanisms');
    expect(az.analyst).toContain('1st session, 23 August 2024, Tashkent');
    expect(az.analyst).toContain('1st session, 23–24 February 2023, Tashkent');
    expect(az.analyst).not.toContain('Multilateral cooperation');
  });

  it('never print an approximate trade figure as exact in the table', () => {
    expect(az.analyst).toMatch(/January 2023\S* an unnamed side — — over 11 —/);
    expect(az.analyst).toMatch(/\b2023\S* Uzbekistan — — over 230 —/);
  });
});

describe('the PDF the CLI writes for a v2 file', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('v2-pdf');
  });
  afterAll(() => removeDir(dir));

  it('says the same: range, approximation, mechanisms', () => {
    const r = runCli(['build', 'data/kg-uz.yaml', '--audience', 'analyst', '--format', 'pdf', '--out', dir, '--as-of', AS_OF]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const file = join(dir, 'kg-uz-analyst.pdf');
    expect(existsSync(file)).toBe(true);
    const text = normalizeSpace(pdfRawText(file));
    expect(text).toContain('26–27 January 2023');
    expect(text).toContain('over 200');
    expect(text).toContain('Bilateral mechanisms');
    expect(text).toContain('11th session, 3 May 2024');
  });
});
