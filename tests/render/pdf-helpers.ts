/** Reading PDFs back with poppler and qpdf, for the PDF renderer tests. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content, PdfMeta } from '../../src/render/pdf/index.js';
import { pageMargins } from '../../src/render/pdf/styles.js';

export const meta: PdfMeta = {
  title: 'Azerbaijan – Kyrgyzstan: analyst brief',
  subject: 'Bilateral relations between Azerbaijan and Kyrgyzstan',
  author: 'Ministry of Foreign Affairs, Department of Asia',
  keywords: ['Azerbaijan', 'Kyrgyzstan', 'bilateral relations'],
  lang: 'en-GB',
  asOf: new Date('2026-11-22T00:00:00Z'),
  headerLeft: 'Azerbaijan – Kyrgyzstan',
  headerRight: 'ANALYST BRIEF · INTERNAL',
  footerNote: 'As of 22 November 2026',
  pageSize: 'A4',
};

const dir = mkdtempSync(join(tmpdir(), 'bilat-pdf-'));
let n = 0;
export function writeTemp(bytes: Uint8Array): string {
  const file = join(dir, `t${++n}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

export const pageText = (file: string, page: number): string =>
  run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);

export interface PdfLine {
  yMin: number;
  yMax: number;
  text: string;
}
export interface PdfPage {
  height: number;
  lines: PdfLine[];
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Text lines with their vertical position, per page (pdftotext -bbox-layout). */
export function pdfPages(file: string): PdfPage[] {
  const xml = run('pdftotext', ['-bbox-layout', file, '-']);
  return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, height, body]) => ({
    height: Number(height),
    lines: [...body!.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map(
      ([, yMin, yMax, words]) => ({
        yMin: Number(yMin),
        yMax: Number(yMax),
        text: [...words!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!)).join(' '),
      }),
    ),
  }));
}

/** Lines between the running header and footer, top to bottom. */
export function bodyLines(page: PdfPage): PdfLine[] {
  const [, top, , bottom] = pageMargins;
  return page.lines.filter((l) => l.yMin >= top - 1 && l.yMax <= page.height - bottom + 1).sort((a, b) => a.yMax - b.yMax);
}

export interface OutlineEntry {
  title: string;
  page: number;
  kids: OutlineEntry[];
}
export function pdfOutline(file: string): OutlineEntry[] {
  type Raw = { title: string; destpageposfrom1: number; kids: Raw[] };
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: Raw[] };
  const map = (items: Raw[]): OutlineEntry[] => items.map((o) => ({ title: o.title, page: o.destpageposfrom1, kids: map(o.kids) }));
  return map(json.outlines);
}

/** Plain text of every node with a headline level (headings and table captions). */
export function headingTexts(content: Content): string[] {
  const out: string[] = [];
  const walk = (c: Content): void => {
    if (typeof c === 'string') return;
    if (Array.isArray(c)) return c.forEach(walk);
    if (c.headlineLevel !== undefined && c.text !== undefined) {
      out.push(typeof c.text === 'string' ? c.text : c.text.map((r) => r.text).join(''));
    }
    for (const child of [c.stack, c.columns, c.ul, c.ol, c.table?.body]) if (child) walk(child as Content[]);
  };
  walk(content);
  return out;
}

/** The brief's last body line on each page that is the whole (or the end of a) heading. */
export function strandedHeadings(pages: PdfPage[], headings: string[]): string[] {
  const stranded: string[] = [];
  pages.forEach((page, i) => {
    const last = bodyLines(page).at(-1)?.text.trim();
    if (last !== undefined && headings.some((h) => h === last || (last.length > 8 && h.endsWith(last))))
      stranded.push(`page ${i + 1}: ${last}`);
  });
  return stranded;
}
