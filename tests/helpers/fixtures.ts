/**
 * Relationship files made for the brief tests, written into a temp folder. Both are built on
 * the synthetic fixture or from scratch, so they never depend on the real dataset's content.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PAIRS } from './cli.js';
import type { Doc } from './data.js';

/** The least a relationship can hold: the pair and one source (with a web address). */
export const MINIMAL = `schemaVersion: 1
pair:
  id: aa-bb
  countries:
    - { code: AA, code3: AAA, name: Aland, officialName: Republic of Aland, capital: Acity }
    - { code: BB, code3: BBB, name: Beland, officialName: Kingdom of Beland, capital: Bcity }
sources:
  - id: src-a
    title: A report
    publisher: Agency
    published: 2020-05-01
    kind: news-report
    url: https://example.org/reports/a?x=1&y=2
`;

/** Every canary string contains this word, so one case-insensitive search finds any leak. */
export const CANARY = 'Canary';
/** Figures only the internal trade period has (exports, imports, turnover, balance). */
export const CANARY_FIGURES = ['777.7', '666.6', '1,444.3', '1444.3', '111.1'];

/**
 * The synthetic relationship plus an internal item in every collection that may hold one
 * (source, person, role, engagement, outcome, agreement count, treaty, trade period,
 * organization, milestone, talking point) and a data-quality note.
 */
export function canaryYaml(): string {
  const doc = parse(readFileSync(PAIRS[1].file, 'utf8')) as Doc;
  const internal = { visibility: 'internal' };
  doc.sources.push({
    id: 'canary-src',
    title: 'Canary source title',
    publisher: 'Canary Publisher',
    published: '2025-03-01',
    kind: 'other',
    url: 'https://canary.example/report',
    ...internal,
  });
  doc.people.push({
    id: 'canary-person',
    name: 'Canary Person',
    country: 'MN',
    roles: [{ title: 'Canary Envoy', country: 'MN', sources: ['synthetic-a'] }],
    ...internal,
  });
  doc.people[1].roles.push({ title: 'Canary Secret Role', country: 'RS', from: 2010, to: 2013, sources: ['synthetic-a'], ...internal });
  doc.organizations = [
    { id: 'open-org', name: 'Open Forum of Capitals', sources: ['synthetic-a'] },
    { id: 'canary-org', name: 'Canary Organization', abbreviation: 'CANORG', sources: ['synthetic-a'], ...internal },
  ];
  doc.engagements.push(
    {
      id: 'canary-e',
      date: '2024-07-01',
      kind: 'meeting',
      title: 'Canary meeting',
      summary: 'Canary summary of the talks.',
      participants: [{ person: 'canary-person', role: 'Canary Envoy' }],
      organizations: ['canary-org'],
      sources: ['canary-src'],
      ...internal,
    },
    {
      id: 'open-e',
      date: '2024-08-01',
      kind: 'meeting',
      title: 'Open meeting at the forum',
      participants: [
        { person: 'person-b', role: 'Minister of Foreign Affairs' },
        { person: 'canary-person', role: 'Canary Envoy' },
      ],
      organizations: ['open-org', 'canary-org'],
      outcomes: [
        { kind: 'statement', text: 'Both sides welcomed the forum.' },
        { kind: 'commitment', text: 'Canary commitment kept back.', ...internal },
      ],
      sources: ['synthetic-a'],
    },
  );
  doc.agreements.counts.push({ count: 987, asOf: 2025, scope: 'canary agreements', sources: ['synthetic-b'], ...internal });
  doc.agreements.treaties = [{ id: 'canary-treaty', title: 'Canary Treaty', signed: 2019, sources: ['synthetic-a'], ...internal }];
  doc.trade.push({
    id: 't-canary',
    start: 2025,
    end: 2025,
    label: 'Canary year',
    reporter: 'RS',
    currency: 'EUR',
    unit: 'thousand',
    exports: 777.7,
    imports: 666.6,
    turnover: 1444.3,
    balance: 111.1,
    sources: ['canary-src'],
    ...internal,
  });
  doc.milestones = [
    { id: 'canary-ms', kind: 'other', title: 'Canary milestone', date: 2027, status: 'planned', sources: ['synthetic-a'], ...internal },
  ];
  doc.talkingPoints = [
    { text: 'Open talking point on the forum.', sources: ['synthetic-a'] },
    { text: 'Canary talking point, not for the press.', sources: ['synthetic-a'], ...internal },
  ];
  doc.notes = [
    {
      id: 'dq-canary',
      about: ['e01'],
      says: 'Canary says this',
      problem: 'Canary problem statement',
      action: 'Canary action taken',
      severity: 'info',
      sources: ['synthetic-a'],
    },
  ];
  return stringify(doc);
}

export function writeFixture(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/**
 * A fixture at a path that depends only on its content, so `buildOnce` can share its build
 * between test files. Written atomically: several test workers may write it at once.
 */
export function stableFixture(name: string, text: string): string {
  const dir = join(tmpdir(), 'bilat-test-fixtures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return file;
}
