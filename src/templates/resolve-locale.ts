import { BilatError } from '../errors.js';
import { availableLanguages, loadCatalog, type LoadedCatalog } from './catalogs.js';

/** A brief's language: its catalog, and the locale its dates and numbers follow. */
export interface BriefLocale extends LoadedCatalog {
  /** As asked for (`ru`, `en-GB`): names the output files of a non-default language. */
  tag: string;
}

/**
 * `--locale ru`, `az`, `en`, or a regional tag of a language with a catalog (`en-US`: English
 * words, US dates and numbers). Anything else is a usage error listing the languages there are.
 */
export function resolveLocale(tag: string, userDir?: string): BriefLocale {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0] ?? '';
  } catch {
    canonical = '';
  }
  const language = canonical.split('-')[0]!.toLowerCase();
  const available = availableLanguages(userDir);
  if (!canonical || !available.includes(language)) {
    throw new BilatError('E_USAGE', `unknown locale "${tag}" (available: ${available.join(', ')}; a regional form such as en-US also works)`);
  }
  const loaded = loadCatalog(language, userDir);
  // A bare language takes the catalog's own locale (ru → ru-RU); a regional tag is kept as asked.
  return { ...loaded, intl: canonical.includes('-') ? canonical : loaded.intl, tag: canonical };
}
