/**
 * Briefs in Russian and Azerbaijani through the real CLI: file names, `lang`, no English
 * heading or running head in the HTML or the PDF text, dates per locale, the data's own
 * translations used and the missing ones tagged and warned about with their location.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/templates/catalogs.js';
import { AS_OF, PAIRS, removeDir, runCli, tempDir } from '../helpers/cli.js';
import { htmlText, pdfRawText } from '../helpers/text.js';

const DATA = PAIRS[0].file;
let out = '';
let stderr = '';
beforeAll(() => {
  out = tempDir('locale');
  const r = runCli([
    'build',
    DATA,
    '-a',
    'executive,analyst',
    '-f',
    'html,pdf',
    '--as-of',
    AS_OF,
    '--out',
    out,
    '--locale',
    'ru,az',
    '--quiet',
  ]);
  expect(r.status, r.stderr).toBe(0);
  stderr = r.stderr;
});
afterAll(() => removeDir(out));

const file = (audience: string, lang: string, ext: string) => join(out, `az-kg-${audience}.${lang}.${ext}`);
const en = loadCatalog('en').catalog;
/** English words bilat writes as headings and running heads. */
const ENGLISH = [
  'Talking points',
  'High-level contacts',
  'Trade',
  'Agreements',
  'Multilateral cooperation',
  'People',
  'Milestones and anniversaries',
  'Data-quality notes',
  'Sources',
  'Summary',
  'Latest contacts',
  'Next milestones',
  'Analyst brief',
  'Executive brief',
  'Internal',
  'As of',
  'as of',
];

describe.each(['ru', 'az'])('--locale %s', (lang) => {
  it('names the files with the language and leaves the English names alone', () => {
    for (const a of ['executive', 'analyst']) for (const ext of ['html', 'pdf']) expect(existsSync(file(a, lang, ext))).toBe(true);
    expect(existsSync(join(out, 'az-kg-analyst.pdf'))).toBe(false);
  });

  it('declares the language in HTML and in the PDF catalog (/Lang)', () => {
    expect(readFileSync(file('analyst', lang, 'html'), 'utf8')).toContain(`<html lang="${lang}">`);
    expect(readFileSync(file('analyst', lang, 'pdf')).toString('latin1')).toMatch(new RegExp(`/Lang \\(${lang}\\)`));
  });

  it('carries no English heading in the HTML', () => {
    const html = readFileSync(file('analyst', lang, 'html'), 'utf8');
    const headings = [...html.matchAll(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/g)].map((m) => htmlText(m[1]!));
    for (const h of headings) for (const w of ENGLISH) expect(h, h).not.toMatch(new RegExp(`^${w}\\b`));
    const text = htmlText(html);
    for (const w of ['Talking points', 'Multilateral cooperation', 'Data-quality notes', 'made with']) expect(text).not.toContain(w);
  });

  it('carries no English heading, running head or page number in the PDF text', () => {
    for (const a of ['executive', 'analyst']) {
      const text = pdfRawText(file(a, lang, 'pdf'));
      for (const w of ENGLISH) expect(text, `${a}: ${w}`).not.toMatch(new RegExp(`(^|\\n)${w}(\\n|$)`));
      expect(text).not.toMatch(/Page \d+ of \d+/);
      expect(text).not.toMatch(/ANALYST BRIEF|EXECUTIVE BRIEF|INTERNAL/);
      expect(text).not.toContain(String(en['running.as-of']).replace('{date}', '').trim());
    }
  });

  it('uses the data’s own translations of names and texts', () => {
    const text = htmlText(readFileSync(file('analyst', lang, 'html'), 'utf8'));
    expect(text).toContain(lang === 'ru' ? 'Джейхун Байрамов' : 'Ceyhun Bayramov');
    expect(text).toContain(lang === 'ru' ? 'Азербайджанская Республика' : 'Azərbaycan Respublikası');
    expect(text).toContain(lang === 'ru' ? 'Договор о дружбе и сотрудничестве' : 'Dostluq və Əməkdaşlıq haqqında Müqavilə');
    expect(text).not.toContain('Jeyhun Bayramov');
  });

  it('tags a text the data lacks in the language, never silently', () => {
    const html = readFileSync(file('analyst', lang, 'html'), 'utf8');
    // The data-quality notes have no translation: shown in English, in a span that says so.
    expect(html).toMatch(/<span lang="en">2108 lies in the future[^<]*<\/span><sup class="lang-tag" lang="en" title="[^"]+">en<\/sup>/);
    expect(html).toContain('.lang-tag {');
    expect(stderr).toMatch(new RegExp(`data/az-kg\\.yaml  warning  \\(file\\)  \\d+ texts have no "${lang}" version`));
  });
});

describe('dates and numbers follow the locale', () => {
  it('Russian: genitive months with "г.", decimal commas, scale words', () => {
    const pdf = pdfRawText(file('analyst', 'ru', 'pdf'));
    const html = htmlText(readFileSync(file('analyst', 'ru', 'html'), 'utf8'));
    for (const text of [pdf, html]) {
      expect(text).toContain('22 ноября 2026 г.');
      expect(text).toContain('21 декабря 2021 г.');
      expect(text).toContain('3,7');
      expect(text).toContain('млн USD');
      expect(text).not.toMatch(/3,7 million/);
    }
    expect(pdf).toMatch(/Стр\. 1 из \d/);
  });

  it('Azerbaijani: "21 dekabr 2021", "mln"', () => {
    const text = pdfRawText(file('analyst', 'az', 'pdf'));
    expect(text).toContain('21 dekabr 2021');
    expect(text).toContain('22 noyabr 2026');
    expect(text).toContain('mln USD');
    expect(text).toMatch(/Səhifə 1 \/ \d/);
  });
});

describe('bilat validate --locale', () => {
  it('warns, located, about each text without Russian', () => {
    const r = runCli(['validate', 'data/az-kg.yaml', '--as-of', AS_OF, '--locale', 'ru']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('no "ru" text'));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines).toContainEqual(
      expect.stringMatching(/^data\/az-kg\.yaml:\d+:\d+  warning  notes\[0\]\.problem  no "ru" text; the ru brief shows the "en" one/),
    );
    // Translated fields are not reported.
    expect(r.stdout).not.toMatch(/people\[\d\]\.name  no "ru"/);
  });

  it('an unknown locale is a usage error listing the available ones', () => {
    for (const args of [
      ['validate', DATA, '--locale', 'xx'],
      ['build', DATA, '--locale', 'fr', '--out', out],
    ]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown locale "(xx|fr)" \(available: en, az, ru/);
    }
  });
});

describe('a catalog of the ministry’s own', () => {
  let tpl = '';
  beforeAll(() => {
    tpl = tempDir('locale-tpl');
    mkdirSync(join(tpl, 'locales'));
    writeFileSync(
      join(tpl, 'locales', 'tr.yaml'),
      'language: tr\nintl: tr\nmessages:\n  heading.trade: Ticaret\n  heading.talking-points: Görüşme notları\n',
    );
  });
  afterAll(() => removeDir(tpl));

  it('bilat templates locales lists the shipped ones complete and the keys a new one lacks', () => {
    const r = runCli(['templates', 'locales', '--templates', tpl]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ru\s+ru\s+complete/m);
    expect(r.stdout).toMatch(/^tr\s+tr\s+\d+ missing \(English used\)/m);
    const one = runCli(['templates', 'locales', '--templates', tpl, '--locale', 'tr']);
    expect(one.stdout).toContain('       heading.sources');
    expect(one.stdout).not.toContain('       heading.trade\n');
  });

  it('builds with it, each missing key in English with a warning naming key and file', () => {
    const dir = join(tpl, 'out');
    const r = runCli(['build', DATA, '-a', 'analyst', '-f', 'html', '--as-of', AS_OF, '--out', dir, '--templates', tpl, '--locale', 'tr']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `${join(tpl, 'locales', 'tr.yaml')}  warning  messages.heading.sources  no "tr" text for "heading.sources"; the English text is used`,
    );
    const html = readFileSync(join(dir, 'az-kg-analyst.tr.html'), 'utf8');
    expect(html).toContain('<h2>Görüşme notları</h2>');
    expect(html).toContain('<h2>Sources</h2>');
    expect(html).toContain('<html lang="tr">');
  });
});

describe('--incremental with several languages', () => {
  it('records each language’s briefs apart, so a second build finds them all up to date', () => {
    const dir = tempDir('locale-inc');
    try {
      const args = [
        'build',
        DATA,
        '-a',
        'executive',
        '-f',
        'html',
        '--as-of',
        AS_OF,
        '--out',
        dir,
        '--locale',
        'en,ru',
        '--incremental',
        '--json',
      ];
      const first = JSON.parse(runCli(args).stdout) as { files: { written: unknown[] }[] };
      expect(first.files[0]!.written).toHaveLength(2);
      const second = runCli(args);
      expect(second.status, second.stderr).toBe(0);
      const r = JSON.parse(second.stdout) as { files: { written: unknown[]; outputs: string[] }[] };
      expect(r.files[0]!.written).toEqual([]);
      expect(r.files[0]!.outputs.map((o) => o.split('/').at(-1)).sort()).toEqual(['az-kg-executive.html', 'az-kg-executive.ru.html']);
    } finally {
      removeDir(dir);
    }
  });
});
