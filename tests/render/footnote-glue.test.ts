/**
 * Footnote markers stay on the line of the word they follow: across paragraphs whose last
 * word lands at every point of the line end, no line of the real PDF starts with a marker.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.js';
import { meta, writeTemp } from './pdf-helpers.js';

describe('footnote markers in the PDF', () => {
  it('never wrap alone onto a new line', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, k) => {
      const filler = 'mm '.repeat(k + 20) + 'i'.repeat(k % 7);
      return `<p>${filler} realised.<sup class="fn">[<a href="#src-1">1</a>, <a href="#src-2">2</a>]</sup> Next<sup class="fn">[<a href="#src-2">2</a>]</sup></p>`;
    }).join('');
    const file = writeTemp(
      await renderPdf(
        `<article><h2>Glue</h2>${paragraphs}<ol class="sources"><li id="src-1">A</li><li id="src-2">B</li></ol></article>`,
        meta,
      ),
    );
    const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.replace(/\uFEFF/g, '').trim());
    expect(lines.filter((l) => l.includes('realised.')).length).toBe(60);
    expect(lines.filter((l) => /^\[/.test(l))).toEqual([]);
  });
});
