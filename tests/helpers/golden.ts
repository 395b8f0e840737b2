/**
 * Golden files: deterministic outputs checked in under tests/golden/ and compared byte for
 * byte. `npm run test:update-golden` (UPDATE_GOLDEN=1) rewrites them; review the diff like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url));

/** Missing or UPDATE_GOLDEN=1: write it and pass. Otherwise compare and fail with where and how to refresh. */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    // In CI a missing golden is a forgotten file, not a first run.
    if (!existsSync(file) && process.env.CI && process.env.UPDATE_GOLDEN !== '1')
      throw new Error(`golden file tests/golden/${name} is missing: run "npm run test:update-golden" and commit it`);
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) return;
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const outDir = join(tmpdir(), 'bilat-golden-actual');
  mkdirSync(outDir, { recursive: true });
  const actualFile = join(outDir, name);
  writeFileSync(actualFile, actual);
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);
  throw new Error(
    [
      `tests/golden/${name} differs from the output, first at line ${i + 1}:`,
      ...a.slice(i, i + 4).map((l) => `  golden: ${clip(l)}`),
      ...b.slice(i, i + 4).map((l) => `  actual: ${clip(l)}`),
      `Whole output: ${actualFile} (diff -u tests/golden/${name} ${actualFile}).`,
      'If the change is intended, run "npm run test:update-golden" and review the diff like code.',
    ].join('\n'),
  );
}

const decodeTitle = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * An HTML brief for a golden file: each inline SVG chart becomes a placeholder that keeps the
 * <svg> start tag and the chart's <title> (its text alternative), so redrawn pixels don't churn
 * the golden but a changed description or size does; embedded image data likewise (the <img>
 * tag and its alt stay). The inline stylesheet is templates/shared/brief.css plus theme tokens:
 * reviewed as that file, so the golden keeps only its length (the CSP hash still pins it).
 * Everything else stays as rendered.
 */
export function normalizeHtml(html: string): string {
  return html
    .replace(/<style>([\s\S]*?)<\/style>/i, (_m, css: string) => `<style>/* stylesheet omitted: ${css.length} characters */</style>`)
    .replace(/(<img\b[^>]*\ssrc=")data:([^;,"]+)[^"]*"/gi, '$1data:$2,[image data omitted]"')
    .replace(/(<svg\b[^>]*>)([\s\S]*?)<\/svg>/gi, (_m, open: string, body: string) => {
      const title = /<title>([\s\S]*?)<\/title>/i.exec(body)?.[1];
      return `${open}<!-- chart drawing omitted -->${title === undefined ? '' : `<title>${decodeTitle(title)}</title>`}</svg>`;
    });
}

/**
 * A pdfmake document definition as stable JSON: SVG strings become a placeholder with the
 * chart's title, embedded images a placeholder with their type, functions "[function]".
 */
export function definitionJson(doc: unknown): string {
  return `${JSON.stringify(
    doc,
    function (this: unknown, key, value: unknown) {
      if (typeof value === 'function') return '[function]';
      if (key === 'image' && typeof value === 'string' && value.startsWith('data:'))
        return `[image ${value.slice(5, value.search(/[;,]/))}]`;
      if (key === 'svg' && typeof value === 'string') {
        const title = /<title>([\s\S]*?)<\/title>/i.exec(value)?.[1];
        return `[svg${title === undefined ? '' : `: ${decodeTitle(title)}`}]`;
      }
      return value;
    },
    2,
  )}\n`;
}
