/**
 * Key figures are headlines: amounts of a thousand or more in their unit are shown in a larger
 * scale ("654 million EUR" for 654,337.1 thousand EUR), converted exactly and rounded to three
 * significant digits; the figure as reported stays in the HTML tooltip and in the tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaleAmounts } from '../../src/model/scaled.js';
import { ROOT, removeDir, runCli, tempDir } from '../helpers/cli.js';

const en = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(n);
const scale = (figures: number[], unit: string) => scaleAmounts(figures, unit, 'en-GB', en);

describe('scaleAmounts', () => {
  it('scales a figure of a thousand or more to the largest word that keeps it at 1 or more', () => {
    expect(scale([654337.1], 'thousand')).toEqual({ values: ['654'], unit: 'million', scaled: true });
    expect(scale([1101087.4], 'thousand')).toEqual({ values: ['1.1'], unit: 'billion', scaled: true });
    expect(scale([1272807.7], 'thousand')).toEqual({ values: ['1.27'], unit: 'billion', scaled: true });
    expect(scale([231455], 'one')).toEqual({ values: ['231'], unit: 'thousand', scaled: true });
    expect(scale([2208.6], 'thousand')).toEqual({ values: ['2.21'], unit: 'million', scaled: true });
    expect(scale([4.2e6], 'billion')).toEqual({ values: ['4,200'], unit: 'trillion', scaled: true });
  });

  it('leaves figures below a thousand in their unit exactly as reported', () => {
    expect(scale([3.7], 'million')).toEqual({ values: ['3.7'], unit: 'million', scaled: false });
    expect(scale([998.4, 0.5], 'thousand')).toEqual({ values: ['998.4', '0.5'], unit: 'thousand', scaled: false });
    expect(scale([0], 'thousand')).toEqual({ values: ['0'], unit: 'thousand', scaled: false });
    expect(scale([5000], 'lakh')).toEqual({ values: ['5,000'], unit: 'lakh', scaled: false });
  });

  it('puts figures shown together under one word, chosen by the smallest, so none reads as 0.0x', () => {
    expect(scale([301456.2, 352880.9], 'thousand')).toEqual({ values: ['301', '353'], unit: 'million', scaled: true });
    expect(scale([1273000, 50123], 'thousand')).toEqual({ values: ['1,273', '50.1'], unit: 'million', scaled: true });
    expect(scale([-46210.4, 1500000], 'thousand')).toEqual({ values: ['-46.2', '1,500'], unit: 'million', scaled: true });
    // The smallest is below a thousand in the reported unit: no larger word fits both.
    expect(scale([1500000, 500], 'thousand')).toEqual({ values: ['1,500,000', '500'], unit: 'thousand', scaled: false });
    expect(scale([1500000, 0], 'thousand')).toEqual({ values: ['1.5', '0'], unit: 'billion', scaled: true });
  });

  it('never changes the magnitude: the scaled figure times its scale is the reported one within rounding', () => {
    const factor: Record<string, number> = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
    for (const [n, unit] of [
      [654337.1, 'thousand'],
      [987654321, 'one'],
      [12345.678, 'million'],
      [1000, 'thousand'],
      [999999, 'thousand'],
    ] as const) {
      const s = scale([n], unit);
      const shown = Number(s.values[0]!.replace(/,/g, '')) * factor[s.unit]!;
      const reported = n * factor[unit]!;
      expect(Math.abs(shown - reported) / reported).toBeLessThan(0.005);
    }
  });
});

describe('key figures of the synthetic pt-vn brief (trade in thousand EUR worth billions)', () => {
  let out = '';
  beforeAll(() => {
    out = tempDir('bilat-scaled-');
    const r = runCli([
      'build',
      join(ROOT, 'tests/fixtures/relationships/pt-vn-synthetic.yaml'),
      '--out',
      out,
      '--as-of',
      '2026-06-01',
      '-f',
      'html',
    ]);
    expect(r.status, r.stderr).toBe(0);
    return () => removeDir(out);
  }, 120_000);

  it('shows turnover and exports/imports in millions, with the reported figure as the tooltip', () => {
    const html = readFileSync(join(out, 'pt-vn-executive.html'), 'utf8');
    expect(html).toContain(
      '<span class="value" title="654,337.1 thousand EUR as reported">654</span><span class="unit">million EUR</span>',
    );
    expect(html).toContain(
      '<span class="value" title="301,456.2 / 352,880.9 thousand EUR as reported">301 / 353</span><span class="unit">million EUR</span>',
    );
    expect(html).not.toMatch(/class="value"[^>]*>[\d,.]*\d{3},\d{3}/);
  });

  it('keeps the analyst trade table as reported', () => {
    const html = readFileSync(join(out, 'pt-vn-analyst.html'), 'utf8');
    expect(html).toContain('654,337.1');
    expect(html).toContain('thousand EUR');
  });
});
