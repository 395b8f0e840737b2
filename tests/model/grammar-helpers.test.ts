/** The grammar helpers templates may use: the same frames as the view model. */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/model/format.js';
import { registerHelpers, type RenderServices } from '../../src/templates/helpers.js';

const hb = Handlebars.create();
registerHelpers(hb);
const bilat: RenderServices = { fmt: createFormatter('en-GB'), chart: () => '' };
const render = (src: string, ctx: object = {}) => hb.compile(src)(ctx, { data: { bilat } });

describe('grammar helpers', () => {
  it('on: the preposition by precision', () => {
    expect(render('signed {{on d}}', { d: '1980-06-20' })).toBe('signed on 20 June 1980');
    expect(render('signed {{on d}}', { d: '1980-06' })).toBe('signed in June 1980');
    expect(render('signed {{on d}}', { d: 1980 })).toBe('signed in 1980');
  });
  it('plural and quantity: through Intl.PluralRules', () => {
    const words = [0, 1, 2, 5, 21].map((n) => render('{{quantity n "contact" "contacts"}}/{{plural n "year" "years"}}', { n }));
    expect(words).toEqual(['0 contacts/years', '1 contact/year', '2 contacts/years', '5 contacts/years', '21 contacts/years']);
    expect(render('{{quantity n "contact" "contacts"}}', { n: 1200 })).toBe('1,200 contacts');
  });
  it('dateRange collapses; nth', () => {
    expect(render('{{dateRange a b}}', { a: '2026-03-03', b: '2026-03-05' })).toBe('3–5 March 2026');
    expect(render('{{dateRange a b}}', { a: '2026-03-03', b: '2026-03-03' })).toBe('3 March 2026');
    expect(render('{{dateRange a b}}', { a: '2026-03', b: '2026-04' })).toBe('March–April 2026');
    expect(render('{{dateRange a}}', { a: '2026' })).toBe('2026');
    expect(render('{{nth n}}', { n: 22 })).toBe('22nd');
  });
  it('a field named like a helper still reads as the field', () => {
    expect(render('{{count}} {{ordinal}}', { count: 58, ordinal: '25th' })).toBe('58 25th');
  });
});
