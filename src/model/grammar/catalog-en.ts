/**
 * Every sentence frame bilat writes around data, in English. A frame is a string with
 * `{name}` slots, or one string per plural category (CLDR: zero, one, two, few, many, other)
 * chosen by Intl.PluralRules. Another language is another catalog with the same keys.
 */
export type Frame = string | Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Catalog = Record<MessageKey, Frame>;

export const en = {
  // A date in running text, with the preposition its precision takes.
  'date.on.day': 'on {date}',
  'date.on.month': 'in {date}',
  'date.on.year': 'in {date}',
  // Two different dates in running text (equal ones collapse to date.on.*).
  'span.from-to': 'from {start} to {end}',
  // A period in running text, by its label.
  'period.in': 'in {period}',
  // A tenure or period with an open end.
  'period.open-end': '{start} – present',
  'period.open-start': 'until {end}',
  // Ordinal numbers: 1st, 2nd, 3rd, 4th, 11th, 21st.
  ordinal: { one: '{n}st', two: '{n}nd', few: '{n}rd', other: '{n}th' },
  'when.this-year': 'this year',
  'when.in-years': { one: 'in {n} year', other: 'in {n} years' },
  // What a milestone marks, by its kind: "the 30th anniversary of {event}".
  'event.diplomatic-relations': 'the establishment of diplomatic relations',
  'event.treaty-signing': 'the signing of the {treaty}',
  // A title that takes no English article (its own "The", or another script).
  'event.treaty-signing.bare': 'the signing of {treaty}',
  'event.other': '{title}',
  // The same, with the date the event took place, in the precision the data gives.
  'event.diplomatic-relations.dated': 'the establishment of diplomatic relations {on}',
  'event.treaty-signing.dated': 'the {treaty}, signed {on}',
  'event.treaty-signing.bare.dated': '{treaty}, signed {on}',
  // A founding event whose wording the data does not give (a treaty-signing naming no treaty): its title, quoted.
  'event.other.dated': '“{title}” ({date})',
  'anniversary.of': '{ordinal} anniversary of {event}',
  // Key figures: the value is printed apart, so the label agrees with it.
  'figure.turnover': 'trade turnover, {period}',
  'figure.exports-imports': "{reporter}'s exports / imports",
  // A name in another script takes no English possessive.
  'figure.exports-imports.of': 'exports / imports of {reporter}',
  'figure.count-as-of': '{scope} (as of {date})',
  'figure.years-relations': { one: 'year of diplomatic relations (since {date})', other: 'years of diplomatic relations (since {date})' },
  'figure.contacts': { one: 'high-level contact on record', other: 'high-level contacts on record' },
  'noun.agreement': { one: 'agreement', other: 'agreements' },
  // Overview sentences.
  'overview.relations-since': 'Diplomatic relations date from {date}.',
  'overview.treaty-signed': 'The {title} was signed {on}.',
  'overview.treaty-signed.bare': '{title} was signed {on}.',
  'overview.contacts': {
    one: '{n} high-level contact on record: {title} ({date}).',
    other: '{n} high-level contacts on record {span}; the most recent: {title} ({date}).',
  },
  'overview.count': '{count} {scope} as of {date}.',
  'overview.trade': 'Trade {during}, as reported by {reporter}: {figures}.',
  'trade.turnover': 'turnover {value}',
  'trade.exports': 'exports {value}',
  'trade.imports': 'imports {value}',
  'trade.balance': 'balance {value}',
  // A figure bilat computed (turnover = exports + imports, balance = exports − imports), not the source.
  'trade.computed': '{value} (computed)',
  // Under the trade table: whose exports and imports the rows hold.
  'trade.note.many': "Exports and imports are the reporting country's ({list}); each balance is that country's exports minus its imports.",
  'trade.note.rows-of': 'rows reported by {reporter} have {partner} as partner',
  'trade.note.computed': '† Computed by bilat from exports and imports; the source does not give this figure.',
  'list.sep': ', ',
  'figure.by-reporter': '{label}, as reported by {reporter}',
  'figure.computed': '{label} (computed)',
  // Talking points derived from the data.
  'point.invitation': 'Open invitation ({date}): {text}',
  'point.anniversary': 'Coming up {when}: the {anniversary}.',
  'point.trade': 'Latest reported trade: {value} {during}.',
  // Charts and source credits.
  'chart.contacts-left-out': {
    one: 'Leaves out {n} contact that is planned or whose date is questionable (flagged in the timeline).',
    other: 'Leaves out {n} contacts that are planned or whose dates are questionable (flagged in the timeline).',
  },
  'chart.forums-left-out': {
    one: 'Leaves out {n} forum or session that names no participant (listed in the timeline).',
    other: 'Leaves out {n} forums or sessions that name no participant (listed in the timeline).',
  },
  'chart.trade-left-out': {
    one: 'Leaves out {n} period given in another currency (see the table).',
    other: 'Leaves out {n} periods given in another currency (see the table).',
  },
  // A title the data marks as descriptive, not official (src/model/descriptive.ts).
  'title.descriptive': '{title} (descriptive title, not official)',
  // What a reader sees instead of an item's id (a note's "about", a data-note flag).
  'label.dated': '{title} ({date})',
  'label.source': 'source [{n}]',
  'label.note': 'note {n}',
  'label.trade': 'trade {during}, as reported by {reporter}',
  'label.field': '{item}: {field}',
  // A figure the source gives as an approximation (schema version 2): "over 150", "about 11".
  'quantity.approx': 'about {value}',
  'quantity.over': 'over {value}',
  'quantity.atLeast': 'at least {value}',
  'quantity.atMost': 'up to {value}',
  'quantity.under': 'under {value}',
  'quantity.range': '{value}–{to}',
  // Documents signed at an engagement, and sessions of a bilateral mechanism.
  'documents.signed': { one: '{count} document signed', other: '{count} documents signed' },
  'session.nth': '{ordinal} session',
  'credit.via': '{publisher} via {outlet}',
  'credit.line': { one: 'Source: {list}', other: 'Sources: {list}' },
} as const;

export type MessageKey = keyof typeof en;
