/**
 * A table that runs over several pages: pdfmake repeats its header row on each page; the
 * structure tree holds it once, and the repeats are artifacts (read once, not on every page).
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.js';
import { meta, writeTemp } from '../render/pdf-helpers.js';
import { checkPdf } from './check.js';

const rows = Array.from(
  { length: 120 },
  (_, i) => `<tr><td>Row ${i + 1}</td><td>${1990 + (i % 30)}</td><td>${(i * 3.7).toFixed(1)}</td></tr>`,
).join('');
const html = `<article><h1>Long table</h1><section id="t"><h2>Figures</h2><table class="data"><thead><tr><th scope="col">Name</th><th scope="col">Year</th><th scope="col">Value</th></tr></thead><tbody>${rows}</tbody></table></section></article>`;

describe('a table over several pages', () => {
  it('has its header cells once in the tree, the repeats as artifacts', async () => {
    const r = checkPdf(writeTemp(await renderPdf(html, meta)));
    expect(r.pages.length).toBeGreaterThanOrEqual(3);
    expect(r.struct.roles['TH']).toBe(3);
    expect(r.struct.roles['TD']).toBe(360);
    expect(r.struct.roles['TR']).toBe(121);
    // Later pages: the running head and foot as on page 1, and the three repeated header cells.
    const furniture = r.pages[0]!.pagination;
    expect(furniture).toBeGreaterThanOrEqual(4);
    for (const p of r.pages.slice(1)) expect(p.pagination).toBe(furniture + 3);
    expect(r.pages.every((p) => p.untagged === 0)).toBe(true);
    expect(r.text.ratio).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
