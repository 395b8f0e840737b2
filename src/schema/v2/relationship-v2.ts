import { z } from 'zod';
import { CountryCode, factFields, Id, Inferred, PartialDate, SourceRefs } from '../common.js';
import {
  AgreementCount,
  Currency,
  Engagement,
  Milestone,
  Note,
  Participant,
  Relationship,
  Topic,
  TradePeriod,
  Treaty,
  Unit,
} from '../relationship.js';
import { DateRange, Period } from './dates.js';
import { Quantity } from './quantity.js';

/**
 * Version 2 of the relationship file (issue #16): every entity extends its version-1 schema,
 * so a change to a v1 field (e.g. free text that takes a per-language map) reaches v2 too.
 */

const quality = z.array(Id).optional().meta({ description: 'Ids of data-quality notes about this item.' });

/** Topics of v1 plus those real reports need; anything else goes in `tags`. */
export const TopicV2 = z.enum([
  ...Topic.options,
  'tourism',
  'migration',
  'defence',
  'agriculture',
  'industry',
  'parliamentary',
  'water',
  'borders',
  'interregional',
  'digital',
  'science',
  'sport',
  'logistics',
]);

const datesField = {
  date: PartialDate.optional().meta({ description: 'The day (or month, year) of a one-day event; for several days use `dates`.' }),
  dates: DateRange.optional(),
};

/** Exactly one of `date` and `dates`, reported at the key a writer would fix. */
function oneDateForm(v: { date?: unknown; dates?: unknown }, ctx: z.RefinementCtx): void {
  if (v.date !== undefined && v.dates !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['dates'],
      message: 'give either `date` (one day) or `dates: {start, end}` (several days), not both',
      params: { hint: 'keep `dates` and remove `date`, or the reverse for a one-day event' },
    });
  else if (v.date === undefined && v.dates === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: 'missing required field: `date` (one day) or `dates: {start, end}` (several days)',
      params: { hint: 'add `date: YYYY-MM-DD`, or `dates: {start: YYYY-MM-DD, end: YYYY-MM-DD}`' },
    });
}

export const ParticipantV2 = Participant.extend({
  roles: z.array(z.string().min(1)).min(1).optional().meta({ description: 'Several roles held that day (e.g. minister and commission co-chair); titles from the person\'s roles.' }),
});

export const TreatyKind = z.enum(['treaty', 'agreement', 'memorandum', 'declaration', 'statement', 'roadmap', 'action-plan', 'protocol', 'programme', 'other']);
export const TreatyLevel = z.enum(['interstate', 'intergovernmental', 'interagency', 'interparliamentary', 'interregional', 'other']);

/** One document signed at an engagement: a treaty of the file (by id) or a title only. */
export const SignedDocument = z.strictObject({
  treaty: Id.optional().meta({ description: 'The treaty under agreements.treaties, when it is recorded there.' }),
  title: z.string().min(1).optional().meta({ description: 'Title as reported, when the document has no treaty entry.' }),
  kind: TreatyKind.optional(),
  level: TreatyLevel.optional(),
});

export const SignedDocuments = z
  .strictObject({
    count: Quantity.optional().meta({ description: 'How many documents were signed, as reported ("18", {over: 20}).' }),
    list: z.array(SignedDocument).optional(),
    ...factFields,
  })
  .meta({ description: 'Documents signed at this engagement: how many, and those named.' });

export const EngagementV2 = Engagement.extend({
  ...datesField,
  participants: z.array(ParticipantV2).optional(),
  topics: z.array(TopicV2).optional(),
  mechanism: Id.optional().meta({ description: 'The bilateral mechanism (under mechanisms) this was a session of.' }),
  documents: SignedDocuments.optional(),
}).superRefine(oneDateForm);

export const Validity = z.strictObject({
  inForce: PartialDate.optional().meta({ description: 'Date of entry into force.' }),
  until: PartialDate.optional().meta({ description: 'Last day in force, when limited.' }),
  years: z.int().min(1).optional().meta({ description: 'Term in years, as stated.' }),
  renewal: z.enum(['automatic', 'none', 'by-agreement']).optional(),
  ...factFields,
});

export const TreatyV2 = Treaty.extend({
  kind: TreatyKind.optional(),
  level: TreatyLevel.optional(),
  aliases: z.array(z.string().min(1)).optional().meta({ description: 'Other names and translations of the title.' }),
  signedAt: Id.optional().meta({ description: 'The engagement at which it was signed.' }),
  validity: Validity.optional(),
  quality,
});

export const AgreementCountV2 = AgreementCount.extend({
  count: Quantity,
  quality,
});

export const AgreementsV2 = z.strictObject({
  counts: z.array(AgreementCountV2).optional(),
  treaties: z.array(TreatyV2).optional(),
});

const flows = {
  exports: Quantity.optional(),
  imports: Quantity.optional(),
  turnover: Quantity.optional(),
  balance: Quantity.optional(),
};

/** The partner's statistics for the same period: its exports are the reporter's imports. */
export const MirrorFigures = z
  .strictObject({
    ...flows,
    sources: SourceRefs.optional(),
    quality,
  })
  .meta({ description: "The partner country's own figures for the same period (exports = the partner's exports to the reporter)." });

export const TradePeriodV2 = TradePeriod.extend({
  reporter: z.union([CountryCode, z.literal('unknown')]).meta({ description: 'Country whose statistics these are, or unknown when the source does not say.' }),
  reporterInferred: Inferred.optional().meta({ description: 'Why the reporter is taken to be this country when the source does not name it.' }),
  ...flows,
  mirror: MirrorFigures.optional(),
});

export const IndicatorKind = z.enum(['target', 'growth', 'investment-stock', 'investment-flow', 'fund', 'count', 'volume', 'other']);

export const Indicator = z
  .strictObject({
    id: Id,
    kind: IndicatorKind,
    subject: z.string().min(1).meta({ description: 'What is measured, e.g. "mutual trade turnover", "enterprises with Azerbaijani capital in Uzbekistan".' }),
    value: Quantity,
    measure: z.string().min(1).optional().meta({ description: 'Unit of a count or volume: "enterprises", "tonnes", "projects"; "percent" for growth.' }),
    currency: Currency.optional(),
    unit: Unit.optional(),
    asOf: PartialDate.optional(),
    period: Period.optional().meta({ description: 'The period a flow, growth rate or volume covers.' }),
    deadline: PartialDate.optional().meta({ description: 'For a target: by when.' }),
    deadlineText: z.string().min(1).optional().meta({ description: 'For a target whose deadline is relative, as stated ("within five years").' }),
    country: CountryCode.optional().meta({ description: 'Whose figure it is (reporter, host or investor), when one side.' }),
    split: z.array(z.strictObject({ label: z.string().min(1), value: Quantity })).optional().meta({ description: 'Parts of a target or total, e.g. exports 600 and imports 500.' }),
    quality,
    ...factFields,
  })
  .meta({ description: 'An economic figure other than a trade period: target, growth rate, investment, count, physical volume.' });

export const CoChair = z.strictObject({
  person: Id,
  role: z.string().min(1).optional(),
  ...factFields,
});

export const Session = z
  .strictObject({
    number: z.int().min(1).optional().meta({ description: 'Its number as stated (13 for the 13th session).' }),
    ...datesField,
    place: z.string().min(1).optional(),
    engagement: Id.optional().meta({ description: 'The engagement that records this session, if any.' }),
    coChairs: z.array(CoChair).optional(),
    quality,
    ...factFields,
  })
  .superRefine(oneDateForm);

export const MechanismKind = z.enum(['supreme-council', 'intergovernmental-commission', 'business-council', 'forum', 'council', 'working-group', 'consultations', 'fund', 'other']);

export const Mechanism = z
  .strictObject({
    id: Id,
    name: z.string().min(1),
    kind: MechanismKind,
    aliases: z.array(z.string().min(1)).optional(),
    established: PartialDate.optional(),
    establishedBy: Id.optional().meta({ description: 'The treaty (under agreements.treaties) that set it up.' }),
    coChairs: z.array(CoChair).optional().meta({ description: 'Current co-chairs.' }),
    sessions: z.array(Session).optional(),
    quality,
    ...factFields,
  })
  .meta({ description: 'A body of the two countries only (commission, council, forum); multilateral bodies stay under organizations.' });

export const StatusLevel = z.enum(['diplomatic-relations', 'friendship', 'partnership', 'strategic-partnership', 'comprehensive-strategic-partnership', 'alliance', 'other']);

export const RelationshipStatus = z.strictObject({
  level: StatusLevel,
  label: z.string().min(1).optional().meta({ description: 'The wording used, e.g. "allied relations".' }),
  since: PartialDate,
  sinceInferred: Inferred.optional().meta({ description: 'Why this date, when the sources name the level without saying when it began (e.g. its first mention).' }),
  treaty: Id.optional().meta({ description: 'The document that set this level.' }),
  quality,
  ...factFields,
});

export const Quote = z.strictObject({
  id: Id,
  text: z.string().min(1).meta({ description: 'As published (in translation if the source is one).' }),
  speaker: Id.meta({ description: 'A person id.' }),
  engagement: Id.optional(),
  date: PartialDate.optional(),
  sources: SourceRefs.min(1),
  visibility: factFields.visibility,
  quality,
});

export const MilestoneV2 = Milestone.extend({
  kind: z.enum([...Milestone.shape.kind.options, 'themed-year', 'status-change', 'mechanism-established']),
  ...datesField,
  period: Period.optional().meta({ description: 'For a themed year or anything that lasts: start and end.' }),
}).superRefine((m, ctx) => {
  if (m.period === undefined) oneDateForm(m, ctx);
});

export const NoteV2 = Note.extend({
  about: z.array(z.string().min(1)).min(1).meta({ description: 'Ids of items (or data paths such as trade.az-2022.turnover) the note is about; checked.' }),
});

const v1 = Relationship.shape;

export const RelationshipV2 = z
  .strictObject({
    $schema: v1.$schema,
    schemaVersion: z.literal(2),
    pair: v1.pair,
    sources: v1.sources,
    people: v1.people,
    status: z.array(RelationshipStatus).optional().meta({ description: 'The level of the relationship over time.' }),
    engagements: z.array(EngagementV2).optional(),
    mechanisms: z.array(Mechanism).optional(),
    agreements: AgreementsV2.optional(),
    trade: z.array(TradePeriodV2).optional(),
    tradeFiles: v1.tradeFiles,
    indicators: z.array(Indicator).optional(),
    organizations: v1.organizations,
    milestones: z.array(MilestoneV2).optional(),
    quotes: z.array(Quote).optional(),
    talkingPoints: v1.talkingPoints,
    notes: z.array(NoteV2).optional(),
  })
  .meta({ title: 'bilat relationship (version 2)', description: 'One bilateral relationship, version 2: date ranges, documents signed, approximate figures, mechanisms, indicators, status over time, quotes.' });

export type RelationshipV2 = z.infer<typeof RelationshipV2>;
export type EngagementV2 = z.infer<typeof EngagementV2>;
export type TreatyV2 = z.infer<typeof TreatyV2>;
export type TradePeriodV2 = z.infer<typeof TradePeriodV2>;
export type Mechanism = z.infer<typeof Mechanism>;
export type Indicator = z.infer<typeof Indicator>;
export type MilestoneV2 = z.infer<typeof MilestoneV2>;
export type Quote = z.infer<typeof Quote>;
export type RelationshipStatus = z.infer<typeof RelationshipStatus>;
