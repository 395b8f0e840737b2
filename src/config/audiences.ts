import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** Shipped templates: `<package>/templates`. */
export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

/**
 * Audience names a job may ask for: folders with a `brief.hbs` in the shipped templates and in
 * the user's template folder (`shared/` holds partials, not an audience). Same rule as the
 * pipeline's `listAudiences` (src/templates/resolve.ts).
 */
export function listAudiences(dirs: readonly (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    if (!dir) continue;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'shared') continue;
      if (existsSync(join(dir, e.name, 'brief.hbs'))) names.add(e.name);
    }
  }
  return [...names].sort();
}
