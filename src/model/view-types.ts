/** What templates see. Everything here is already filtered for the audience and formatted. */
export interface Ref {
  n: number;
  id: string;
}

export interface Flag {
  /** The note's number in the notes section ("Data note 3"), never its id. */
  note: string;
  text: string;
}

export interface DateView {
  raw: string;
  label: string;
  precision: 'year' | 'month' | 'day';
  iso: string;
  inferred?: string;
  /** After the as-of date without being planned: shown flagged, left out of charts. */
  suspect: boolean;
  /** Last day of a span of days (schema version 2 `dates`); `label` then reads as the range. */
  end?: string;
}

export interface PersonView {
  id: string;
  name: string;
  aliases: string[];
  country: string;
  countryName: string;
  roles: { title: string; period?: string; refs: Ref[] }[];
  flags: Flag[];
}

export interface EngagementView {
  id: string;
  date: DateView;
  kind: string;
  kindLabel: string;
  title: string;
  status: string;
  participants: { name: string; role?: string; country: string }[];
  place?: string;
  occasion?: string;
  organizations: { id: string; label: string }[];
  topics: string[];
  tags: string[];
  summary?: string;
  outcomes: { kind: string; text: string; refs: Ref[] }[];
  refs: Ref[];
  flags: Flag[];
  internal: boolean;
  /** Counted as a high-level contact: names a participant, or its kind says principals met (src/model/mechanisms.ts). */
  highLevel: boolean;
  /** Documents signed at it (schema version 2). */
  documents?: DocumentsView;
}

/** Documents signed at an engagement: "over 20 documents signed", and those named. */
export interface DocumentsView {
  countLabel?: string;
  /** `kind`: "interagency roadmap", when the data says. */
  list: { title: string; kind?: string }[];
  refs: Ref[];
}

/** A bilateral mechanism (commission, council, forum) with its sessions (schema version 2). */
export interface MechanismView {
  /** The data's id (for tests and links; never printed). */
  id: string;
  name: string;
  abbreviation?: string;
  /** Its kind in words ("intergovernmental commission"); empty when the data does not say. */
  kind: string;
  aliases: string[];
  established?: string;
  coChairs: string[];
  /** `label`: "13th session"; `when`: "11 July 2024" or "22–23 August 2024". */
  sessions: { label?: string; when: string; place?: string; coChairs: string[]; refs: Ref[] }[];
  /** Contacts held within it ("12 March 2024: Meeting …"), and how many. */
  engagements: string[];
  mentions: number;
  refs: Ref[];
  flags: Flag[];
}

/** A target, growth rate, investment, count or volume, printed as reported ("over 260 enterprises"). */
export interface IndicatorView {
  kind: string;
  subject: string;
  value: string;
  split: string[];
  period?: string;
  asOf?: string;
  /** A target's deadline, a date or as stated ("within five years"). */
  by?: string;
  refs: Ref[];
}

export interface StatusView {
  level: string;
  label?: string;
  since: string;
  /** `since` is the first mention in the sources, not a stated start. */
  inferred: boolean;
  treaty?: string;
  refs: Ref[];
}

export interface QuoteView {
  text: string;
  speaker: string;
  date?: string;
  refs: Ref[];
}

export interface TradeView {
  id: string;
  label: string;
  /** The period in running text: "in January–June 2025", "in 2025", "on 3 March 2025". */
  during: string;
  /** The period as written (YYYY, YYYY-MM or YYYY-MM-DD). */
  start: string;
  end: string;
  reporter: string;
  reporterName: string;
  partnerName: string;
  currency: string;
  unit: string;
  unitLabel: string;
  exports?: number;
  imports?: number;
  turnover?: number;
  balance?: number;
  /** Computed by bilat from exports and imports: the source gives no such figure. */
  turnoverComputed: boolean;
  balanceComputed: boolean;
  /** Covers less than whole calendar years (e.g. January–June): not comparable with full years. */
  partial: boolean;
  /** Figures the source gives as approximations, printed as such ("over 11"), by field (schema version 2). */
  qualified?: Partial<Record<'exports' | 'imports' | 'turnover' | 'balance', string>>;
  refs: Ref[];
  flags: Flag[];
}

export interface KeyFigure {
  value: string;
  unit?: string;
  /** The figure as reported, when `value`/`unit` show it in a larger scale (a headline). */
  reported?: string;
  label: string;
  refs: Ref[];
}

export interface SourceView {
  n: number;
  id: string;
  title: string;
  publisher: string;
  relays: string[];
  via?: string;
  /** Who to credit: the publisher, or the original "via" the relaying outlet ("Azertag via Unnamed news outlet"). */
  credit: string;
  published?: string;
  publishedInferred?: string;
  kind: string;
  url?: string;
}

export interface NoteView {
  id: string;
  /** Its number in the notes section: what a reader sees instead of the id. */
  n: number;
  about: string[];
  /** `about` as a reader should see it: the items' titles and dates (src/model/readable.ts). */
  aboutLabels: string[];
  says: string;
  problem: string;
  action: string;
  severity: string;
  refs: Ref[];
}

export interface BriefView {
  meta: {
    pairId: string;
    title: string;
    audience: { id: string; label: string; classification: string };
    asOf: string;
    asOfLabel: string;
    locale: string;
    lang: string;
    /** The catalog's language: `en`, `ru`, `az`. */
    language: string;
    generator: string;
  };
  countries: { code: string; code3: string; name: string; officialName: string; capital: string; adjective?: string }[];
  keyFigures: KeyFigure[];
  talkingPoints: { text: string; refs: Ref[] }[];
  overview: { text: string; refs: Ref[] }[];
  engagements: EngagementView[];
  latestEngagement?: EngagementView;
  /** Held contacts with trustworthy dates, newest first (for short briefs). */
  recentContacts: EngagementView[];
  contactsByYear: {
    rows: { year: number; kind: string; count: number }[];
    kindLabels: Record<string, string>;
    excluded: number;
    /** Forums and sessions naming no participant: listed in the timeline, not counted. */ forums: number;
    refs: Ref[];
  };
  trade: {
    periods: TradeView[];
    latest?: TradeView;
    /** Who reports the rows, in the pair's order: more than one means figures from both sides. */
    reporters: { code: string; name: string; partnerName: string }[];
    /** The unit every row shares ("million USD"); undefined when rows differ (the table names each). */
    unitLabel?: string;
    /** Under the table, when rows come from both sides: whose exports and imports each row holds. */
    perspectiveNote?: string;
    /** Under the table, when some turnover or balance is bilat's arithmetic, not the source's. */
    computedNote?: string;
  };
  agreements: {
    /** In date order. */
    counts: AgreementCountView[];
    treaties: TreatyView[];
    /** The count headlined: the latest running total (src/model/headline.ts), not the file's last entry. */
    total?: AgreementCountView;
    /** The treaty the summary names: by kind, milestone and date (src/model/headline.ts). */
    lead?: TreatyView;
  };
  /** Organizations and formats with other members: multilateral cooperation. */
  organizations: OrganizationView[];
  /** The pair's own bodies (commissions, councils, forums): never listed as multilateral (src/model/mechanisms.ts). */
  mechanisms: MechanismView[];
  people: PersonView[];
  milestones: { past: MilestoneView[]; planned: MilestoneView[] };
  /** `label`: "30th anniversary of the establishment of diplomatic relations"; `when`: "this year", "in 2 years". */
  anniversaries: { title: string; label: string; year: number; ordinal: string; yearsAway: number; when: string; refs: Ref[] }[];
  invitations: { text: string; by?: string; to?: string; date: string; refs: Ref[] }[];
  notes: NoteView[];
  sources: SourceView[];
  /** Schema version 2: economic indicators, status over time, quotes (empty for v1 files). */
  indicators?: IndicatorView[];
  status?: StatusView[];
  quotes?: QuoteView[];
  /** Counts, to let templates drop empty sections. */
  has: Record<string, boolean>;
  /** Set when a one-page brief was shortened to fit (src/render/fit-page.ts). */
  fit?: PageFit;
}

/** What a one-page brief left out to fit, so the page can say so. */
export interface PageFit {
  /** Sources as short citations (publisher, date) in one paragraph. */
  shortSources: boolean;
  /** Items the analyst brief has beyond those shown; 0 when that list was not cut. */
  contactsMore: number;
  milestonesMore: number;
  pointsMore: number;
}

export interface MilestoneView {
  id: string;
  title: string;
  date: DateView;
  kind: string;
  refs: Ref[];
}

export interface AgreementCountView {
  count: number;
  /** The count as reported when approximate ("over 150"). */
  countLabel?: string;
  asOf: string;
  /** The as-of date as written. */
  asOfDate: string;
  scope?: string;
  /** The scope as written, or "agreement(s)" agreeing with the count. */
  scopeLabel: string;
  refs: Ref[];
}

export interface TreatyView {
  id: string;
  title: string;
  signed?: string;
  /** The signing date as written (its precision picks the preposition). */
  signedDate?: string;
  signedInferred?: string;
  refs: Ref[];
  /** Schema version 2: "interstate treaty", other names. */
  kind?: string;
  aliases?: string[];
}

export interface OrganizationView {
  id: string;
  name: string;
  abbreviation?: string;
  mentions: number;
  engagements: string[];
  refs: Ref[];
  flags: Flag[];
}
