/**
 * Briefs for pairs written in other scripts (synthetic fixtures in tests/fixtures/scripts),
 * built by the real CLI and read back with poppler: every brief is written, the fallback fonts
 * are embedded as subsets, and the names come out of the text layer as written.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

const fixture = (id: string) => join(ROOT, 'tests/fixtures/scripts', `${id}-synthetic.yaml`);
const IDS = ['ge-am', 'sa-cn', 'jp-kr', 'in-th'] as const;
const AUDIENCES = ['executive', 'analyst', 'public'];

/** The fonts each pair's analyst brief must embed, and names its text layer must hold exactly. */
const expected: Record<(typeof IDS)[number], { fonts: string[]; exact: string[]; letters?: string[] }> = {
  'ge-am': {
    fonts: ['Roboto-Regular', 'Roboto-Medium', 'NotoSansGeorgian-Regular', 'NotoSansGeorgian-Medium', 'NotoSansArmenian-Regular'],
    exact: [
      'საქართველო — Հայաստան (synthetic)',
      'საქართველოს რესპუბლიკა',
      'Հայաստանի Հանրապետություն',
      'ნინო ბერიძე',
      'Արամ Պետրոսյան',
      'თბილისი · Երևան',
      '«საგარეო საქმეთა სამინისტრო» — 2024',
      'Exports to Հայաստան',
    ],
  },
  'sa-cn': {
    fonts: ['NotoSansArabic-Regular', 'NotoSansSC-Regular', 'NotoSansSC-Medium'],
    exact: ['中华人民共和国', '王小明', '正式访问北京', '中華民國 traditional 臺灣'],
    // Right-to-left order in the text layer is another piece of work; here: the letters are there.
    // (Letters drawn from one dotless skeleton plus marks, ژ/ر or پ/ب, share a glyph and so a
    // text-layer mapping: those need ActualText, and are checked by eye, not here.)
    letters: ['المملكة العربية السعودية', 'الرياض'],
  },
  'jp-kr': {
    fonts: ['NotoSansSC-Regular', 'NotoSansKR-Regular', 'NotoSansKR-Medium'],
    exact: [
      '日本国 (JPN) and 대한민국 (KOR)',
      '山田 花子',
      '김민준',
      '東京での会談 — サミット',
      '서울 공식 방문',
      'Υπουργείο Εξωτερικών (Ελλάδα)',
      'Bộ Ngoại giao Việt Nam, Łódź, Přehled',
    ],
  },
  'in-th': {
    fonts: [
      'NotoSansDevanagari-Regular',
      'NotoSansThaiLooped-Regular',
      'NotoSansThaiLooped-Medium',
      'NotoSansBengali-Regular',
      'NotoSansHebrew-Regular',
    ],
    // Devanagari and Bengali clusters read back in logical order (see tests/rtl/indic-extract.test.ts).
    exact: [
      'भारत गणराज्य',
      'प्रिया क्षत्रिय',
      'नई दिल्ली',
      'পররাষ্ট্র মন্ত্রণালয়',
      'ราชอาณาจักรไทย',
      'สมชาย ใจดี',
      'การเยือนกรุงเทพมหานครอย่างเป็นทางการ',
      'Exports to ประเทศไทย',
    ],
    letters: ['משרד החוץ'],
  },
};

let out: string;
let build: ReturnType<typeof runCli>;
const pdftotext = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const pdffonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

beforeAll(() => {
  out = tempDir('scripts');
  build = runCli(['build', ...IDS.map(fixture), '--out', out, '--as-of', AS_OF, '--quiet']);
}, 240_000);
afterAll(() => removeDir(out));

describe('pairs written natively in other scripts', () => {
  it('build exits 0 and writes all six briefs of each pair', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const want = IDS.flatMap((id) => AUDIENCES.flatMap((a) => [`${id}-${a}.html`, `${id}-${a}.pdf`]));
    expect(readdirSync(out).sort()).toEqual(want.sort());
  });

  for (const id of IDS) {
    it(`${id}: fallback fonts embedded as subsets, names in the text layer`, () => {
      const file = join(out, `${id}-analyst.pdf`);
      const fonts = pdffonts(file).split('\n').slice(2).filter(Boolean);
      for (const name of expected[id].fonts) {
        const row = fonts.find((r) => new RegExp(`^[A-Z]{6}\\+${name}\\s`).test(r));
        expect(row, `${name} in\n${fonts.join('\n')}`).toBeDefined();
        // emb yes, sub yes (subset), uni yes (text can be extracted)
        expect(row!.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
      }
      const text = pdftotext(file);
      const flat = text.replace(/\s+/g, ' ');
      for (const name of expected[id].exact) expect(flat).toContain(name);
      const have = new Set(text.normalize('NFKC'));
      for (const name of expected[id].letters ?? []) {
        const lacking = [...new Set(name.replace(/\s/g, ''))].filter((c) => !have.has(c));
        expect(lacking, `letters of ${name}`).toEqual([]);
      }
    });
  }

  it('a Latin-only brief embeds Roboto alone', () => {
    const file = join(out, 'ge-am-executive.pdf');
    expect(pdffonts(file)).not.toMatch(/NotoSansSC|NotoSansKR|NotoSansArabic/);
  });
});

describe('characters no font has', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('glyphs');
  });
  afterAll(() => removeDir(dir));

  const variant = (name: string, from: string, to: string): string => {
    const src = readFileSync(fixture('ge-am'), 'utf8');
    expect(src).toContain(from);
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, src.replace(from, to));
    return file;
  };

  it('in a field no template prints (tags) never block the build', () => {
    const file = variant('tags', 'topics: [trade-economy],', 'topics: [trade-economy], tags: ["\uE000 private", "🇬🇪 flag"],');
    const r = runCli(['build', file, '--out', join(dir, 'tags'), '--as-of', AS_OF, '-a', 'analyst', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'tags')).sort()).toEqual(['ge-am-analyst.html', 'ge-am-analyst.pdf']);
  });

  it('in printed fields: one line per character with its data places, the HTML written, exit 3', () => {
    const file = variant('printed', 'title: Պաշտոնական այց Երևան,', 'title: "Visit \uE000 \uE000 Երևան \uE001", summary: "Again \uE000",');
    const r = runCli(['build', file, '--out', join(dir, 'printed'), '--as-of', AS_OF, '-a', 'analyst']);
    expect(r.status).toBe(3);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.includes('U+E000'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('U+E001'))).toHaveLength(1);
    expect(r.stderr).toContain('no PDF font can draw 2 characters (not written: ge-am-analyst.pdf; the other briefs were)');
    expect(r.stderr).toMatch(
      /"\uE000" U\+E000 at .*printed\.yaml:\d+:\d+ engagements\[1\]\.title "Visit \uE000 \uE000 Երևան \uE001"; .*printed\.yaml:\d+:\d+ engagements\[1\]\.summary "Again \uE000"/,
    );
    expect(r.stderr).not.toMatch(/translit/i);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(readdirSync(join(dir, 'printed'))).toEqual(['ge-am-analyst.html']);
    expect(r.stdout + r.stderr).toContain('1 brief written'); // the HTML is counted, not lost
  });

  it('--format html needs no PDF font at all', () => {
    const file = join(dir, 'printed.yaml');
    const r = runCli(['build', file, '--out', join(dir, 'html'), '--as-of', AS_OF, '-a', 'analyst', '-f', 'html']);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'html'))).toEqual(['ge-am-analyst.html']);
  });
});

describe('a template folder names its own font stack', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('house');
    mkdirSync(join(dir, 'tpl/analyst/fonts'), { recursive: true });
    // Any TTF serves as the "house font"; Noto Sans stands in for a ministry's own.
    copyFileSync(
      join(ROOT, 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
      join(dir, 'tpl/analyst/fonts/House-Regular.ttf'),
    );
  });
  afterAll(() => removeDir(dir));

  const audience = (font: string) =>
    writeFileSync(
      join(dir, 'tpl/analyst/audience.yaml'),
      `label: Analyst brief\nclassification: Internal\ninternal: true\nfonts:\n  - name: Ministry Sans\n    regular: ${font}\n`,
    );

  it('audience.yaml `fonts:` sets the house font first, the chain behind it', () => {
    audience('fonts/House-Regular.ttf');
    const r = runCli([
      'build',
      fixture('ge-am'),
      '--templates',
      join(dir, 'tpl'),
      '-a',
      'analyst',
      '-f',
      'pdf',
      '--out',
      join(dir, 'out'),
      '--as-of',
      AS_OF,
      '-q',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const fonts = pdffonts(join(dir, 'out/ge-am-analyst.pdf'));
    expect(fonts).toMatch(/\+NotoSans-Regular\s/); // the house font, for the Latin text (and, having no bold, for bold)
    expect(fonts).toMatch(/\+NotoSansGeorgian-Regular\s/); // what it lacks, from the chain
    expect(pdftotext(join(dir, 'out/ge-am-analyst.pdf')).replace(/\s+/g, ' ')).toContain(
      'საქართველოს რესპუბლიკა (GEO) and Հայաստանի Հանրապետություն (ARM)',
    );
  });

  it('a font file that is not there is named, exit 3', () => {
    audience('fonts/Missing.ttf');
    const r = runCli([
      'build',
      fixture('ge-am'),
      '--templates',
      join(dir, 'tpl'),
      '-a',
      'analyst',
      '-f',
      'pdf',
      '--out',
      join(dir, 'out2'),
      '--as-of',
      AS_OF,
      '-q',
    ]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('fonts[0].regular: no file "fonts/Missing.ttf" next to the audience file');
  });
});
