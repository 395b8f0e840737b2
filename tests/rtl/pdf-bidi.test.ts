/**
 * Right-to-left text in the PDF: shaped Arabic and Hebrew placed in visual order inside a
 * left-to-right brief, with a text layer that reads back in logical order. The synthetic
 * Jordan–Israel fixture is built to HTML by the real CLI; its article goes through the PDF
 * converter and pdfmake with Noto Sans Arabic and Hebrew registered (see helpers/rtl-fonts.ts),
 * then poppler reads the PDF back.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertHtml, docDefinitionFrom, renderDocDefinition } from '../../src/render/pdf/index.js';
import { AS_OF, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { assignRtlFonts, registerRtlFonts } from '../helpers/rtl-fonts.js';
import { meta, writeTemp } from '../render/pdf-helpers.js';

const FIXTURE = join(ROOT, 'tests/fixtures/rtl/jo-il-synthetic.yaml');
const run = (args: string[]): string => execFileSync('pdftotext', args, { encoding: 'utf8' });
/** poppler wraps right-to-left runs in embedding controls; they are not part of the text. */
const plain = (s: string): string => s.replace(/[\u202A-\u202E]/g, '');

interface Word {
  x: number;
  /** Vertical middle (fonts of different scripts have different heights on one line). */
  y: number;
  text: string;
}

let pdf = '';
let out = '';

beforeAll(async () => {
  out = tempDir('rtl-pdf');
  const r = runCli(['build', FIXTURE, '-a', 'analyst', '-f', 'html', '-o', out, '--as-of', AS_OF, '--quiet']);
  expect(r.status).toBe(0);
  const article = /<article[\s\S]*<\/article>/.exec(readFileSync(join(out, 'jo-il-analyst.html'), 'utf8'))![0];
  registerRtlFonts();
  const { content } = convertHtml(article);
  assignRtlFonts(content);
  pdf = writeTemp(await renderDocDefinition(docDefinitionFrom(content, meta)));
});
afterAll(() => removeDir(out));

/** Words as poppler finds them on a page, in drawing position (-bbox gives visual order). */
function words(page: number): Word[] {
  const xml = run(['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, x, y0, y1, t]) => ({
      x: Number(x),
      y: (Number(y0) + Number(y1)) / 2,
      text: t!,
    }),
  );
}

/** The words on the same line as the first (or last) word equal to `anchor`, left to right. */
function lineOf(page: number, anchor: string, last = false): Word[] {
  const all = words(page);
  const a = last ? all.findLast((w) => w.text === anchor) : all.find((w) => w.text === anchor);
  expect(a, `"${anchor}" on page ${page}`).toBeDefined();
  return all.filter((w) => Math.abs(w.y - a!.y) < 4).sort((p, q) => p.x - q.x);
}

const RTL = /[\u0590-\u08FF]/;
/** Right-to-left letters drawn left to right, read back right to left: the logical text, without spaces. */
const readRightToLeft = (ws: Word[]): string => [...ws.map((w) => w.text.replace(/[^\u0590-\u08FF]/g, '')).join('')].reverse().join('');

describe('right-to-left text in the PDF', () => {
  it('extracts every native name in logical order, with its own letters', () => {
    const text = plain(run([pdf, '-']));
    for (const name of [
      'أيمن الصفدي',
      'وزير الخارجية',
      'אלי כהן',
      'שר החוץ',
      'لقاء وزيري الخارجية',
      'זיארה עבודה לעמאן',
      'معاهدة السلام',
      'المملكة الأردنية الهاشمية',
      'מדינת ישראל',
    ]) {
      expect(text).toContain(name);
    }
    // Noto Sans Arabic draws ز with the glyph of ر (plus a dot): each must still read as itself.
    expect(text).toContain('زيارة عمل قصيرة تناولت التجارة والمياه في عام');
  });

  it('has no Arabic presentation forms in the text layer', () => {
    expect(run([pdf, '-'])).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
  });

  it('places an Arabic name inside an English sentence in visual order', () => {
    const line = lineOf(2, 'minister');
    const at = (t: string): number => line.findIndex((w) => w.text === t);
    const arabic = line.filter((w) => RTL.test(w.text));
    const first = line.indexOf(arabic[0]!);
    const last = line.indexOf(arabic.at(-1)!);
    // "… minister أيمن الصفدي met his counterpart in 2023 …": the name sits between its English neighbours…
    expect(at('minister')).toBe(first - 1);
    expect(at('met')).toBe(last + 1);
    expect(at('2023')).toBeGreaterThan(at('met'));
    // …and reads right to left: its first word (أيمن) is drawn to the right of its second.
    expect(readRightToLeft(arabic)).toBe('أيمنالصفدي');
  });

  it('keeps brackets and separators around isolated names and roles', () => {
    const line = lineOf(2, 'Participants:', true).filter((w) => w.text !== 'Participants:');
    // "Participants: אלי כהן (שר החוץ)": the name, then the role in brackets, to its right.
    const open = line.findIndex((w) => w.text.startsWith('('));
    const close = line.findIndex((w) => w.text.endsWith(')'));
    expect(open).toBeGreaterThan(0);
    expect(close).toBeGreaterThanOrEqual(open);
    expect(readRightToLeft(line.slice(0, open))).toBe('אליכהן');
    expect(readRightToLeft(line.slice(open, close + 1))).toBe('שרהחוץ');
  });
});
