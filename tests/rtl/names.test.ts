/** Words bilat writes around names: no English grammar glued to a name in another script. */
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/model/format.js';
import { isLatinName, isolate, possessive, sentenceStart, withArticle } from '../../src/model/names.js';
import { createGrammar } from '../../src/model/grammar/index.js';
import { keyFigures, overview } from '../../src/model/summary.js';
import type { BriefView } from '../../src/model/view-types.js';

describe('names in sentence frames', () => {
  it('uses the possessive only for names in Latin letters', () => {
    expect(possessive('Azerbaijan', 'exports / imports')).toBe("Azerbaijan's exports / imports");
    expect(possessive('Türkiye', 'exports')).toBe("Türkiye's exports");
    expect(possessive('Հայաստան', 'exports / imports')).toBe('exports / imports of Հայաստան');
    expect(possessive('საქართველო', 'exports')).toBe('exports of საქართველო');
    expect(possessive('中国', 'exports')).toBe('exports of 中国');
    // A right-to-left name is isolated, so what follows it keeps its side.
    expect(possessive('الأردن', 'exports')).toBe('exports of \u2068الأردن\u2069');
  });

  it('puts "the" only before Latin titles that lack it', () => {
    expect(withArticle('Treaty of Friendship')).toBe('the Treaty of Friendship');
    expect(withArticle('The Hague Convention')).toBe('The Hague Convention');
    expect(withArticle('Договор о дружбе')).toBe('Договор о дружбе');
    expect(withArticle('معاهدة السلام')).toBe('\u2068معاهدة السلام\u2069');
    expect(sentenceStart(withArticle('Treaty of Friendship'))).toBe('The Treaty of Friendship');
  });

  it('knows a Latin name from others, and isolates only right-to-left ones', () => {
    expect(isLatinName('Kyrgyz Republic')).toBe(true);
    expect(isLatinName('Кыргызстан')).toBe(false);
    expect(isLatinName('2023')).toBe(false);
    expect(isolate('Kyrgyzstan')).toBe('Kyrgyzstan');
    expect(isolate('ישראל')).toBe('\u2068ישראל\u2069');
  });

  it('builds key figures and the overview without glued grammar', () => {
    const fmt = createFormatter('en-GB');
    const g = createGrammar('en-GB');
    const view = {
      meta: { asOf: '2026-11-22' },
      trade: {
        latest: {
          label: '2023',
          unitLabel: 'million USD',
          currency: 'USD',
          unit: 'million',
          exports: 1,
          imports: 2,
          turnover: 3,
          balance: -1,
          reporterName: 'Հայաստան',
          refs: [],
        },
        reporters: [],
      },
      agreements: { counts: [], treaties: [], lead: { title: 'Treaty of Friendship', signed: '1997', signedDate: '1997', refs: [] } },
      milestones: { past: [], planned: [] },
      engagements: [],
    } as unknown as BriefView;
    const labels = keyFigures(view, fmt, g).map((k) => k.label);
    expect(labels).toContain('exports / imports of Հայաստան');
    expect(labels.join(' ')).not.toMatch(/'s/);
    const texts = overview(view, fmt, g).map((o) => o.text);
    expect(texts).toContain('The Treaty of Friendship was signed in 1997.');
    const native = {
      ...view,
      agreements: { counts: [], treaties: [], lead: { title: 'Договор о дружбе', signed: '1997', signedDate: '1997', refs: [] } },
    } as unknown as BriefView;
    expect(overview(native, fmt, g).map((o) => o.text)).toContain('Договор о дружбе was signed in 1997.');
  });
});
