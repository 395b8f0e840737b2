import { resolve, sep } from 'node:path';
import type { Argv } from 'yargs';
import { loadTemplates } from '../../core.js';
import type { CliIO } from '../io.js';

export function templatesCommand(io: CliIO, setExit: (code: number) => void) {
  return {
    command: 'templates <action>',
    describe: 'List audiences or scaffold a new one',
    builder: (y: Argv) =>
      y
        .example('$0 templates list', 'the shipped audiences')
        .example('$0 templates new embassy --from analyst --templates my-templates', 'a new audience to edit')
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
            const { scaffoldAudience } = await loadTemplates();
            for (const f of scaffoldAudience(String(argv.name), argv.from, argv.templates)) io.out(f);
            io.out(`Edit ${argv.templates}/${argv.name}/brief.hbs, then build with --templates ${argv.templates} --audience ${argv.name}`);
            setExit(0);
          },
        })
        .demandCommand(1, 'Name an action: list or new'),
    handler: () => undefined,
  };
}

