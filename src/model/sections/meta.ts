import type { BriefView } from '../view-types.js';
import type { ViewContext } from './context.js';

/** The brief's header: pair, title, audience, as-of date, locale and generator. */
export function metaView(ctx: ViewContext): BriefView['meta'] {
  const { rel, opts, fmt, g, language } = ctx;
  const [a, b] = rel.pair.countries;
  // An English brief keeps the audience file's words (a user may rename a shipped audience).
  const own = (prefix: string, value: string) => (language === 'en' ? value : g.label(prefix, value.toLowerCase(), value));
  return {
    pairId: rel.pair.id,
    // Joined as written, without isolating the names: the title heads the page on its own.
    title: rel.pair.title ?? g.t('title.pair', { a: a.name, b: b.name }).replace(/[\u2068\u2069]/g, ''),
    audience: {
      id: opts.audience.id,
      label: language === 'en' ? opts.audience.label : g.label('audience', opts.audience.id, opts.audience.label),
      classification: own('classification', opts.audience.classification),
    },
    asOf: opts.asOf,
    asOfLabel: fmt.date(opts.asOf),
    locale: fmt.locale,
    lang: fmt.locale,
    language,
    generator: opts.generator ?? 'bilat',
  };
}

/** The pair's two countries, as the data names them. */
export function countriesView(ctx: ViewContext): BriefView['countries'] {
  return ctx.rel.pair.countries.map((c) => ({ ...c }));
}
