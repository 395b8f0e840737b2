/**
 * Timings for the PDF stage, for the "faster than Chromium's page.pdf" goal. Off by default
 * (timings on shared CI runners are noise): `BENCH=1 npx vitest run tests/render/pdf-bench.test.ts`.
 * Reports min and median wall time per call; the first render includes loading pdfmake.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { checkGlyphs, convertHtml, renderPdf } from '../../src/render/pdf/index.js';
import { meta } from './pdf-helpers.js';

const fixture = readFileSync(new URL('../fixtures/pdf/brief.html', import.meta.url), 'utf8');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function time(fn: () => unknown): Promise<{ min: number; median: number }> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { min: runs[0]!, median: runs[runs.length >> 1]! };
}

describe.skipIf(!process.env.BENCH)('PDF stage timings (fixture brief)', () => {
  it('reports where the time goes', async () => {
    const t = performance.now();
    const first = await renderPdf(fixture, meta);
    const cold = performance.now() - t;
    const rows = {
      'convert HTML': await time(() => convertHtml(fixture)),
      'glyph check': await time(() => checkGlyphs(convertHtml(fixture).texts)),
      'renderPdf (all)': await time(() => renderPdf(fixture, meta)),
    };
    console.log(`first renderPdf (loads pdfmake, parses fonts): ${cold.toFixed(0)} ms, ${first.length} bytes`);
    for (const [name, r] of Object.entries(rows)) console.log(`${name.padEnd(16)} min ${r.min.toFixed(1)} ms  median ${r.median.toFixed(1)} ms`);
    expect(first.length).toBeGreaterThan(0);
  });
});
