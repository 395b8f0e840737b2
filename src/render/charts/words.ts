/**
 * The words a chart draws and says (title, bar names, legend, subtitles, text alternative), as
 * frames with {slots}. English by default; a brief in another language passes its catalog's.
 */
export interface ChartWords {
  tradeTitle: string;
  periodsSpan: string;
  exportsTo: string;
  importsFrom: string;
  turnover: string;
  balance: string;
  noData: string;
  partialNote: string;
  partial: string;
  contactsTitle: string;
  contactsAxis: string;
  noContacts: string;
  none: string;
  altSplit: string;
  altSeries: string;
  altContacts: string;
  /** A series of one reporting country's figures, when both report ("Balance reported by X"). */
  reportedBy: string;
  partialBalance: string;
  /** Added to the title when the series draws each reporter apart. */
  byReporter: string;
  /** The amounts' unit in words ("million USD"); default the unit and currency as given. */
  unit?: string;
}

export const ENGLISH_CHART_WORDS: ChartWords = {
  tradeTitle: '{reporter} – {partner} trade, {period}',
  periodsSpan: '{first} to {last}',
  exportsTo: 'Exports to {partner}',
  importsFrom: 'Imports from {partner}',
  turnover: 'Turnover',
  balance: 'Balance',
  noData: 'no data',
  partialNote: 'Hatched bars: part of a year only',
  partial: 'part of a year',
  contactsTitle: 'High-level contacts per year{span}',
  contactsAxis: 'number of contacts',
  noContacts: 'No contacts recorded',
  none: 'none',
  altSplit: 'Bar chart: {title}, in {unit}',
  altSeries: 'Bar and line chart: {title}, in {unit}',
  altContacts: 'Stacked bar chart: {title}, {unit}',
  reportedBy: '{series} reported by {reporter}',
  partialBalance: 'Balance (part of a year)',
  byReporter: ', by reporting country',
};

export const chartWords = (w?: Partial<ChartWords>): ChartWords => ({ ...ENGLISH_CHART_WORDS, ...w });

/** A frame with its slots filled; a slot without a value stays as written. */
export const frame = (text: string, vars: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? vars[k]! : m));
