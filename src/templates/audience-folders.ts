import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** The shipped templates folder, `<package>/templates`: the three audiences and `shared/`. */
export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'templates');

/**
 * The audiences one template folder defines: its sub-folders (or links to folders) that hold a
 * `brief.hbs`. `shared/` holds partials and styles, not an audience, and hidden folders (`.git`,
 * an editor's `.backup/`) are never audiences. The one rule for `bilat build`, `bilat templates
 * list` and the job checks; a folder that cannot be read throws.
 */
export function audienceFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && name !== 'shared' && existsSync(join(dir, name, 'brief.hbs')))
    .sort();
}

/** Audience names across several template folders, sorted; folders missing or unreadable are skipped. */
export function audienceNames(dirs: readonly (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    if (!dir) continue;
    try {
      for (const name of audienceFolders(dir)) names.add(name);
    } catch {
      continue;
    }
  }
  return [...names].sort();
}
