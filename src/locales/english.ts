import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Catalog } from './keys.js';
import { PACKAGE_ROOT } from '../package-root.js';

let english: Catalog | undefined;

/** The shipped English catalog: the default of every grammar, and the fallback of every key. */
export function englishCatalog(): Catalog {
  english ??= (parse(readFileSync(join(PACKAGE_ROOT, 'templates', 'locales', 'en.yaml'), 'utf8')) as { messages: Catalog }).messages;
  return english;
}
