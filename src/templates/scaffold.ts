import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BilatError } from '../errors.js';
import { listAudiences } from './resolve.js';

/**
 * `bilat templates new <name> --from <audience>`: copy one audience (its brief.hbs,
 * audience.yaml and local partials) into the user's template folder. Shared partials are
 * not copied: the new audience keeps using them, and keeps receiving their fixes.
 */
export function scaffoldAudience(name: string, from: string, dir: string): string[] {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new BilatError('E_USAGE', `audience name "${name}" must be lower-case letters, digits and "-"`);
  if (name === 'shared') throw new BilatError('E_USAGE', '"shared" is reserved for partials used by every audience');
  const target = resolve(dir, name);
  if (existsSync(target)) throw new BilatError('E_USAGE', `${target} already exists (choose another name or delete it)`);
  const userDir = existsSync(dir) ? dir : undefined;
  const source = listAudiences(userDir).find((a) => a.id === from);
  if (!source) throw new BilatError('E_USAGE', `unknown audience "${from}" to copy from (known: ${listAudiences(userDir).map((a) => a.id).join(', ')})`);
  cpSync(source.dir, target, { recursive: true });
  const meta = join(target, 'audience.yaml');
  if (existsSync(meta)) {
    const text = readFileSync(meta, 'utf8').replace(/^label: .*$/m, `label: ${name.charAt(0).toUpperCase()}${name.slice(1).replace(/-/g, ' ')} brief`);
    writeFileSync(meta, text);
  }
  return [target];
}
