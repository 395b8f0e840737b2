/**
 * The press-safe cut: a public brief (HTML or PDF) shows no item marked internal and no
 * data-quality note. What counts as secret is read from each YAML file, never listed here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, buildOnce, outputPath, PAIRS, removeDir, runCli, tempDir } from '../helpers/cli.js';
import { readRelationship, secretsOf, type Doc, type Secret } from '../helpers/data.js';
import { CANARY, CANARY_FIGURES, canaryYaml, writeFixture } from '../helpers/fixtures.js';
import { containsPhrase, decodeEntities, htmlText, normalizeSpace, pdfInfo, pdfRawText } from '../helpers/text.js';

/** Everything a reader of the HTML can get at: visible text, chart titles, head, attributes. */
function htmlSurface(file: string): string {
  const html = readFileSync(file, 'utf8');
  const head = decodeEntities(/<head>([\s\S]*?)<\/head>/i.exec(html)?.[1]?.replace(/<style>[\s\S]*?<\/style>/i, '') ?? '');
  const attrs = [...html.replace(/<svg\b[\s\S]*?<\/svg>/gi, '').matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
  return normalizeSpace([htmlText(html, { svgTitles: true }), head, ...attrs].join('\n'));
}

/** Everything a reader of the PDF can get at: its text (all pages) and its metadata. */
function pdfSurface(file: string): string {
  const info = pdfInfo(file);
  return normalizeSpace([pdfRawText(file), info.Title, info.Subject, info.Keywords, info.Author].join('\n'));
}

const leaks = (surface: string, secrets: Secret[]) =>
  secrets.flatMap((s) =>
    s.texts.filter((t) => containsPhrase(surface, t)).map((t) => `${s.where}${s.id ? ` (${s.id})` : ''}: ${JSON.stringify(t)}`),
  );
/** For the positive control: the secrets that show in no way at all. */
const unseen = (surface: string, secrets: Secret[]) =>
  secrets.filter((s) => !s.texts.some((t) => containsPhrase(surface, t))).map((s) => s.where);

describe.each(PAIRS.map((p) => [p.id, p] as const))('%s public brief', (id, pair) => {
  let dir = '';
  let doc: Doc;
  let secrets: Secret[];
  beforeAll(async () => {
    dir = await buildOnce();
    doc = readRelationship(pair.file);
    secrets = secretsOf(doc);
  });

  it('HTML shows no internal item and no data-quality note', () => {
    expect(leaks(htmlSurface(outputPath(dir, id, 'public', 'html')), secrets)).toEqual([]);
  });

  it('PDF shows no internal item and no data-quality note', () => {
    expect(leaks(pdfSurface(outputPath(dir, id, 'public', 'pdf')), secrets)).toEqual([]);
  });

  it('has no data-quality section, note anchor or flag', () => {
    const html = readFileSync(outputPath(dir, id, 'public', 'html'), 'utf8');
    expect(html).not.toMatch(/id="data-quality"|class="data-quality|id="note-|class="flag"/);
    for (const n of (doc.notes ?? []) as Doc[]) expect(html).not.toContain(n.id);
  });

  it('the internal briefs do show them (so the searches above can find a leak)', () => {
    // Every note and every internal item the data holds is searched for.
    const hidden = JSON.stringify(doc).split('"visibility":"internal"').length - 1 + (doc.notes ?? []).length;
    expect(secrets.length).toBe(hidden);
    for (const ext of ['html', 'pdf'] as const) {
      const surface = ext === 'html' ? htmlSurface(outputPath(dir, id, 'analyst', ext)) : pdfSurface(outputPath(dir, id, 'analyst', ext));
      expect(unseen(surface, secrets), `analyst ${ext}`).toEqual([]);
    }
  });
});

it('az-kg has secrets to keep: the internal "2108" visit, an internal talking point, data-quality notes', () => {
  const secrets = secretsOf(readRelationship(PAIRS[0].file));
  const visit = secrets.find((s) => s.id === '2108-aliyev-visit');
  expect(visit?.texts).toContain('2108');
  expect(secrets.some((s) => s.where.startsWith('talkingPoints['))).toBe(true);
  expect(secrets.filter((s) => s.where.startsWith('notes[')).length).toBe(readRelationship(PAIRS[0].file).notes.length);
});

describe('an internal item in every collection (synthetic canary data)', () => {
  let dir = '';
  let out = '';
  let secrets: Secret[] = [];
  beforeAll(() => {
    dir = tempDir('canary');
    out = `${dir}/out`;
    const file = writeFixture(dir, 'canary.yaml', canaryYaml());
    secrets = secretsOf(readRelationship(file));
    const r = runCli(['build', file, '--as-of', AS_OF, '-a', 'public,analyst', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  afterAll(() => removeDir(dir));

  it('covers every collection', () => {
    const kinds = new Set(secrets.map((s) => s.where.replace(/\[\d+\].*$/, '').replace(/\..*$/, '')));
    expect([...kinds].sort()).toEqual(
      ['agreements', 'engagements', 'notes', 'organizations', 'people', 'sources', 'talkingPoints', 'trade', 'milestones'].sort(),
    );
  });

  it('none of it reaches the public HTML or PDF', () => {
    const html = htmlSurface(`${out}/mn-rs-public.html`);
    const pdf = pdfSurface(`${out}/mn-rs-public.pdf`);
    expect(leaks(html, secrets)).toEqual([]);
    expect(leaks(pdf, secrets)).toEqual([]);
    for (const surface of [html, pdf]) for (const f of CANARY_FIGURES) expect(containsPhrase(surface, f), f).toBe(false);
    // The raw file too (chart drawings included): the word never occurs in public data.
    for (const surface of [html, pdf, readFileSync(`${out}/mn-rs-public.html`, 'utf8')])
      expect(surface.toLowerCase()).not.toContain(CANARY.toLowerCase());
  });

  it('all of it reaches the analyst HTML and PDF', () => {
    expect(unseen(htmlSurface(`${out}/mn-rs-analyst.html`), secrets)).toEqual([]);
    expect(unseen(pdfSurface(`${out}/mn-rs-analyst.pdf`), secrets)).toEqual([]);
  });
});
