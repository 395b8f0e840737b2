/** What templates see. Everything here is already filtered for the audience and formatted. */
export interface Ref {
  n: number;
  id: string;
}

export interface Flag {
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
}

export interface TradeView {
  id: string;
  label: string;
  /** The period in running text: "in January–June 2025", "in 2025", "on 3 March 2025". */
  during: string;
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
  /** Covers less than whole calendar years (e.g. January–June): not comparable with full years. */
  partial: boolean;
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
  about: string[];
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
  contactsByYear: { rows: { year: number; kind: string; count: number }[]; kindLabels: Record<string, string>; excluded: number; refs: Ref[] };
  trade: { periods: TradeView[]; latest?: TradeView };
  agreements: { counts: { count: number; asOf: string; scope?: string; /** The scope as written, or "agreement(s)" agreeing with the count. */ scopeLabel: string; refs: Ref[] }[]; treaties: { title: string; signed?: string; /** The signing date as written (its precision picks the preposition). */ signedDate?: string; signedInferred?: string; refs: Ref[] }[] };
  organizations: { id: string; name: string; abbreviation?: string; mentions: number; engagements: string[]; refs: Ref[]; flags: Flag[] }[];
  people: PersonView[];
  milestones: { past: MilestoneView[]; planned: MilestoneView[] };
  /** `label`: "30th anniversary of the establishment of diplomatic relations"; `when`: "this year", "in 2 years". */
  anniversaries: { title: string; label: string; year: number; ordinal: string; yearsAway: number; when: string; refs: Ref[] }[];
  invitations: { text: string; by?: string; to?: string; date: string; refs: Ref[] }[];
  notes: NoteView[];
  sources: SourceView[];
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
