/**
 * `bilat build -f docx` through the real CLI, read back by python-docx (an independent reader,
 * Debian's python3-docx): Word structure, facts, the public cut, running head, properties and
 * byte-identical rebuilds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, AUDIENCES, ROOT, removeDir, runCli, tempDir } from '../helpers/cli.js';
import { namesOf, readRelationship, secretsOf } from '../helpers/data.js';
import { containsPhrase, htmlText, normalizeSpace } from '../helpers/text.js';

interface ReadBack {
  paragraphs: { style: string | null; text: string }[];
  tables: { header: boolean; cells: string[] }[][];
  pictures: { descr: string | null; name: string | null; id: string | null }[];
  images: string[];
  ppi: number[];
  fields: string[];
  running: string[];
  runningFields: string[];
  core: { title: string; subject: string; language: string; created: string | null; description: string; keywords: string };
  allText: string;
}

// pyenv's python may lack the Debian package; the system interpreter has it.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const DATA = join(ROOT, 'data/az-kg.yaml');
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

function readDocx(file: string): ReadBack {
  const r = spawnSync(PYTHON, [join(ROOT, 'tests/docx/read-docx.py'), file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`read-docx.py failed on ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as ReadBack;
}

const text = (d: ReadBack) => normalizeSpace(d.allText);

describe('az-kg Word briefs', () => {
  let dir = '';
  let again = '';
  const docs = {} as Record<(typeof AUDIENCES)[number], ReadBack>;
  beforeAll(() => {
    dir = tempDir('docx');
    again = tempDir('docx-again');
    const r = runCli(['build', DATA, '-f', 'docx,html', '-o', dir, '--as-of', AS_OF, '-q']);
    expect(r.status, r.stderr).toBe(0);
    for (const a of AUDIENCES) docs[a] = readDocx(join(dir, `az-kg-${a}.docx`));
  }, 120_000);
  afterAll(() => {
    removeDir(dir);
    removeDir(again);
  });

  it('writes <pair>-<audience>.docx for every audience', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.docx'))
        .sort(),
    ).toEqual(['az-kg-analyst.docx', 'az-kg-executive.docx', 'az-kg-public.docx']);
  });

  it('uses Word heading styles in document order, the title first and no level skipped', () => {
    for (const a of AUDIENCES) {
      const levels = docs[a].paragraphs.filter((p) => /^Heading \d$/.test(p.style ?? '')).map((p) => Number(p.style!.slice(-1)));
      expect(levels[0], a).toBe(1);
      levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!, `${a} heading ${i}`).toBeLessThanOrEqual(1));
    }
    const h2 = docs.analyst.paragraphs.filter((p) => p.style === 'Heading 2').map((p) => p.text);
    const order = ['Summary', 'Talking points', 'High-level contacts', 'Trade', 'Agreements', 'Sources'].map((t) => h2.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(docs.analyst.paragraphs.find((p) => p.style === 'Heading 1')?.text).toBe('Azerbaijan – Kyrgyzstan');
    // Body text is in Normal and list items in List Paragraph, not look-alike formatting.
    expect(docs.analyst.paragraphs.some((p) => p.style === 'Normal' && p.text.includes('Republic of Azerbaijan'))).toBe(true);
    expect(
      docs.analyst.paragraphs.some((p) => p.style === 'List Paragraph' && p.text.startsWith('Diplomatic relations date from 1993')),
    ).toBe(true);
  });

  it('starts the long briefs (8 sections or more) with a TOC field, never the one-page brief', () => {
    // The public az-kg brief reached 8 sections when bilateral mechanisms got their own (issue #16).
    for (const a of ['analyst', 'public'] as const) {
      expect(
        docs[a].fields.some((f) => /^\s*TOC\b/.test(f)),
        a,
      ).toBe(true);
      const firstHeading = docs[a].paragraphs.findIndex((p) => p.style === 'Heading 1');
      expect(
        docs[a].paragraphs.slice(0, firstHeading).some((p) => p.style === 'TOC Heading'),
        a,
      ).toBe(true);
    }
    expect(docs.executive.fields.some((f) => /TOC/.test(f))).toBe(false);
  });

  it('marks exactly the header row of each data table to repeat', () => {
    // Data tables (with a thead) repeat their first row; layout tables (key figures, columns) none.
    const data = docs.analyst.tables.filter((t) => t[0]!.header);
    expect(data.length).toBe(4);
    for (const t of docs.analyst.tables) expect(t.slice(1).some((r) => r.header)).toBe(false);
    expect(data.map((t) => t[0]!.cells[0])).toEqual(
      expect.arrayContaining(['Period', 'Organization or format', 'Body of the two countries']),
    );
    const trade = data.find((t) => t[0]!.cells.includes('Turnover'))!;
    expect(trade[1]!.cells).toEqual(expect.arrayContaining(['2.3', '1.4', '3.7']));
  });

  it('places charts as SVG pictures with a PNG at print resolution for other readers, alt text stating the figures', () => {
    const { pictures, images, ppi } = docs.analyst;
    expect(pictures.length).toBe(2);
    // Each chart: its SVG (Word 2016 and later) and the PNG fallback the picture's blip points at.
    expect([...images].sort()).toEqual([...Array(pictures.length).fill('image/png'), ...Array(pictures.length).fill('image/svg+xml')]);
    expect(ppi.length).toBe(pictures.length);
    for (const p of ppi) expect(p).toBeGreaterThanOrEqual(250);
    expect(new Set(pictures.map((p) => p.id)).size).toBe(pictures.length);
    for (const p of pictures) expect((p.descr ?? '').length).toBeGreaterThan(40);
    expect(pictures.some((p) => /Turnover: 3\.7/.test(p.descr ?? ''))).toBe(true);
  });

  it('carries the key facts and every name the HTML brief shows', () => {
    const t = text(docs.analyst);
    for (const fact of ['3.7', '2.3', '1.4', 'million USD', '58 agreements']) expect(containsPhrase(t, fact), fact).toBe(true);
    const doc = readRelationship(DATA);
    for (const a of AUDIENCES) {
      const html = htmlText(readFileSync(join(dir, `az-kg-${a}.html`), 'utf8'));
      const shown = namesOf(doc).filter((n) => containsPhrase(html, n));
      expect(shown.length, a).toBeGreaterThan(3);
      expect(
        shown.filter((n) => !containsPhrase(text(docs[a]), n)),
        a,
      ).toEqual([]);
    }
  });

  it('links source markers to the numbered source list', () => {
    const xml = spawnSync('unzip', ['-p', join(dir, 'az-kg-analyst.docx'), 'word/document.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }).stdout;
    const anchors = new Set([...xml.matchAll(/w:anchor="([^"]+)"/g)].map((m) => m[1]));
    const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]));
    expect(anchors.size).toBe(3);
    for (const a of anchors) expect(bookmarks.has(a), a).toBe(true);
  });

  it('puts pair, audience, classification and page numbers in the header and footer', () => {
    for (const [a, label] of [
      ['analyst', 'ANALYST BRIEF · INTERNAL'],
      ['executive', 'EXECUTIVE BRIEF · INTERNAL'],
      ['public', 'PUBLIC BRIEF · PUBLIC'],
    ] as const) {
      const running = docs[a].running.join('\n');
      expect(running, a).toContain('Azerbaijan – Kyrgyzstan');
      expect(running, a).toContain(label);
      expect(docs[a].runningFields.map((f) => f.trim())).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
    }
  });

  it('sets title, subject, language and the as-of date as document properties', () => {
    const { core } = docs.public;
    expect(core.title).toBe('Azerbaijan – Kyrgyzstan — Public brief');
    expect(core.subject).toContain('Republic of Azerbaijan');
    expect(core.language).toBe('en-GB');
    expect(core.created?.slice(0, 10)).toBe(AS_OF);
    expect(core.description).toContain(AS_OF);
  });

  it('public brief carries nothing internal (analyst brief as positive control)', () => {
    const secrets = secretsOf(readRelationship(DATA));
    const surface = (d: ReadBack) => normalizeSpace([d.allText, ...Object.values(d.core), ...d.pictures.map((p) => p.descr)].join('\n'));
    const leaks = secrets.flatMap((s) => s.texts.filter((t) => containsPhrase(surface(docs.public), t)));
    expect(leaks).toEqual([]);
    expect(containsPhrase(surface(docs.public), '2108')).toBe(false);
    expect(containsPhrase(surface(docs.analyst), '2108')).toBe(true);
    expect(secrets.filter((s) => s.texts.some((t) => containsPhrase(surface(docs.analyst), t))).length).toBeGreaterThan(0);
  });

  it('is byte-identical when rebuilt, whatever the time zone', () => {
    const r = runCli(['build', DATA, '-f', 'docx', '-o', again, '--as-of', AS_OF, '-q'], { TZ: 'Pacific/Kiritimati' });
    expect(r.status, r.stderr).toBe(0);
    for (const a of AUDIENCES)
      expect(readFileSync(join(again, `az-kg-${a}.docx`)).equals(readFileSync(join(dir, `az-kg-${a}.docx`))), a).toBe(true);
  }, 120_000);

  // LibreOffice lays the file out independently of Word and of our code; CI installs it (.ci/run).
  it.skipIf(!hasSoffice)(
    'executive brief fits one page when LibreOffice lays it out with the theme font',
    () => {
      const work = tempDir('docx-lo');
      try {
        // The theme font is Roboto, shipped with pdfmake; LibreOffice finds it through a private fontconfig file.
        const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
        writeFileSync(
          join(work, 'fonts.conf'),
          `<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${work}/fc</cachedir></fontconfig>`,
        );
        const r = spawnSync(
          'soffice',
          [
            `-env:UserInstallation=file://${work}/profile`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            work,
            join(dir, 'az-kg-executive.docx'),
          ],
          {
            encoding: 'utf8',
            env: { ...process.env, FONTCONFIG_FILE: join(work, 'fonts.conf') },
            timeout: 110_000,
          },
        );
        expect(r.status, r.stderr).toBe(0);
        const info = spawnSync('pdfinfo', [join(work, 'az-kg-executive.pdf')], { encoding: 'utf8' }).stdout;
        expect(info).toMatch(/^Pages:\s+1$/m);
        const fontsUsed = spawnSync('pdffonts', [join(work, 'az-kg-executive.pdf')], { encoding: 'utf8' }).stdout;
        expect(fontsUsed).toContain('Roboto');
      } finally {
        removeDir(work);
      }
    },
    120_000,
  );

  it('rejects an unknown format naming the choices (exit 2)', () => {
    const r = runCli(['build', DATA, '-f', 'rtf', '-o', again]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('html, pdf or docx');
  });
});
