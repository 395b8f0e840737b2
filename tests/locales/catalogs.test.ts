/**
 * Message catalogs: every shipped language has every key, plural and case forms come out as
 * the language writes them, and dates follow the locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog, missingKeys } from '../../src/templates/catalogs.js';
import { resolveLocale } from '../../src/templates/resolve-locale.js';
import { createGrammar } from '../../src/model/grammar/index.js';
import { MESSAGE_KEYS } from '../../src/model/grammar/keys.js';
import { ROOT } from '../helpers/cli.js';

const LOCALES = join(ROOT, 'templates', 'locales');
const shipped = readdirSync(LOCALES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5));
const grammar = (lang: string) => {
  const l = resolveLocale(lang);
  return createGrammar(l.intl, l.catalog);
};

describe('catalogs', () => {
  it('ships English, Azerbaijani and Russian', () => {
    expect(shipped.sort()).toEqual(['az', 'en', 'ru']);
  });

  it('English holds exactly the typed key list', () => {
    const en = parse(readFileSync(join(LOCALES, 'en.yaml'), 'utf8')) as { messages: Record<string, unknown> };
    expect(Object.keys(en.messages).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it.each(shipped)('%s has every key, and no key bilat does not know', (lang) => {
    expect(missingKeys(lang)).toEqual([]);
    expect(loadCatalog(lang).warnings).toEqual([]);
  });

  it.each(['az', 'ru'])('%s gives every plural frame the forms its language uses', (lang) => {
    const { catalog, intl } = loadCatalog(lang);
    const categories = new Intl.PluralRules(intl).resolvedOptions().pluralCategories;
    for (const [key, frame] of Object.entries(catalog)) {
      if (typeof frame === 'string' || key === 'ordinal') continue;
      for (const c of categories) expect(frame[c], `${lang} ${key} ${c}`).toBeTypeOf('string');
    }
  });

  it.each(['az', 'ru'])('%s translates every heading and label (none left as the English text)', (lang) => {
    const en = loadCatalog('en').catalog;
    const own = loadCatalog(lang).catalog;
    const same = MESSAGE_KEYS.filter(
      (k) =>
        /^(heading|label|chart|trade|notes|fit|kind|audience|classification|running|meta)\./.test(k) &&
        JSON.stringify(own[k]) === JSON.stringify(en[k]),
    );
    // Frames made only of slots and punctuation ("{a} – {b}") are the same in every language.
    expect(same.filter((k) => /\p{L}{2}/u.test(String(en[k]).replace(/\{\w+\}/g, '')))).toEqual([]);
  });
});

describe('Russian plurals and cases', () => {
  const ru = grammar('ru');
  it.each([
    [1, '1 контакт на высоком уровне'],
    [2, '2 контакта на высоком уровне'],
    [5, '5 контактов на высоком уровне'],
    [21, '21 контакт на высоком уровне'],
    [22, '22 контакта на высоком уровне'],
    [11, '11 контактов на высоком уровне'],
  ])('%i → %s', (n, text) => {
    expect(`${n} ${ru.t('figure.contacts', { n })}`).toBe(text);
  });

  it('years agree with the count: через 1 год, 3 года, 5 лет, 21 год', () => {
    expect([1, 3, 5, 21].map((n) => ru.inYears(n))).toEqual(['через 1 год', 'через 3 года', 'через 5 лет', 'через 21 год']);
  });

  it('a day reads in the genitive, a month in running text in the prepositional', () => {
    expect(ru.date('2021-12-21')).toBe('21 декабря 2021 г.');
    expect(ru.on('2021-12-21')).toBe('21 декабря 2021 г.');
    expect(ru.on('2021-12')).toBe('в декабре 2021 г.');
    expect(ru.on('2021')).toBe('в 2021 г.');
    expect(ru.span('2020-01', '2021-12-21')).toBe('с января 2020 г. по 21 декабря 2021 г.');
    expect(ru.tenure('2020-06')).toBe('с июня 2020 г.');
  });

  it('anniversaries: 30-летие установления дипломатических отношений', () => {
    expect(ru.t('anniversary.of', { ordinal: ru.ordinal(30), number: 30, event: ru.t('event.diplomatic-relations') })).toBe(
      '30-летие установления дипломатических отношений',
    );
  });

  it('a date ending in "г." does not double the full stop of its sentence', () => {
    expect(ru.t('overview.relations-since', { on: ru.on('1993') })).toBe('Дипломатические отношения установлены в 1993 г.');
  });

  it('scale words and decimal commas', () => {
    expect(ru.unit('USD', 'million')).toBe('млн USD');
    expect(new Intl.NumberFormat(ru.locale).format(3.7)).toBe('3,7');
  });
});

describe('Azerbaijani dates and ordinals', () => {
  const az = grammar('az');
  it('dates as Azerbaijani writes them', () => {
    expect(az.date('2021-12-21')).toBe('21 dekabr 2021');
    expect(az.on('2021-12-21')).toBe('21 dekabr 2021 tarixində');
    expect(az.on('2021-12')).toBe('2021-ci ilin dekabr ayında');
    expect(az.on('2026')).toBe('2026-cı ildə');
  });

  it('ordinal suffixes follow the last word: 1-ci, 3-cü, 6-cı, 30-cu', () => {
    expect([1, 3, 6, 30, 25].map((n) => az.ordinal(n))).toEqual(['1-ci', '3-cü', '6-cı', '30-cu', '25-ci']);
  });

  it('anniversaries put the event first: diplomatik münasibətlərin qurulmasının 30-cu ildönümü', () => {
    expect(az.t('anniversary.of', { ordinal: az.ordinal(30), number: 30, event: az.t('event.diplomatic-relations') })).toBe(
      'diplomatik münasibətlərin qurulmasının 30-cu ildönümü',
    );
  });
});

describe('English stays as it was', () => {
  const en = grammar('en');
  it('dates and frames', () => {
    expect(en.date('2021-12-21')).toBe('21 December 2021');
    expect(en.on('2021-12')).toBe('in December 2021');
    expect(en.t('figure.contacts', { n: 21 })).toBe('high-level contacts on record');
    expect(en.unit('EUR', 'thousand')).toBe('thousand EUR');
  });
});

describe('locale names', () => {
  it('an unknown language is a usage error naming the available ones', () => {
    expect(() => resolveLocale('fr')).toThrowError(/unknown locale "fr" \(available: en, az, ru/);
  });
  it('a regional tag keeps its own dates and numbers', () => {
    const l = resolveLocale('en-US');
    expect([l.language, l.intl]).toEqual(['en', 'en-US']);
  });
});
