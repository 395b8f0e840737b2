import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/did-you-mean.js';
import { BASE, brief, check, edit, positionOf, replaceOnce, valuePos } from './helpers.js';

describe('unknown keys', () => {
  it('flags exprots with "did you mean exports", at the key', () => {
    const text = replaceOnce(BASE, '    exports: 2.3', '    exprots: 2.3');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([{ rule: 'schema', severity: 'error', path: 'trade[0].exprots', ...positionOf(text, 'exprots') }]);
    expect(diags[0]).toMatchObject({ code: 'E_DATA_INVALID', message: 'unknown key "exprots"', hint: 'did you mean "exports"?' });
  });

  it('suggests top-level keys too', () => {
    const text = replaceOnce(BASE, 'engagements:\n', 'engagments:\n');
    const diags = check(text);
    // The list is not under its real key, so nothing else is wrong with it.
    expect(diags.map(brief)).toEqual([
      { rule: 'schema', severity: 'error', path: 'engagments', line: positionOf(text, 'engagments:').line, column: 1 },
    ]);
    expect(diags[0]!.hint).toBe('did you mean "engagements"?');
  });

  it('lists the allowed keys when nothing is close', () => {
    const text = replaceOnce(BASE, '    name: Org A\n', '    name: Org A\n    headquarters: Geneva\n');
    const [d] = check(text);
    expect(d).toMatchObject({ path: 'organizations[0].headquarters', message: 'unknown key "headquarters"' });
    expect(d!.hint).toMatch(/^allowed keys: id, name, abbreviation, /);
    expect(d).toMatchObject(positionOf(text, 'headquarters'));
  });

  it('reports several unknown keys in one object, each at its own key', () => {
    const text = edit(BASE, ['    exports: 2.3', '    exprots: 2.3'], ['    imports: 1.4', '    imprts: 1.4']);
    expect(check(text).map((d) => [d.path, d.hint, d.line])).toEqual([
      ['trade[0].exprots', 'did you mean "exports"?', positionOf(text, 'exprots').line],
      ['trade[0].imprts', 'did you mean "imports"?', positionOf(text, 'imprts').line],
    ]);
  });
});

describe('wrong types and values', () => {
  it('explains a number written with a comma', () => {
    const text = replaceOnce(BASE, 'exports: 2.3', 'exports: "2,3"');
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(brief(d!)).toEqual({ rule: 'schema', severity: 'error', path: 'trade[0].exports', ...valuePos(text, 'exports: "2,3"') });
    expect(d).toMatchObject({ message: 'expected number, got string "2,3"', hint: 'write it as a plain number, e.g. 2.3' });
  });

  it.each([
    ['turnover: 3.7', 'turnover: [3.7]', 'trade[0].turnover', 'expected number, got a list'],
    ['organizations: [org-a]', 'organizations: org-a', 'engagements[0].organizations', 'expected array, got string "org-a"'],
    ['count: 5', 'count: {n: 5}', 'agreements.counts[0].count', 'expected number, got a mapping'],
    ['schemaVersion: 1', 'schemaVersion: ~', 'schemaVersion', 'null is not allowed'],
  ])('names the type it got: %s → %s', (from, to, path, message) => {
    const text = replaceOnce(BASE, from, to);
    const diags = check(text);
    expect(diags.map(brief)).toEqual([{ rule: 'schema', severity: 'error', path, ...valuePos(text, to.trim()) }]);
    expect(diags[0]!.message).toBe(message);
  });

  it('suggests the nearest allowed value of an enum', () => {
    const text = replaceOnce(BASE, 'kind: phone-call', 'kind: phone-cal');
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(brief(d!)).toEqual({ rule: 'schema', severity: 'error', path: 'engagements[0].kind', ...valuePos(text, 'kind: phone-cal') });
    expect(d!.message).toBe('"phone-cal" is not allowed');
    expect(d!.hint).toMatch(/use one of: meeting, phone-call, .* — did you mean "phone-call"\?$/);
  });

  it('a missing enum field says it is missing, with the values it takes', () => {
    const text = replaceOnce(BASE, '    kind: phone-call\n', '');
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ path: 'engagements[0].kind', message: 'missing required field' });
    expect(d!.hint).toMatch(/^use one of: meeting, phone-call, /);
  });

  it('rejects an impossible date with the accepted forms', () => {
    const text = replaceOnce(BASE, 'date: 2020-04-27', 'date: 2020-13-27');
    const [d] = check(text);
    expect(d).toMatchObject({ path: 'engagements[0].date', ...valuePos(text, 'date: 2020-13-27') });
    expect(`${d!.message} ${d!.hint ?? ''}`).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('rejects an unsupported schemaVersion (2 is version 2 since issue 16; 3 is not)', () => {
    const text = replaceOnce(BASE, 'schemaVersion: 1', 'schemaVersion: 3');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([{ rule: 'schema', severity: 'error', path: 'schemaVersion', line: 1, column: 16 }]);
    expect(diags[0]!.hint).toBe('use 1 or 2 (bilat migrate rewrites a version 1 file as version 2)');
  });

  it('points a missing required field at the object that lacks it', () => {
    const text = replaceOnce(BASE, '    title: A report\n', '');
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      path: 'sources[0].title',
      message: 'missing required field (expected string, or one per language such as {en: "…", ru: "…"})',
      ...positionOf(text, 'id: src-a'),
    });
  });

  it('flags an empty required list', () => {
    const text = replaceOnce(
      BASE,
      '    roles:\n      - title: Minister\n        country: AA\n        from: 2019-01\n        to: 2021-06\n        sources: [src-a]\n',
      '    roles: []\n',
    );
    const fixed = replaceOnce(text, '        role: Minister\n', '');
    const [d, ...rest] = check(fixed);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ path: 'people[0].roles', message: 'needs at least 1 item(s)', ...valuePos(fixed, 'roles: []') });
  });

  it('flags a bad id once per place, with the id rule', () => {
    const text = replaceOnce(BASE, 'id: t-one', 'id: T One');
    const [d, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ path: 'trade[0].id', ...valuePos(text, 'id: T One') });
    expect(d!.message).toMatch(/lower-case letters/);
  });
});

describe('schema problems are all reported together', () => {
  it('lists each, sorted by line, and holds back the semantic rules until the shape is right', () => {
    const text = edit(
      BASE,
      ['published: 2020-05-01', 'published: May 2020'],
      ['kind: phone-call', 'kind: call'],
      ['    exports: 2.3', '    exprots: 2.3'],
      ['date: 1993', 'date: 2999'], // future, but semantic rules wait for a valid shape
    );
    const diags = check(text);
    expect(diags.map((d) => d.path)).toEqual(['sources[0].published', 'engagements[0].kind', 'trade[0].exprots']);
    expect(diags.every((d) => d.rule === 'schema' && d.severity === 'error')).toBe(true);
  });
});

describe('didYouMean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(didYouMean('exprots', ['imports', 'exports', 'turnover'])).toBe('exports');
    expect(didYouMean('balnace', ['balance'])).toBe('balance');
    // Plain Levenshtein would call both 2 away and keep the first; with swaps "exports" is 1 away.
    expect(didYouMean('exprots', ['exprt', 'exports'])).toBe('exports');
    expect(didYouMean('xeprots', ['exports'])).toBe('exports'); // two swaps: 2, within the limit
  });

  it('ignores case and stays quiet when nothing is close', () => {
    expect(didYouMean('EXPORTS', ['exports'])).toBe('exports');
    expect(didYouMean('headquarters', ['id', 'name', 'abbreviation'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });
});
