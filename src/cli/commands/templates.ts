import { resolve, sep } from 'node:path';
import type { Argv } from 'yargs';
import { loadLocales, loadTemplateFields, loadTemplates } from '../../core.js';
import type { CliIO } from '../io.js';

export function templatesCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'templates <action>',
    describe: 'List audiences, scaffold a new one, show the fields templates can use, or list the languages',
    builder: (y: Argv) =>
      y
        .example('$0 templates list', 'the shipped audiences')
        .example('$0 templates new embassy --from analyst --templates my-templates', 'a new audience to edit')
        .example('$0 templates fields -a embassy --templates my-templates', "what the new audience's templates can use")
        .example('$0 templates locales', 'the languages and the keys each catalog lacks')
        .command({
          command: 'list',
          describe: 'List the audiences (shipped and yours) and where each comes from',
          builder: (yy: Argv) =>
            yy
              .option('templates', { type: 'string', describe: 'Your template folder' })
              .example('$0 templates list --templates my-templates', 'the shipped audiences and yours, with where each comes from'),
          handler: async (argv: { templates?: string }) => {
            const { listAudiences, resolveAudience, BUILTIN_TEMPLATES } = await loadTemplates();
            const shipped = resolve(BUILTIN_TEMPLATES) + sep;
            for (const a of listAudiences(argv.templates)) {
              const r = resolveAudience(a.id, argv.templates);
              // A shipped audience with partials of yours is not quite the shipped one: say which.
              const mine = [...r.partials].filter(([, f]) => !resolve(f).startsWith(shipped)).map(([n]) => n);
              const note =
                a.origin === 'builtin' && mine.length ? `  (your ${mine.length === 1 ? 'partial' : 'partials'}: ${mine.join(', ')})` : '';
              io.out(
                `${a.id.padEnd(12)} ${r.label.padEnd(20)} ${r.internal ? 'internal' : 'public  '}  ${a.origin.padEnd(7)}  ${a.dir}${note}`,
              );
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
              .option('templates', {
                type: 'string',
                demandOption: 'name your template folder, e.g. --templates my-templates',
                describe: 'Your template folder (created if missing)',
              })
              .option('partials', {
                type: 'boolean',
                default: false,
                describe: 'Also copy the shared partials the audience uses, to edit them for this audience only',
              })
              .example(
                '$0 templates new embassy --from analyst --templates my-templates',
                'then: bilat build data.yaml --templates my-templates -a embassy',
              )
              .example('$0 templates new embassy --from analyst --templates my-templates --partials', 'with its own copy of every partial'),
          handler: async (argv: { name?: string; from: string; templates: string; partials: boolean }) => {
            const { scaffoldAudience } = await loadTemplates();
            for (const f of scaffoldAudience(String(argv.name), argv.from, argv.templates, { partials: argv.partials })) io.out(f);
            io.out(
              `Edit ${argv.templates}/${argv.name}/brief.hbs (and theme.css), then build with --templates ${argv.templates} --audience ${argv.name}; see the fields it can use with: bilat templates fields -a ${argv.name} --templates ${argv.templates}`,
            );
            setExit(0);
          },
        })
        .command({
          command: 'fields',
          describe: 'Every field a template can use: type, an example value from the data, the helpers that fit',
          builder: (yy: Argv) =>
            yy
              .option('audience', {
                alias: 'a',
                type: 'string',
                default: 'analyst',
                describe: 'Whose view (filtering and options differ by audience)',
              })
              .option('data', { type: 'string', default: 'data/az-kg.yaml', describe: 'Relationship file the examples come from' })
              .option('as-of', { type: 'string', describe: 'Date the view is as of (YYYY-MM-DD, default today)' })
              .option('templates', { type: 'string', describe: 'Your template folder (for your own audiences)' })
              .option('json', {
                type: 'boolean',
                default: false,
                describe: 'One JSON array of {path, type, optional, example, helpers, doc}',
              })
              .option('markdown', { type: 'boolean', default: false, describe: 'The reference as Markdown (docs/template-fields.md)' })
              .example('$0 templates fields', 'the analyst view, with examples from data/az-kg.yaml')
              .example('$0 templates fields -a public --data data/az-kg.yaml --json', 'machine-readable, for the public audience'),
          handler: async (argv: {
            audience: string;
            data: string;
            asOf?: string;
            templates?: string;
            json: boolean;
            markdown: boolean;
          }) => {
            const { templateFields, fieldsText, fieldsMarkdown } = await loadTemplateFields();
            const { parseAsOf } = await import('./validate.js');
            const { rows, about } = templateFields({
              audience: argv.audience,
              data: argv.data,
              asOf: parseAsOf(argv.asOf),
              templates: argv.templates,
            });
            if (argv.json) io.out(JSON.stringify(rows, null, 2));
            else if (argv.markdown) io.out(fieldsMarkdown(rows, about).trimEnd());
            else {
              io.out(`# ${about}. [] = an item of a list (inside {{#each}}); ? = may be absent; docs/template-fields.md explains.`);
              io.out(fieldsText(rows));
            }
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
            const { availableLanguages, missingKeys, resolveLocale } = await loadLocales();
            const languages =
              argv.locale === undefined ? availableLanguages(argv.templates) : [resolveLocale(argv.locale, argv.templates).language];
            for (const lang of languages) {
              const loc = resolveLocale(lang, argv.templates);
              const missing = missingKeys(lang, argv.templates);
              io.out(
                `${lang.padEnd(4)} ${loc.intl.padEnd(8)} ${missing.length === 0 ? 'complete' : `${missing.length} missing (English used)`}  ${loc.files.join(', ')}`,
              );
              if (argv.locale !== undefined || missing.length <= 10) for (const k of missing) io.out(`       ${k}`);
            }
            setExit(0);
          },
        })
        .demandCommand(1, 'Name an action: list, new, fields or locales'),
    handler: () => undefined,
  };
}
