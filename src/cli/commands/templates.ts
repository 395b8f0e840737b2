import { resolve, sep } from 'node:path';
import type { Argv } from 'yargs';
import type { CliIO } from '../io.js';

export function templatesCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'templates <action>',
    describe: 'List audiences or scaffold a new one; list the languages',
    builder: (y: Argv) =>
      y
        .example('$0 templates list', 'the shipped audiences')
        .example('$0 templates new embassy --from analyst --templates my-templates', 'a new audience to edit')
        .example('$0 templates locales', 'the languages and the keys each catalog lacks')
        .command({
          command: 'list',
          describe: 'List the audiences (shipped and yours) and where each comes from',
          builder: (yy: Argv) =>
            yy
              .option('templates', { type: 'string', describe: 'Your template folder' })
              .example('$0 templates list --templates my-templates', 'the shipped audiences and yours, with where each comes from'),
          handler: async (argv: { templates?: string }) => {
            const [{ listAudiences, resolveAudience }, { BUILTIN_TEMPLATES }] = await Promise.all([import('../../index.js'), import('../../templates/resolve.js')]);
            const shipped = resolve(BUILTIN_TEMPLATES) + sep;
            for (const a of listAudiences(argv.templates)) {
              const r = resolveAudience(a.id, argv.templates);
              // A shipped audience with partials of yours is not quite the shipped one: say which.
              const mine = [...r.partials].filter(([, f]) => !resolve(f).startsWith(shipped)).map(([n]) => n);
              const note = a.origin === 'builtin' && mine.length ? `  (your ${mine.length === 1 ? 'partial' : 'partials'}: ${mine.join(', ')})` : '';
              io.out(`${a.id.padEnd(12)} ${r.label.padEnd(20)} ${r.internal ? 'internal' : 'public  '}  ${a.origin.padEnd(7)}  ${a.dir}${note}`);
            }
            setExit(0);
          },
        })
        .command({
          command: 'new <name>',
          describe: 'Scaffold a new audience by copying an existing one',
          builder: (yy: Argv) =>
            yy
              .positional('name', { type: 'string', describe: 'New audience name, e.g. embassy' })
              .option('from', { type: 'string', default: 'analyst', describe: 'Audience to start from' })
              .option('templates', { type: 'string', demandOption: 'name your template folder, e.g. --templates my-templates', describe: 'Your template folder (created if missing)' })
              .example('$0 templates new embassy --from analyst --templates my-templates', 'then: bilat build data.yaml --templates my-templates -a embassy'),
          handler: async (argv: { name?: string; from: string; templates: string }) => {
            const { scaffoldAudience } = await import('../../templates/scaffold.js');
            for (const f of scaffoldAudience(String(argv.name), argv.from, argv.templates)) io.out(f);
            io.out(`Edit ${argv.templates}/${argv.name}/brief.hbs, then build with --templates ${argv.templates} --audience ${argv.name}`);
            setExit(0);
          },
        })
        .command({
          command: 'locales',
          describe: 'List the message catalogs (templates/locales/<lang>.yaml, and yours) and the keys each lacks against English',
          builder: (yy: Argv) =>
            yy
              .option('templates', { type: 'string', describe: 'Your template folder (its locales/ folder adds or overrides catalogs)' })
              .option('locale', { alias: 'l', type: 'string', describe: 'Only this language, listing every key it lacks' })
              .example('$0 templates locales', 'each language and how many keys it lacks')
              .example('$0 templates locales --locale tr --templates my-templates', 'the keys your Turkish catalog still needs'),
          handler: async (argv: { templates?: string; locale?: string }) => {
            const [{ availableLanguages, missingKeys }, { resolveLocale }] = await Promise.all([import('../../locales/catalogs.js'), import('../../locales/resolve-locale.js')]);
            const languages = argv.locale === undefined ? availableLanguages(argv.templates) : [resolveLocale(argv.locale, argv.templates).language];
            for (const lang of languages) {
              const loc = resolveLocale(lang, argv.templates);
              const missing = missingKeys(lang, argv.templates);
              io.out(`${lang.padEnd(4)} ${loc.intl.padEnd(8)} ${missing.length === 0 ? 'complete' : `${missing.length} missing (English used)`}  ${loc.files.join(', ')}`);
              if (argv.locale !== undefined || missing.length <= 10) for (const k of missing) io.out(`       ${k}`);
            }
            setExit(0);
          },
        })
        .demandCommand(1, 'Name an action: list, new or locales'),
    handler: () => undefined,
  };
}

