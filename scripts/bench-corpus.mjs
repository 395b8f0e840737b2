// Synthetic, seeded corpus of bilateral relationships for the benchmark and the batch tests.
// Same seed, same files, byte for byte. Everything here is invented: no real events.
//
//   import { writeCorpus, generateRelationship } from './bench-corpus.mjs';
//   writeCorpus('/tmp/corpus', { pairs: 167, seed: 42 });        // → 167 .yaml files
//   node scripts/bench-corpus.mjs /tmp/corpus 10 [contacts]       // the same from a shell
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

/** mulberry32: tiny, fast, and good enough to pick names and numbers. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const some = (xs, lo, hi) => {
    const n = Math.min(xs.length, int(lo, hi));
    const pool = [...xs];
    const out = [];
    while (out.length < n) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  return { next, int, pick, some };
}

// code, code3, short name, official name, adjective, capital, currency
const COUNTRIES = [
  ['AL', 'ALB', 'Albania', 'Republic of Albania', 'Albanian', 'Tirana'],
  ['AM', 'ARM', 'Armenia', 'Republic of Armenia', 'Armenian', 'Yerevan'],
  ['AT', 'AUT', 'Austria', 'Republic of Austria', 'Austrian', 'Vienna'],
  ['BE', 'BEL', 'Belgium', 'Kingdom of Belgium', 'Belgian', 'Brussels'],
  ['BG', 'BGR', 'Bulgaria', 'Republic of Bulgaria', 'Bulgarian', 'Sofia'],
  ['CL', 'CHL', 'Chile', 'Republic of Chile', 'Chilean', 'Santiago'],
  ['CZ', 'CZE', 'Czechia', 'Czech Republic', 'Czech', 'Prague'],
  ['DK', 'DNK', 'Denmark', 'Kingdom of Denmark', 'Danish', 'Copenhagen'],
  ['EE', 'EST', 'Estonia', 'Republic of Estonia', 'Estonian', 'Tallinn'],
  ['FI', 'FIN', 'Finland', 'Republic of Finland', 'Finnish', 'Helsinki'],
  ['GE', 'GEO', 'Georgia', 'Georgia', 'Georgian', 'Tbilisi'],
  ['GH', 'GHA', 'Ghana', 'Republic of Ghana', 'Ghanaian', 'Accra'],
  ['HR', 'HRV', 'Croatia', 'Republic of Croatia', 'Croatian', 'Zagreb'],
  ['HU', 'HUN', 'Hungary', 'Hungary', 'Hungarian', 'Budapest'],
  ['IS', 'ISL', 'Iceland', 'Iceland', 'Icelandic', 'Reykjavík'],
  ['JO', 'JOR', 'Jordan', 'Hashemite Kingdom of Jordan', 'Jordanian', 'Amman'],
  ['KE', 'KEN', 'Kenya', 'Republic of Kenya', 'Kenyan', 'Nairobi'],
  ['KZ', 'KAZ', 'Kazakhstan', 'Republic of Kazakhstan', 'Kazakh', 'Astana'],
  ['LT', 'LTU', 'Lithuania', 'Republic of Lithuania', 'Lithuanian', 'Vilnius'],
  ['LV', 'LVA', 'Latvia', 'Republic of Latvia', 'Latvian', 'Riga'],
  ['MA', 'MAR', 'Morocco', 'Kingdom of Morocco', 'Moroccan', 'Rabat'],
  ['MD', 'MDA', 'Moldova', 'Republic of Moldova', 'Moldovan', 'Chișinău'],
  ['MN', 'MNG', 'Mongolia', 'Mongolia', 'Mongolian', 'Ulaanbaatar'],
  ['MX', 'MEX', 'Mexico', 'United Mexican States', 'Mexican', 'Mexico City'],
  ['NO', 'NOR', 'Norway', 'Kingdom of Norway', 'Norwegian', 'Oslo'],
  ['NZ', 'NZL', 'New Zealand', 'New Zealand', 'New Zealand', 'Wellington'],
  ['PE', 'PER', 'Peru', 'Republic of Peru', 'Peruvian', 'Lima'],
  ['PL', 'POL', 'Poland', 'Republic of Poland', 'Polish', 'Warsaw'],
  ['PT', 'PRT', 'Portugal', 'Portuguese Republic', 'Portuguese', 'Lisbon'],
  ['RO', 'ROU', 'Romania', 'Romania', 'Romanian', 'Bucharest'],
  ['RS', 'SRB', 'Serbia', 'Republic of Serbia', 'Serbian', 'Belgrade'],
  ['SE', 'SWE', 'Sweden', 'Kingdom of Sweden', 'Swedish', 'Stockholm'],
  ['SI', 'SVN', 'Slovenia', 'Republic of Slovenia', 'Slovenian', 'Ljubljana'],
  ['SK', 'SVK', 'Slovakia', 'Slovak Republic', 'Slovak', 'Bratislava'],
  ['SN', 'SEN', 'Senegal', 'Republic of Senegal', 'Senegalese', 'Dakar'],
  ['TJ', 'TJK', 'Tajikistan', 'Republic of Tajikistan', 'Tajik', 'Dushanbe'],
  ['TN', 'TUN', 'Tunisia', 'Republic of Tunisia', 'Tunisian', 'Tunis'],
  ['UY', 'URY', 'Uruguay', 'Oriental Republic of Uruguay', 'Uruguayan', 'Montevideo'],
  ['UZ', 'UZB', 'Uzbekistan', 'Republic of Uzbekistan', 'Uzbek', 'Tashkent'],
  ['VN', 'VNM', 'Viet Nam', 'Socialist Republic of Viet Nam', 'Vietnamese', 'Hanoi'],
];

const FIRST = [
  'Ana',
  'Boris',
  'Chiara',
  'Dainius',
  'Elif',
  'Farid',
  'Greta',
  'Henrik',
  'Ilona',
  'Jonas',
  'Katarína',
  'Lars',
  'Marta',
  'Nikola',
  'Olena',
  'Pál',
  'Rasa',
  'Sanjar',
  'Tomás',
  'Ursula',
  'Vesna',
  'Witold',
  'Yusuf',
  'Zofia',
  'Amara',
  'Kwame',
  'Leilani',
  'Mateo',
  'Nurlan',
  'Aigerim',
];
const LAST = [
  'Aksoy',
  'Berzins',
  'Costa',
  'Dvořák',
  'Eriksen',
  'Fernández',
  'Gashi',
  'Horváth',
  'Ionescu',
  'Jankauskas',
  'Kask',
  'Lindqvist',
  'Mensah',
  'Novak',
  'Oliveira',
  'Petrov',
  'Quispe',
  'Rahimov',
  'Sørensen',
  'Tamm',
  'Urbanek',
  'Varga',
  'Wójcik',
  'Yilmaz',
  'Zhakupov',
  'Nguyen',
  'Diallo',
  'Haddad',
  'Kovačić',
  'Ortega',
];
const OFFICES = [
  'President',
  'Prime Minister',
  'Minister of Foreign Affairs',
  'Deputy Minister of Foreign Affairs',
  'Minister of Economy',
  'Minister of Trade',
  'Speaker of Parliament',
  'Ambassador',
];
const KINDS = [
  'meeting',
  'phone-call',
  'video-call',
  'official-visit',
  'state-visit',
  'working-visit',
  'sidelines-meeting',
  'correspondence',
  'credentials',
  'meeting',
];
const TOPICS = [
  'bilateral-relations',
  'political-dialogue',
  'trade-economy',
  'investment',
  'humanitarian',
  'culture',
  'multilateral-cooperation',
  'regional-security',
  'energy',
  'transport',
  'education',
  'public-health',
];
const TOPIC_WORDS = {
  'bilateral-relations': 'the state of bilateral relations',
  'political-dialogue': 'the schedule of political consultations',
  'trade-economy': 'ways to raise trade beyond its present level',
  investment: 'protection of investments and joint ventures',
  humanitarian: 'humanitarian assistance and consular matters',
  culture: 'cultural exchanges and the coming culture days',
  'multilateral-cooperation': 'coordination inside international organizations',
  'regional-security': 'the security situation in the wider region',
  energy: 'energy supply and transit routes',
  transport: 'direct flights and freight corridors',
  education: 'scholarships and university partnerships',
  'public-health': 'cooperation on public health',
};
const ORGS = [
  ['un', 'United Nations', 'UN', 'international-organization'],
  ['osce', 'Organization for Security and Co-operation in Europe', 'OSCE', 'international-organization'],
  ['wto', 'World Trade Organization', 'WTO', 'international-organization'],
  ['unesco', 'United Nations Educational, Scientific and Cultural Organization', 'UNESCO', 'international-organization'],
  ['ipu', 'Inter-Parliamentary Union', 'IPU', 'parliamentary-assembly'],
  ['joint-commission', 'Joint Intergovernmental Commission on Trade and Economic Cooperation', undefined, 'bilateral-body'],
];
const PUBLISHERS = [
  'Ministry of Foreign Affairs',
  'State news agency',
  'National statistics office',
  'Presidential press service',
  'Daily newspaper',
];
const SOURCE_KINDS = ['ministry-statement', 'news-report', 'statistics', 'press-release', 'official-transcript'];

const pad = (n) => String(n).padStart(2, '0');
const round1 = (n) => Math.round(n * 10) / 10;

/**
 * One relationship: ~`contacts` engagements, `periods` yearly trade periods ending in 2025,
 * people with roles, sources, organizations, milestones, talking points and notes.
 * Valid against the schema and the semantic rules for as-of dates from 2026-01-01 on.
 */
export function generateRelationship(index, { seed = 42, contacts = 30, periods = 5 } = {}) {
  const r = createRandom(seed * 7919 + index * 104729 + contacts);
  const ia = index % COUNTRIES.length;
  const ib = (ia + 1 + Math.floor(index / COUNTRIES.length) + ((index * 7) % (COUNTRIES.length - 1))) % COUNTRIES.length;
  const [a, b] = [COUNTRIES[ia], COUNTRIES[ib === ia ? (ia + 1) % COUNTRIES.length : ib]];
  const round = Math.floor(index / COUNTRIES.length);
  const pairId = `${a[0]}-${b[0]}`.toLowerCase() + (round > 0 ? `-${round}` : '') + (contacts !== 30 ? `-x${contacts}` : '');
  const country = (c) => ({ code: c[0], code3: c[1], name: c[2], officialName: c[3], adjective: c[4], capital: c[5] });

  const sources = [];
  const nSources = 8 + Math.floor(contacts / 10);
  for (let i = 0; i < nSources; i++) {
    const year = 2012 + Math.floor((i * 14) / nSources);
    const kind = i === 0 ? 'statistics' : r.pick(SOURCE_KINDS);
    sources.push({
      id: `src-${i + 1}`,
      title:
        kind === 'statistics'
          ? `Foreign trade by partner country, ${2021 + (i % 5)}`
          : `${r.pick([a, b])[4]} ${r.pick(['officials discuss', 'ministers review', 'delegations meet on', 'leaders talk about'])} ${r.pick(Object.values(TOPIC_WORDS))}`,
      publisher: `${r.pick(PUBLISHERS)} (${r.pick([a, b])[2]})`,
      published: `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      kind,
    });
  }
  const srcIds = sources.map((s) => s.id);
  const cite = () => r.some(srcIds.slice(1), 1, 2);

  const people = [];
  for (const [side, c] of [
    [0, a],
    [1, b],
  ]) {
    for (const office of OFFICES.slice(0, 6)) {
      const id = `p${side}-${people.length + 1}`;
      people.push({
        id,
        name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
        country: c[0],
        roles: [{ title: `${office} of ${c[3]}`, country: c[0], sources: cite() }],
      });
    }
  }

  const engagements = [];
  for (let i = 0; i < contacts; i++) {
    const planned = i >= contacts - 2;
    const year = planned ? 2027 : 2012 + Math.floor((i * 14) / contacts);
    const date = planned ? `${year}-${pad(r.int(1, 12))}` : `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    const kind = r.pick(KINDS);
    const topics = r.some(TOPICS, 1, 3);
    const pa = r.pick(people.filter((p) => p.country === a[0]));
    const pb = r.pick(people.filter((p) => p.country === b[0]));
    const host = r.pick([a, b]);
    const e = {
      id: `e${String(i + 1).padStart(3, '0')}`,
      date,
      ...(planned ? { status: 'planned' } : {}),
      kind,
      title: `${kind === 'phone-call' ? 'Telephone conversation' : kind === 'correspondence' ? 'Exchange of letters' : 'Talks'} between ${pa.roles[0].title.split(' of ')[0]} ${pa.name} and ${pb.roles[0].title.split(' of ')[0]} ${pb.name}`,
      participants: [
        { person: pa.id, role: pa.roles[0].title },
        { person: pb.id, role: pb.roles[0].title },
      ],
      ...(kind.endsWith('visit') || kind === 'meeting' ? { place: host[5] } : {}),
      topics,
      summary: `The two sides discussed ${topics.map((t) => TOPIC_WORDS[t]).join(', ')}. ${r.pick([
        'They agreed to keep in close contact and to prepare the next session of the joint commission.',
        'Both noted that the volume of trade does not yet match the potential of the two economies.',
        'The talks ended with an invitation to continue the dialogue at a higher level next year.',
        'They compared their positions ahead of the coming multilateral meetings.',
      ])}`,
      ...(r.next() < 0.25
        ? {
            outcomes: [
              {
                kind: r.pick(['commitment', 'invitation', 'agreement']),
                text: `The sides agreed on ${r.pick(Object.values(TOPIC_WORDS))}.`,
              },
            ],
          }
        : {}),
      ...(r.next() < 0.3
        ? {
            organizations: r.some(
              ORGS.map((o) => o[0]),
              1,
              2,
            ),
          }
        : {}),
      ...(r.next() < 0.15 ? { visibility: 'internal' } : {}),
      sources: cite(),
    };
    engagements.push(e);
  }

  const trade = [];
  let x = 20 + r.next() * 400;
  let m = 10 + r.next() * 300;
  for (let i = 0; i < periods; i++) {
    const year = 2025 - periods + 1 + i;
    x = round1(x * (0.8 + r.next() * 0.45));
    m = round1(m * (0.8 + r.next() * 0.45));
    trade.push({
      id: `t${year}`,
      start: year,
      end: year,
      label: String(year),
      reporter: a[0],
      currency: 'USD',
      unit: 'million',
      exports: x,
      imports: m,
      turnover: round1(x + m),
      balance: round1(x - m),
      sources: ['src-1'],
    });
  }

  const relYear = 1991 + r.int(0, 8);
  const milestones = [
    {
      id: 'diplomatic-relations',
      kind: 'diplomatic-relations',
      title: 'Diplomatic relations established',
      date: `${relYear}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      status: 'past',
      sources: cite(),
    },
    {
      id: 'relations-35',
      kind: 'anniversary',
      title: '35th anniversary of diplomatic relations',
      date: relYear + 35,
      of: 'diplomatic-relations',
      ordinal: 35,
      status: 'planned',
      sources: cite(),
    },
    {
      id: 'treaty-signed',
      kind: 'treaty-signing',
      title: 'Treaty on Friendly Relations and Cooperation signed',
      date: relYear + r.int(2, 6),
      status: 'past',
      sources: cite(),
    },
    {
      id: 'commission-2027',
      kind: 'other',
      title: 'Next session of the joint commission',
      date: `2027-${pad(r.int(1, 12))}`,
      status: 'planned',
      sources: cite(),
    },
  ];

  const used = new Set(engagements.flatMap((e) => e.organizations ?? []));
  const organizations = ORGS.filter((o) => used.has(o[0])).map(([id, name, abbreviation, kind]) => ({
    id,
    name,
    ...(abbreviation ? { abbreviation } : {}),
    kind,
    sources: cite(),
  }));

  const rel = {
    schemaVersion: 1,
    pair: { id: pairId, title: `${a[2]} – ${b[2]}`, countries: [country(a), country(b)] },
    sources,
    people,
    engagements,
    agreements: {
      counts: [{ count: r.int(10, 90), asOf: 2024, scope: 'bilateral agreements in force', sources: cite() }],
      treaties: [
        { id: 'treaty-friendship', title: 'Treaty on Friendly Relations and Cooperation', signed: milestones[2].date, sources: cite() },
      ],
    },
    trade,
    organizations,
    milestones,
    talkingPoints: [
      {
        text: `Trade reached ${trade.at(-1).turnover} million USD in ${trade.at(-1).label}; both sides want it to grow.`,
        sources: ['src-1'],
      },
      { text: `The 35th anniversary of diplomatic relations falls in ${relYear + 35}.`, sources: milestones[1].sources },
      { text: `Political contacts were frequent: ${contacts} contacts since 2012.`, visibility: 'internal', sources: cite() },
      { text: 'The joint commission is the main channel for economic questions.', sources: cite() },
    ],
    notes: [
      {
        id: 'dq-trade-mirror',
        about: [trade[0].id],
        says: 'Figures as reported by one side only.',
        problem: 'Mirror statistics of the partner differ.',
        action: 'Reporter recorded; no adjustment made.',
        severity: 'info',
        sources: ['src-1'],
      },
    ],
  };
  // Every source must be cited somewhere, or validation warns; make sure of it.
  const cited = new Set(
    JSON.stringify(rel)
      .match(/"src-\d+"/g)
      ?.map((s) => s.slice(1, -1)),
  );
  for (const id of srcIds) if (!cited.has(id)) rel.talkingPoints[3].sources.push(id);
  return rel;
}

/** YAML text of one relationship, with the header every synthetic file carries. */
export function relationshipYaml(rel) {
  return `# SYNTHETIC BENCHMARK DATA (scripts/bench-corpus.mjs) — invented; describes no real events.\n${stringify(rel, { lineWidth: 0 })}`;
}

/** Writes `pairs` files into `dir`; returns their paths in order. */
export function writeCorpus(dir, { pairs = 10, seed = 42, contacts = 30, periods = 5, start = 0 } = {}) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = start; i < start + pairs; i++) {
    const rel = generateRelationship(i, { seed, contacts, periods });
    const file = join(dir, `${rel.pair.id}.yaml`);
    writeFileSync(file, relationshipYaml(rel));
    files.push(file);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'bench-results/corpus', pairs = '10', contacts = '30'] = process.argv.slice(2);
  const files = writeCorpus(dir, { pairs: Number(pairs), contacts: Number(contacts) });
  console.log(`${files.length} files in ${dir}`);
}
