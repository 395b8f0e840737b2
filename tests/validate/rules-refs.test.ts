import { describe, expect, it } from 'vitest';
import { BASE, brief, check, edit, ofRule, positionOf, replaceOnce, valuePos } from './helpers.js';

describe('reference: unknown people, sources, organizations', () => {
  it('flags an unknown person with a did-you-mean, at the id', () => {
    const text = replaceOnce(BASE, 'person: p-one', 'person: p-onne');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'reference', severity: 'error', path: 'engagements[0].participants[0].person', ...valuePos(text, 'person: p-onne') },
    ]);
    expect(diags[0]!.message).toBe('unknown person "p-onne"');
    expect(diags[0]!.hint).toBe('did you mean "p-one"?');
  });

  it('flags an unknown source, at the list item', () => {
    const text = replaceOnce(
      BASE,
      '    organizations: [org-a]\n    outcomes:',
      '    organizations: [org-a]\n    sources: [src-a, src-aa]\n    outcomes:',
    );
    const deduped = replaceOnce(text, '        text: Keep talking.\n    sources: [src-a]\n', '        text: Keep talking.\n');
    const diags = check(deduped);
    expect(diags.map(brief)).toEqual([
      { rule: 'reference', severity: 'error', path: 'engagements[0].sources[1]', ...positionOf(deduped, 'src-aa') },
    ]);
    expect(diags[0]!.message).toBe('unknown source "src-aa"');
    expect(diags[0]!.hint).toBe('did you mean "src-a"?');
  });

  it('flags an unknown organization; without a near match it says where to add it', () => {
    const text = replaceOnce(BASE, 'organizations: [org-a]', 'organizations: [world-bank]');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'reference', severity: 'error', path: 'engagements[0].organizations[0]', ...positionOf(text, 'world-bank') },
    ]);
    expect(diags[0]!.message).toBe('unknown organization "world-bank"');
    expect(diags[0]!.hint).toBe('add it under organizations: or fix the id');
  });

  it('flags a role the person never held', () => {
    const text = replaceOnce(BASE, '        role: Minister\n', '        role: Ministr\n');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'reference', severity: 'error', path: 'engagements[0].participants[0].role', ...valuePos(text, 'role: Ministr') },
    ]);
    expect(diags[0]!.hint).toBe('did you mean "Minister"?');
  });

  it.each([
    [
      'an outcome giver',
      ['        text: Keep talking.\n', '        text: Keep talking.\n        by: nobody\n'],
      'engagements[0].outcomes[0].by',
    ],
    [
      'a quality note',
      ['    sources: [src-a]\norganizations:', '    quality: [dq-none]\n    sources: [src-a]\norganizations:'],
      'trade[0].quality[0]',
    ],
    ['a marked milestone', ['    date: 1993\n', '    date: 1993\n    organization: org-b\n'], 'milestones[0].organization'],
    ['a source of a note', ['    action: kept\n    sources: [src-a]', '    action: kept\n    sources: [src-b]'], 'notes[0].sources[0]'],
  ] as const)('checks %s', (_what, [from, to], path) => {
    expect(ofRule(check(replaceOnce(BASE, from, to)), 'reference').map((d) => d.path)).toEqual([path]);
  });

  it('flags a trade reporter that is not one of the pair', () => {
    const text = replaceOnce(BASE, 'reporter: AA', 'reporter: CC');
    expect(check(text).map(brief)).toEqual([
      { rule: 'reference', severity: 'error', path: 'trade[0].reporter', ...valuePos(text, 'reporter: CC') },
    ]);
  });

  it('flags a pair of one country twice', () => {
    const text = replaceOnce(BASE, '    - code: BB', '    - code: AA');
    expect(ofRule(check(text), 'pair').map(brief)).toEqual([
      { rule: 'pair', severity: 'error', path: 'pair.countries[1].code', ...valuePos(text, 'code: AA', 1) },
    ]);
  });
});

describe('duplicate-id', () => {
  it('flags the second use of an id and names the line of the first', () => {
    const text = replaceOnce(BASE, 'organizations:\n', 'organizations:\n  - id: org-a\n    name: Org A again\n    sources: [src-a]\n');
    const diags = check(text);
    expect(diags.map(brief)).toEqual([
      { rule: 'duplicate-id', severity: 'error', path: 'organizations[1].id', ...valuePos(text, 'id: org-a', 1) },
    ]);
    expect(diags[0]!.message).toBe(`duplicate id "org-a" (first used at line ${valuePos(text, 'id: org-a').line})`);
  });

  it('checks nested lists too (treaties under agreements)', () => {
    const text = replaceOnce(BASE, 'trade:\n', '    - id: treaty-a\n      title: Treaty A bis\n      sources: [src-a]\ntrade:\n');
    expect(ofRule(check(text), 'duplicate-id').map(brief)).toEqual([
      { rule: 'duplicate-id', severity: 'error', path: 'agreements.treaties[1].id', ...valuePos(text, 'id: treaty-a', 1) },
    ]);
  });

  it('reports every repeat, not only the first', () => {
    const extra = '  - id: m-rel\n    kind: other\n    title: Again\n    date: 1994\n    sources: [src-a]\n';
    const text = replaceOnce(BASE, 'notes:\n', `${extra}${extra}notes:\n`);
    expect(ofRule(check(text), 'duplicate-id').map((d) => d.path)).toEqual(['milestones[1].id', 'milestones[2].id']);
  });

  it('allows the same id in different lists', () => {
    const text = replaceOnce(BASE, '  - id: org-a\n', '  - id: m-rel\n');
    const fixed = replaceOnce(text, 'organizations: [org-a]', 'organizations: [m-rel]');
    expect(check(fixed)).toEqual([]);
  });
});

describe('unsourced: facts without a source', () => {
  it('flags an engagement with no sources, at the item', () => {
    const text = edit(BASE, ['        text: Keep talking.\n    sources: [src-a]\n', '        text: Keep talking.\n']);
    const diags = check(text);
    // The outcome inherits the engagement's sources, so it is unsourced too.
    expect(diags.map(brief)).toEqual([
      { rule: 'unsourced', severity: 'error', path: 'engagements[0]', ...positionOf(text, 'id: e-one') },
      { rule: 'unsourced', severity: 'error', path: 'engagements[0].outcomes[0]', ...positionOf(text, 'kind: commitment') },
    ]);
    expect(diags[0]!.message).toBe('engagement "e-one" has no source');
    expect(diags[0]!.hint).toMatch(/^add sources: \[<source id>\]/);
  });

  it('treats an empty list as no source', () => {
    const text = replaceOnce(BASE, '    unit: million\n', '    unit: million\n    sources: []\n');
    const dropped = replaceOnce(text, '    balance: 0.9\n    sources: [src-a]\n', '    balance: 0.9\n');
    expect(check(dropped).map((d) => [d.rule, d.path])).toEqual([['unsourced', 'trade[0]']]);
  });

  it('lets a role rely on its person’s sources', () => {
    const moved = edit(
      BASE,
      ['        to: 2021-06\n        sources: [src-a]\n', '        to: 2021-06\n'],
      ['    country: AA\n    roles:', '    country: AA\n    sources: [src-a]\n    roles:'],
    );
    expect(check(moved)).toEqual([]);
    const none = replaceOnce(BASE, '        to: 2021-06\n        sources: [src-a]\n', '        to: 2021-06\n');
    expect(check(none).map((d) => [d.rule, d.path])).toEqual([['unsourced', 'people[0].roles[0]']]);
  });

  it.each([
    ['agreements.counts[0]', '      asOf: 2020\n      sources: [src-a]\n', '      asOf: 2020\n'],
    ['organizations[0]', '    name: Org A\n    sources: [src-a]\n', '    name: Org A\n'],
    ['milestones[0]', '    date: 1993\n    sources: [src-a]\n', '    date: 1993\n'],
  ])('checks %s', (path, from, to) => {
    expect(ofRule(check(replaceOnce(BASE, from, to)), 'unsourced').map((d) => d.path)).toEqual([path]);
  });
});

describe('unused-source', () => {
  it('warns about a source nobody cites, at its id', () => {
    const text = replaceOnce(BASE, 'people:\n', '  - id: src-orphan\n    title: B\n    publisher: P\n    kind: other\npeople:\n');
    expect(check(text).map(brief)).toEqual([
      { rule: 'unused-source', severity: 'warning', path: 'sources[1].id', ...valuePos(text, 'id: src-orphan') },
    ]);
  });
});

describe('every problem at once', () => {
  it('reports all rule findings together, sorted by line', () => {
    const text = edit(
      BASE,
      ['person: p-one', 'person: p-two'],
      ['organizations: [org-a]', 'organizations: [org-z]'],
      ['turnover: 3.7', 'turnover: 9.7'],
      ['date: 1993', 'date: 2999'],
    );
    const diags = check(text);
    expect(diags.map((d) => d.rule)).toEqual(['reference', 'reference', 'trade-arithmetic', 'date-future']);
    const lines = diags.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
