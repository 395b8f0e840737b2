import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGrammar, milestoneEvent, sourceCredit } from '../../src/model/grammar/index.js';
import { englishCatalog } from '../../src/locales/english.js';
const en = englishCatalog();

const g = createGrammar('en-GB');

describe('dates in running text', () => {
  it('takes the preposition its precision needs', () => {
    expect(g.on('1980-06-20')).toBe('on 20 June 1980');
    expect(g.on('1980-06')).toBe('in June 1980');
    expect(g.on('1980')).toBe('in 1980');
    expect(g.on(1980)).toBe('in 1980');
  });
  it('spans two dates, collapsing equal ones', () => {
    expect(g.span('2026-03-03', '2026-03-03')).toBe('on 3 March 2026');
    expect(g.span('2020-04', '2020-04')).toBe('in April 2020');
    expect(g.span('2016', '2021-12-22')).toBe('from 2016 to 22 December 2021');
  });
});

describe('ranges and period labels', () => {
  it('writes what two dates share once, closed up when each end is one word', () => {
    expect(g.range('2026-03-03', '2026-03-05')).toBe('3–5 March 2026');
    expect(g.range('2026-03', '2026-04')).toBe('March–April 2026');
    expect(g.range('2019', '2021')).toBe('2019–2021');
    expect(g.range('2026-03-03', '2026-04-05')).toBe('3 March – 5 April 2026');
    expect(g.range('2025-11', '2026-02')).toBe('November 2025 – February 2026');
  });
  it('collapses equal ends to one date', () => {
    expect(g.range('2026-03-03', '2026-03-03')).toBe('3 March 2026');
    expect(g.range('2025', '2025')).toBe('2025');
  });
  it('derives a period label: a whole year reads as the year', () => {
    expect(g.period('2025-01', '2025-06')).toBe('January–June 2025');
    expect(g.period('2025', '2025')).toBe('2025');
    expect(g.period('2025-01', '2025-12')).toBe('2025');
    expect(g.period('2025-01-01', '2025-12-31')).toBe('2025');
    expect(g.period('2019-01', '2021-12')).toBe('2019–2021');
    expect(g.period('2024-07', '2025-06')).toBe('July 2024 – June 2025');
    expect(g.period('2025-03-01', '2025-03-31')).toBe('1–31 March 2025');
  });
  it('compares ends of different precision at the coarser one', () => {
    expect(g.period('2025', '2025-06')).toBe('2025');
    expect(g.range('2025-01', '2025-06-30')).toBe('January–June 2025');
  });
  it('puts a period in running text with its preposition', () => {
    expect(g.during('2025-01', '2025-06')).toBe('in January–June 2025');
    expect(g.during('2025', '2025')).toBe('in 2025');
    expect(g.during('2025-03-03', '2025-03-03')).toBe('on 3 March 2025');
    expect(g.during('2025-03-03', '2025-03-05')).toBe('from 3 March 2025 to 5 March 2025');
    expect(g.during('2025-03', '2025-03')).toBe('in March 2025');
  });
  it('writes tenures with open ends', () => {
    expect(g.tenure('2020-06', undefined)).toBe('June 2020 – present');
    expect(g.tenure(undefined, '2019')).toBe('until 2019');
    expect(g.tenure('2012', '2020')).toBe('2012–2020');
    expect(g.tenure('2012', '2012')).toBe('2012');
    expect(g.tenure(undefined, undefined)).toBeUndefined();
  });
});

describe('plurals through Intl.PluralRules', () => {
  it.each([
    [0, '0 high-level contacts'],
    [1, '1 high-level contact'],
    [2, '2 high-level contacts'],
    [5, '5 high-level contacts'],
    [21, '21 high-level contacts'],
  ])('%i contacts', (n, text) => {
    expect(g.t('overview.contacts', { n, span: 'x', title: 'T', date: 'D' }).split(' on record')[0]).toBe(text);
  });
  it('agrees words with counts, years away and ordinals', () => {
    expect([0, 1, 2, 5, 21].map((n) => g.plural(n, 'year', 'years'))).toEqual(['years', 'year', 'years', 'years', 'years']);
    expect([0, 1, 2, 5, 21].map((n) => g.inYears(n))).toEqual(['this year', 'in 1 year', 'in 2 years', 'in 5 years', 'in 21 years']);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 25, 30, 101, 111].map((n) => g.ordinal(n))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '25th',
      '30th',
      '101st',
      '111th',
    ]);
    expect(g.t('figure.years-relations', { n: 1, date: '2025' })).toBe('year of diplomatic relations (since 2025)');
    expect(g.t('figure.years-relations', { n: 33, date: '1993' })).toBe('years of diplomatic relations (since 1993)');
    expect(g.t('chart.contacts-left-out', { n: 1 })).toBe(
      'Leaves out 1 contact that is planned or whose date is questionable (flagged in the timeline).',
    );
    expect(g.t('chart.contacts-left-out', { n: 3 })).toBe(
      'Leaves out 3 contacts that are planned or whose dates are questionable (flagged in the timeline).',
    );
  });
});

describe('milestones and credits from structured fields', () => {
  it('words a milestone by its kind, not by its title', () => {
    expect(milestoneEvent(g, { kind: 'diplomatic-relations', title: 'Relations opened (Ankara protocol)' })).toBe(
      'the establishment of diplomatic relations',
    );
    expect(milestoneEvent(g, { kind: 'treaty-signing', title: 'Signing ceremony', treaty: 'Treaty on Strategic Partnership' })).toBe(
      'the signing of the Treaty on Strategic Partnership',
    );
    // Without a treaty reference the title is used as written, not parsed.
    expect(milestoneEvent(g, { kind: 'treaty-signing', title: 'Treaty X signed' })).toBe('Treaty X signed');
    expect(milestoneEvent(g, { kind: 'other', title: 'Year of Culture' })).toBe('Year of Culture');
  });
  it('credits the publisher, via the relaying outlet', () => {
    expect(sourceCredit(g, { publisher: 'State Statistical Committee' })).toBe('State Statistical Committee');
    expect(sourceCredit(g, { publisher: 'State Statistical Committee', via: 'Trend' })).toBe('State Statistical Committee via Trend');
    expect(sourceCredit(g, { publisher: 'Unnamed news outlet', relays: ['Azertag'] })).toBe('Azertag via Unnamed news outlet');
  });
  it('takes its frames from a catalog', () => {
    const de = createGrammar('de-DE', { ...en, 'date.on.day': 'am {date}', 'date.on.year': '{date}' });
    expect(de.on('1980-06-20')).toBe('am 20. Juni 1980');
    expect(de.on('1980')).toBe('1980');
    expect(
      createGrammar('ru', {
        ...en,
        'when.in-years': { one: 'через {n} год', few: 'через {n} года', many: 'через {n} лет', other: 'через {n} года' },
      }).inYears(5),
    ).toBe('через 5 лет');
  });
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const partialDate = fc.oneof(
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const ordered = fc.tuple(partialDate, partialDate).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

describe('properties over generated dates, periods and counts', () => {
  it('never writes "1 <plural>", "in <day> <month>", "X to X" or "YYYY – YYYY" with equal years', () => {
    fc.assert(
      fc.property(ordered, fc.nat({ max: 500 }), ([a, b], n) => {
        const texts = [
          g.on(a),
          g.on(b),
          g.span(a, b),
          g.range(a, b),
          g.period(a, b),
          g.tenure(a, b)!,
          g.t('overview.contacts', { n, span: g.span(a, b), title: 'Meeting', date: g.date(b) }),
          g.t('figure.contacts', { n }),
          g.t('figure.years-relations', { n, date: g.date(a) }),
          g.inYears(n),
          g.t('chart.contacts-left-out', { n }),
        ];
        for (const t of texts) {
          expect(t).not.toMatch(/(^|\D)1 (high-level )?(contacts|years|agreements)\b/);
          expect(t).not.toMatch(new RegExp(`\\bin \\d{1,2} (${MONTHS.join('|')})`));
          expect(t).not.toMatch(/\b(\d{4}) [–-] \1\b/);
          const fromTo = /from (.+) to (.+?)(;|$)/.exec(t);
          if (fromTo) expect(fromTo[1]).not.toBe(fromTo[2]);
          const dash = /^(.+?)\s*–\s*(.+)$/.exec(t);
          if (dash && t === g.range(a, b)) expect(dash[1]).not.toBe(dash[2]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
