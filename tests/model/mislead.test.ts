/**
 * Briefs that never mislead (issue #16): one test per rule, on small inputs and on the
 * SYNTHETIC fixture tests/fixtures/relationships/mislead-synthetic.yaml, read through the
 * real validator and view model.
 */
import { describe, expect, it } from 'vitest';
import { upcomingAnniversaries, hasAnniversaries } from '../../src/model/anniversaries.js';
import { descriptiveTitles } from '../../src/model/descriptive.js';
import { createGrammar } from '../../src/model/grammar/index.js';
import { latestTotal, leadTreaty } from '../../src/model/headline.js';
import { isBilateralBody, isHighLevel } from '../../src/model/mechanisms.js';
import { aboutLabel } from '../../src/model/readable.js';
import { buildView } from '../../src/model/view.js';
import type { Relationship } from '../../src/schema/relationship.js';
import { validateFile } from '../../src/validate/validate.js';

const AS_OF = '2026-11-22';
const FILE = 'tests/fixtures/relationships/mislead-synthetic.yaml';
const g = createGrammar();
const data = (): Relationship => {
  const r = validateFile(FILE, AS_OF);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.data!;
};
const audience = (internal: boolean) => ({
  id: internal ? 'analyst' : 'public',
  label: 'Brief',
  classification: internal ? 'Internal' : 'Public',
  internal,
});
const view = (internal = true, rel = data()) => buildView(rel, { asOf: AS_OF, audience: audience(internal) });

describe('balances and series from one perspective', () => {
  it('marks turnover and balance bilat computed, and only those', () => {
    const rows = view().trade.periods;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId['qn-2020']).toMatchObject({ turnover: 236, balance: -36, turnoverComputed: true, balanceComputed: true });
    expect(byId['qs-2022']).toMatchObject({ turnover: 317.2, balance: 82.8, turnoverComputed: false, balanceComputed: false });
    expect(view().trade.computedNote).toMatch(/^† Computed by bilat/);
  });

  it('orders a mirror pair by the pair, not the file, and names each reporter with its own partner', () => {
    const v = view();
    expect(v.trade.periods.map((r) => r.id)).toEqual(['qn-2020', 'qn-2021', 'qs-2021', 'qs-2022', 'qn-2023-jan-oct']);
    expect(v.trade.reporters.map((r) => r.code)).toEqual(['QN', 'QS']);
    expect(v.trade.perspectiveNote).toContain('rows reported by Quorland have Quessia as partner');
    expect(v.trade.perspectiveNote).toContain('rows reported by Quessia have Quorland as partner');
  });

  it('keeps the one-reporter note unset, so the template states the single partner', () => {
    const rel = data();
    rel.trade = rel.trade!.filter((t) => t.reporter === 'QS');
    expect(view(true, rel).trade.perspectiveNote).toBeUndefined();
    expect(view(true, rel).trade.computedNote).toBeUndefined();
  });

  it('says whose turnover the key figure is when both sides report, and that it is computed', () => {
    const fig = view().keyFigures[0]!;
    expect(fig.label).toBe('trade turnover, January–October 2023, as reported by Quorland (computed)');
  });
});

describe('headline figures by date and kind', () => {
  it('headlines the latest running total, not the last count in the file nor the count of one visit', () => {
    expect(
      latestTotal([
        { count: 18, asOf: '2024-03-11' },
        { count: 150, asOf: '2024-03-01' },
        { count: 120, asOf: 2021 },
      ]),
    ).toEqual({ count: 150, asOf: '2024-03-01' });
    expect(
      latestTotal([
        { count: 58, asOf: 2020 },
        { count: 61, asOf: 2022 },
      ]),
    ).toEqual({ count: 61, asOf: 2022 });
    expect(
      latestTotal([
        { count: 5, asOf: 2022 },
        { count: 9, asOf: 2022 },
      ]),
    ).toEqual({ count: 9, asOf: 2022 });
    expect(latestTotal([])).toBeUndefined();
    const v = view();
    expect(v.keyFigures.find((f) => f.label.startsWith('agreements'))?.value).toBe('150');
    expect(v.overview.map((o) => o.text)).toContain('150 agreements and other documents in force as of 1 March 2024.');
  });

  it('names the treaty by kind, milestone and date, not the first in the list', () => {
    const t = (id: string, signed: string, kind?: string) => ({ id, signed, ...(kind ? { kind } : {}) });
    expect(leadTreaty([t('protocol', '2019-06-04'), t('friendship', '2000-05-20'), t('allied', '2024-03-11')])?.id).toBe('allied');
    // A treaty the data marks with a treaty-signing milestone outranks a later unmarked one.
    expect(leadTreaty([t('protocol', '2019'), t('friendship', '2000')], [{ kind: 'treaty-signing', treaty: 'friendship' }])?.id).toBe(
      'friendship',
    );
    // A kind, when the data gives one, outranks the date.
    expect(leadTreaty([t('friendship', '2000', 'friendship'), t('protocol', '2019', 'protocol')])?.id).toBe('friendship');
    expect(leadTreaty([{ id: 'unsigned', signed: undefined }])).toBeUndefined();
    expect(view().overview.map((o) => o.text)).toContain(
      'The Treaty on Allied Relations (descriptive title, not official) was signed on 11 March 2024.',
    );
  });
});

describe('anniversaries only for founding events', () => {
  it('derives none for a summit, a themed year or any other dated milestone', () => {
    expect(['diplomatic-relations', 'treaty-signing'].every(hasAnniversaries)).toBe(true);
    expect(['summit', 'visit', 'other', 'anniversary'].some(hasAnniversaries)).toBe(false);
    const of = upcomingAnniversaries(data(), AS_OF, 5).map((a) => a.of);
    expect(of).toEqual(['allied-signed', 'dip-1995', 'friendship-signed']);
    // The summit (2021) would have its 5th in 2026, the Year of Economic Cooperation (2025) in 2030: neither is derived.
    const from2026 = upcomingAnniversaries(data(), '2026-01-01', 5).map((a) => `${a.of} ${a.year}`);
    expect(from2026).toEqual(['allied-signed 2029', 'dip-1995 2030', 'friendship-signed 2030']);
  });

  it('words them from structured fields, with the article and the full date', () => {
    const labels = view().anniversaries.map((a) => a.label);
    expect(labels).toEqual([
      '5th anniversary of the Treaty on Allied Relations (descriptive title, not official), signed on 11 March 2024',
      '35th anniversary of the establishment of diplomatic relations on 20 April 1995',
      '30th anniversary of the Treaty of Friendship and Cooperation, signed on 20 May 2000',
    ]);
  });

  it("takes the treaty's fuller signing date when the milestone gives only the year", () => {
    const rel = data();
    rel.milestones = [{ id: 'm', kind: 'treaty-signing', title: 'x', treaty: 'treaty-friendship', date: 2000 }];
    expect(upcomingAnniversaries(rel, '2028-01-01', 5, g).map((a) => a.title)).toEqual([
      'the Treaty of Friendship and Cooperation, signed on 20 May 2000',
    ]);
  });
});

describe('no internal ids where a reader looks', () => {
  it('numbers notes and flags, and reads "about" as the items\' titles and dates', () => {
    const v = view();
    expect(v.notes.map((n) => n.n)).toEqual([1, 2]);
    expect(v.notes[0]!.aboutLabels).toEqual(['State visit of President Velt to Quessia (11 March 2024)']);
    expect(v.notes[1]!.aboutLabels).toEqual([
      'Treaty on Allied Relations (descriptive title, not official) (11 March 2024): title',
      'trade in 2020, as reported by Quorland',
    ]);
    expect(v.engagements.find((e) => e.id === 'e-2024-state-visit')!.flags).toEqual([
      { note: '1', text: 'The two releases name the visit differently.' },
    ]);
  });

  it('keeps a free data path that names no item as written', () => {
    const labels = new Map([
      ['a.b', 'Item AB'],
      ['a', 'Item A'],
    ]);
    expect(aboutLabel('a.b.c', labels, g)).toBe('Item AB: c');
    expect(aboutLabel('a.x', labels, g)).toBe('Item A: x');
    expect(aboutLabel('trade[0].balance', labels, g)).toBe('trade[0].balance');
  });
});

describe('bilateral bodies apart from multilateral organizations', () => {
  it('lists kind bilateral-body as a mechanism of the pair', () => {
    expect(isBilateralBody({ kind: 'bilateral-body' })).toBe(true);
    expect(isBilateralBody({ kind: 'regional-format' })).toBe(false);
    expect(isBilateralBody({})).toBe(false);
    const v = view();
    expect(v.organizations.map((o) => o.id)).toEqual(['un']);
    expect(v.mechanisms.map((o) => o.id).sort()).toEqual(['igc', 'interregional-forum', 'supreme-council']);
  });

  it('does not count a forum or session naming no participant as a high-level contact', () => {
    expect(isHighLevel({ kind: 'other', participants: [], organizations: [] })).toBe(false);
    expect(isHighLevel({ kind: 'meeting', participants: [], organizations: ['igc'] })).toBe(false);
    expect(isHighLevel({ kind: 'meeting', participants: [], organizations: [] })).toBe(true);
    expect(isHighLevel({ kind: 'phone-call', participants: [], organizations: [] })).toBe(true);
    expect(isHighLevel({ kind: 'other', participants: [{}], organizations: ['forum'] })).toBe(true);
    const v = view();
    expect(v.engagements).toHaveLength(4);
    expect(v.recentContacts.map((e) => e.id)).toEqual(['e-2024-state-visit', 'e-2021-call']);
    expect(v.contactsByYear.forums).toBe(2);
    expect(v.keyFigures.some((f) => f.label.includes('high-level contact'))).toBe(false); // four figures before it
    expect(v.overview.some((o) => o.text.startsWith('2 high-level contacts on record'))).toBe(true);
  });
});

describe('descriptive titles', () => {
  it('reads the mark from a note about <id>.title', () => {
    expect([
      ...descriptiveTitles({ notes: [{ id: 'n', about: ['t.title', 'x', 'title'], says: 's', problem: 'p', action: 'a' }] }),
    ]).toEqual(['t']);
  });

  it('keeps the mark in the public brief, which prints no notes', () => {
    const v = view(false);
    expect(v.notes).toEqual([]);
    expect(v.agreements.treaties.find((t) => t.id === 'treaty-allied')!.title).toBe(
      'Treaty on Allied Relations (descriptive title, not official)',
    );
    expect(v.agreements.treaties.find((t) => t.id === 'treaty-friendship')!.title).toBe('Treaty of Friendship and Cooperation');
  });
});
