import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { BilatError } from '../errors.js';
import { copyFolderSync } from '../write/copy-folder.js';
import { BUILTIN_TEMPLATES, listAudiences, resolveAudience } from './resolve.js';

/**
 * `bilat templates new <name> --from <audience>`: copy one audience (its brief.hbs,
 * audience.yaml and local partials) into the user's template folder, with a theme.css to
 * restyle it and a note at the top of brief.hbs on where to find the fields it can use.
 * Shared partials are copied only with `partials` (then the copies are the audience's own and
 * no longer receive bilat's fixes); otherwise the new audience keeps using them.
 */
export function scaffoldAudience(name: string, from: string, dir: string, opts: { partials?: boolean } = {}): string[] {
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
  // Beside the audience's own files: the theme to restyle it, and on request its partials.
  const extra = [{ from: join(BUILTIN_TEMPLATES, 'shared', 'theme.css'), to: 'theme.css' }];
  if (opts.partials) for (const [partial, file] of resolveAudience(from, userDir).partials) extra.push({ from: file, to: `${partial}.hbs` });
  // All or nothing: a half-copied audience (a full disk) would be listed and fail later.
  const copied = copyFolderSync(
    source.dir,
    target,
    {
      'audience.yaml': (text) =>
        `${text.replace(/^label: .*$/m, `label: ${name.charAt(0).toUpperCase()}${name.slice(1).replace(/-/g, ' ')} brief`).trimEnd()}\n# logo: logo.png    # a PNG, JPEG or SVG in this folder: shown in the title block and the PDF's running head\n`,
      'brief.hbs': (text) => `${scaffoldNote(name, dir)}${text}`,
    },
    extra,
  );
  return [target, ...copied.map((rel) => join(target, rel))];
}

/** The comment new authors see first. */
function scaffoldNote(name: string, dir: string): string {
  return `{{!--
  The ${name} brief. It renders a view of the data, not the data file itself:
    bilat templates fields -a ${name} --templates ${dir}
  lists every field you can use here (type, an example, the helpers that fit); an unknown
  field is reported with its line when you build. Restyle both formats in theme.css (next
  to this file); put images (PNG, JPEG, SVG) in this folder and use <img src="file.png" alt="…">.
--}}
`;
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
