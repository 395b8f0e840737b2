/** Runs check_pdf.py (pikepdf + poppler) on a PDF and returns its report. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pageMargins } from '../../src/render/pdf/styles.js';
import { ROOT } from '../helpers/cli.js';

export interface Report {
  version: string;
  marked: boolean;
  lang: string;
  displayDocTitle: boolean;
  encrypted: boolean;
  outputIntent: { subtype: string; hasProfile: boolean; condition: string } | null;
  xmp: { pdfuaPart: string | null; pdfaPart: string | null; pdfaConformance: string | null; title: string | null };
  infoTitle: string;
  annotsWithoutStructParent: number;
  linksWithoutContents: number;
  tabsOrder: string[];
  struct: {
    roles: Record<string, number>;
    figuresWithoutAlt: number;
    figuresWithoutBBox: number;
    tables: number;
    tablesWithoutTH: number;
    thWithoutScope: number;
  };
  pages: { tagged: number; artifact: number; pagination: number; untagged: number }[];
  text: { bodyChars: number; coveredChars: number; ratio: number };
  fonts: { name: string; embedded: boolean; toUnicode: boolean }[];
}

const A4_HEIGHT = 841.89;
const [, top, , bottom] = pageMargins;

export function checkPdf(file: string): Report {
  const out = execFileSync(
    '/usr/bin/python3',
    [join(ROOT, 'tests/pdf-standard/check_pdf.py'), file, String(top), String(A4_HEIGHT - bottom)],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  return JSON.parse(out) as Report;
}
