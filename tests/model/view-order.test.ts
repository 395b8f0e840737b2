/**
 * The view's key order is part of its contract: `bilat templates fields` lists fields in it and
 * the goldens serialize it. buildView composes its sections (src/model/sections/) in this order;
 * version 2 sections come after `has`, where they have always been.
 */
import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/view.js';
import { validateFile } from '../../src/validate/validate.js';

const AS_OF = '2026-11-22';
const analyst = { id: 'analyst', label: 'Analyst brief', classification: 'Internal', internal: true };
const V1_KEYS = [
  'meta',
  'countries',
  'keyFigures',
  'talkingPoints',
  'overview',
  'engagements',
  'latestEngagement',
  'recentContacts',
  'contactsByYear',
  'trade',
  'agreements',
  'organizations',
  'mechanisms',
  'people',
  'milestones',
  'anniversaries',
  'invitations',
  'notes',
  'sources',
  'has',
];

const view = (file: string) => {
  const r = validateFile(file, AS_OF);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return buildView(r.data!, { asOf: AS_OF, audience: analyst });
};

describe('the view keeps its key order', () => {
  it('a version 1 file: the sections in order, has last', () => {
    expect(Object.keys(view('data/az-kg.yaml'))).toEqual(V1_KEYS);
  });

  it('a version 2 file: indicators, status and quotes after has', () => {
    expect(Object.keys(view('tests/fixtures/v2/base-v2.yaml'))).toEqual([...V1_KEYS, 'indicators', 'status', 'quotes']);
  });

  it('has lists the sections in the order templates test them', () => {
    expect(Object.keys(view('data/az-kg.yaml').has)).toEqual([
      'keyFigures',
      'talkingPoints',
      'engagements',
      'contactsChart',
      'trade',
      'tradeSeries',
      'agreements',
      'organizations',
      'mechanisms',
      'people',
      'milestones',
      'indicators',
      'status',
      'quotes',
      'anniversaries',
      'invitations',
      'notes',
    ]);
  });
});
