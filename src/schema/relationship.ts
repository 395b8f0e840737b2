import { z } from 'zod';
import { CountryCode, factFields, Id, Inferred, LanguageCode, localizedText, PartialDate, Visibility, SourceRefs, TradeFilePath, SourceUrl } from './common.js';
import type { PlainText } from './plain-text.js';

export const Country = z.strictObject({
  code: CountryCode.meta({ description: 'ISO 3166-1 alpha-2.' }),
  code3: z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 3166-1 alpha-3 code such as AZE' }),
  name: localizedText('Short name, e.g. Kyrgyzstan.'),
  officialName: localizedText('Official name, e.g. Kyrgyz Republic.'),
  adjective: localizedText('e.g. Azerbaijani.').optional(),
  capital: localizedText(),
});

export const Pair = z.strictObject({
  id: Id,
  title: localizedText('Display title; default "A – B".').optional(),
  countries: z.tuple([Country, Country]),
});

export const SourceKind = z.enum([
  'news-report',
  'ministry-statement',
  'official-transcript',
  'press-release',
  'statistics',
  'treaty-text',
  'other',
]);

export const Source = z.strictObject({
  id: Id,
  title: localizedText(),
  publisher: z.string().min(1).meta({ description: 'Outlet or institution that published it.' }),
  published: PartialDate.optional(),
  publishedInferred: Inferred.optional(),
  url: SourceUrl.optional(),
  kind: SourceKind,
  relays: z.array(z.string().min(1)).optional().meta({ description: 'Original publishers this copy reports (e.g. a ministry website, a news agency); credits read "<relays> via <publisher>".' }),
  via: z.string().min(1).optional().meta({ description: 'Outlet through which the publisher\'s text was read (e.g. a news agency relaying a ministry); credits read "<publisher> via <via>".' }),
  file: z.string().optional().meta({ description: 'Where a copy of the source text is kept (informational).' }),
  quality: z.array(Id).optional(),
  visibility: Visibility.optional(),
});

export const Role = z.strictObject({
  title: localizedText('Office as stated, e.g. Minister of Foreign Affairs.'),
  country: CountryCode,
  organization: localizedText().optional(),
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  ...factFields,
});

export const Person = z.strictObject({
  id: Id,
  name: localizedText('Name in its official spelling; per language, e.g. {en: Ceyhun Bayramov, ru: Джейхун Байрамов}.'),
  aliases: z.array(z.string().min(1)).optional().meta({ description: 'Other spellings and transliterations.' }),
  country: CountryCode,
  roles: z.array(Role).min(1),
  quality: z.array(Id).optional(),
  ...factFields,
});

export const EngagementKind = z.enum([
  'meeting',
  'phone-call',
  'video-call',
  'official-visit',
  'state-visit',
  'working-visit',
  'credentials',
  'sidelines-meeting',
  'correspondence',
  'other',
]);

export const Topic = z.enum([
  'bilateral-relations',
  'political-dialogue',
  'trade-economy',
  'investment',
  'humanitarian',
  'culture',
  'multilateral-cooperation',
  'regional-security',
  'post-conflict',
  'public-health',
  'afghanistan',
  'energy',
  'transport',
  'education',
  'anniversaries',
  'invitations',
]);

export const Participant = z.strictObject({
  person: Id,
  role: z.string().min(1).optional().meta({ description: 'Title of the role (from the person\'s roles, in the data\'s language) held that day.' }),
});

export const Outcome = z.strictObject({
  kind: z.enum(['invitation', 'agreement', 'commitment', 'statement', 'decision']),
  text: localizedText('In your own words.'),
  by: Id.optional(),
  to: Id.optional(),
  ...factFields,
});

export const EngagementStatus = z.enum(['held', 'planned', 'reported']);

export const Engagement = z.strictObject({
  id: Id,
  date: PartialDate,
  dateInferred: Inferred.optional(),
  status: EngagementStatus.optional().meta({ description: 'held (default), planned (future date allowed) or reported.' }),
  kind: EngagementKind,
  title: localizedText().optional(),
  participants: z.array(Participant).optional(),
  place: localizedText().optional(),
  occasion: localizedText().optional(),
  organizations: z.array(Id).optional(),
  topics: z.array(Topic).optional(),
  tags: z.array(z.string().min(1)).optional(),
  summary: localizedText().optional(),
  outcomes: z.array(Outcome).optional(),
  quality: z.array(Id).optional().meta({ description: 'Ids of data-quality notes about this item.' }),
  ...factFields,
});

export const AgreementCount = z.strictObject({
  count: z.int().min(0),
  asOf: PartialDate,
  asOfInferred: Inferred.optional(),
  scope: localizedText().optional(),
  ...factFields,
});

export const Treaty = z.strictObject({
  id: Id,
  title: localizedText(),
  signed: PartialDate.optional(),
  signedInferred: Inferred.optional(),
  place: localizedText().optional(),
  ...factFields,
});

export const Agreements = z.strictObject({
  counts: z.array(AgreementCount).optional(),
  treaties: z.array(Treaty).optional(),
});

export const Unit = z.enum(['one', 'thousand', 'million', 'billion']);

export const Currency = z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 currency code such as USD' });

export const TradePeriod = z.strictObject({
  id: Id,
  start: PartialDate,
  end: PartialDate,
  label: localizedText('e.g. January–October 2018.').optional(),
  reporter: CountryCode.meta({ description: 'Country whose statistics these are; exports are its exports to the partner.' }),
  currency: Currency,
  unit: Unit,
  exports: z.number().optional(),
  imports: z.number().optional(),
  turnover: z.number().optional(),
  balance: z.number().optional(),
  quality: z.array(Id).optional(),
  ...factFields,
});

/**
 * Trade periods kept in a CSV file: one row per period, columns named like the fields of a
 * trade period. The entry gives defaults for cells left empty or columns left out.
 */
export const TradeFile = z
  .strictObject({
    path: TradeFilePath,
    reporter: CountryCode.optional().meta({ description: 'Default reporter for rows that leave it empty.' }),
    currency: Currency.optional().meta({ description: 'Default currency for rows that leave it empty.' }),
    unit: Unit.optional().meta({ description: 'Default unit for rows that leave it empty.' }),
    quality: z.array(Id).optional().meta({ description: 'Default data-quality notes for rows that leave them empty.' }),
    sources: SourceRefs.optional().meta({ description: 'Default sources for rows whose sources cell is empty.' }),
    visibility: Visibility.optional().meta({ description: 'Default visibility for rows that leave it empty.' }),
  })
  .meta({ description: 'Trade periods read from a CSV file (header row with the trade period field names; empty cell = not given).' });

export const Organization = z.strictObject({
  id: Id,
  name: localizedText(),
  abbreviation: localizedText().optional(),
  aliases: z.array(z.string().min(1)).optional(),
  kind: z.enum(['international-organization', 'regional-format', 'parliamentary-assembly', 'foundation', 'bilateral-body', 'other']).optional(),
  quality: z.array(Id).optional(),
  ...factFields,
});

export const Milestone = z.strictObject({
  id: Id,
  kind: z.enum(['diplomatic-relations', 'treaty-signing', 'anniversary', 'summit', 'visit', 'other']),
  title: localizedText(),
  date: PartialDate,
  dateInferred: Inferred.optional(),
  status: z.enum(['past', 'planned']).optional(),
  of: Id.optional().meta({ description: 'For an anniversary: the milestone it marks.' }),
  ordinal: z.int().min(1).optional().meta({ description: 'For an anniversary: which one (25 for the 25th).' }),
  treaty: Id.optional().meta({ description: 'For a treaty-signing: the treaty (an id under agreements.treaties) it marks; anniversaries then name it.' }),
  organization: Id.optional(),
  quality: z.array(Id).optional(),
  ...factFields,
});

export const Note = z.strictObject({
  id: Id,
  about: z.array(z.string().min(1)).min(1).meta({ description: 'Item ids or data paths the note is about.' }),
  says: localizedText('What the source says (quoted raw value).'),
  problem: localizedText('What looks wrong or uncertain.'),
  action: localizedText('What the dataset does about it.'),
  severity: z.enum(['error', 'uncertain', 'info']).optional(),
  sources: SourceRefs.optional(),
});

export const TalkingPoint = z.strictObject({
  text: localizedText(),
  audiences: z.array(z.string().min(1)).optional().meta({ description: 'Limit to these audiences; default all that may see it.' }),
  ...factFields,
});

export const Relationship = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    language: LanguageCode.optional().meta({ description: 'Language of the texts written as plain strings (default en); a brief in another language uses their translations, e.g. summary: {en: "…", ru: "…"}.' }),
    pair: Pair,
    sources: z.array(Source).min(1),
    people: z.array(Person).optional(),
    engagements: z.array(Engagement).optional(),
    agreements: Agreements.optional(),
    trade: z.array(TradePeriod).optional(),
    tradeFiles: z.array(TradeFile).optional().meta({ description: 'CSV files whose rows are added to trade, after the periods written here.' }),
    organizations: z.array(Organization).optional(),
    milestones: z.array(Milestone).optional(),
    talkingPoints: z.array(TalkingPoint).optional(),
    notes: z.array(Note).optional(),
  })
  .meta({ title: 'bilat relationship', description: 'One bilateral relationship: contacts, people, agreements, trade, organizations, milestones and their sources.' });

/** The data as written: free text may be a map per language. */
export type RelationshipSource = z.infer<typeof Relationship>;
/** The data in one language (model/localize.ts): every free text a string. What rules and the model read. */
export type Relationship = PlainText<RelationshipSource>;
export type Country = PlainText<z.infer<typeof Country>>;
export type Source = PlainText<z.infer<typeof Source>>;
export type Person = PlainText<z.infer<typeof Person>>;
export type Role = PlainText<z.infer<typeof Role>>;
export type Engagement = PlainText<z.infer<typeof Engagement>>;
export type EngagementKind = z.infer<typeof EngagementKind>;
export type Outcome = PlainText<z.infer<typeof Outcome>>;
export type TradePeriod = PlainText<z.infer<typeof TradePeriod>>;
export type TradeFile = z.infer<typeof TradeFile>;
export type Organization = PlainText<z.infer<typeof Organization>>;
export type Milestone = PlainText<z.infer<typeof Milestone>>;
export type Note = PlainText<z.infer<typeof Note>>;
export type Treaty = PlainText<z.infer<typeof Treaty>>;
export type AgreementCount = PlainText<z.infer<typeof AgreementCount>>;
export type TalkingPoint = PlainText<z.infer<typeof TalkingPoint>>;
