import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { BilatError } from '../errors.js';
import { copyFolderSync } from '../write/copy-folder.js';
import { BUILTIN_TEMPLATES, listAudiences } from './resolve.js';

/**
 * `bilat templates new <name> --from <audience>`: copy one audience (its brief.hbs,
 * audience.yaml and local partials) into the user's template folder. Shared partials are
 * not copied: the new audience keeps using them, and keeps receiving their fixes.
 */
export function scaffoldAudience(name: string, from: string, dir: string): string[] {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new BilatError('E_USAGE', `audience name "${name}" must be lower-case letters, digits and "-"`);
  if (name === 'shared') throw new BilatError('E_USAGE', '"shared" is reserved for partials used by every audience');
  // In bilat's own checkout "templates" is the shipped folder: never write there, nor below
  // it, nor through a link to it.
  if (insideShipped(dir)) throw new BilatError('E_USAGE', `${dir} is bilat's own template folder; scaffold into one of yours, e.g. --templates my-templates`);
  const target = resolve(dir, name);
  if (existsSync(target)) throw new BilatError('E_USAGE', `${target} already exists (choose another name or delete it)`);
  const userDir = existsSync(dir) ? dir : undefined;
  const source = listAudiences(userDir).find((a) => a.id === from);
  if (!source) throw new BilatError('E_USAGE', `unknown audience "${from}" to copy from (known: ${listAudiences(userDir).map((a) => a.id).join(', ')})`);
  // All or nothing: a half-copied audience (a full disk) would be listed and fail later.
  copyFolderSync(source.dir, target, {
    'audience.yaml': (text) => text.replace(/^label: .*$/m, `label: ${name.charAt(0).toUpperCase()}${name.slice(1).replace(/-/g, ' ')} brief`),
  });
  return [target];
}

/** Whether `dir` (which may not exist yet) is the shipped template folder or inside it, links followed. */
function insideShipped(dir: string): boolean {
  let existing = resolve(dir);
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  const rel = relative(realpathSync(BUILTIN_TEMPLATES), resolve(realpathSync(existing), ...rest));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
