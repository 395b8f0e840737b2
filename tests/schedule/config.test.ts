import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchemaText, CONFIG_SCHEMA_FILE, defineConfig, loadConfig } from '../../src/config/index.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { BilatError } from '../../src/errors.js';
import { FIXTURES, TEMPLATES, tempProject } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function project(configText: string, name = 'bilat.config.yaml') {
  const p = tempProject();
  cleanups.push(p.cleanup);
  writeFileSync(join(p.root, name), configText);
  return p.root;
}

/** The diagnostics of a config that must not load, as the CLI prints them. */
function problems(root: string): string[] {
  try {
    loadConfig({ cwd: root, shippedTemplates: TEMPLATES });
  } catch (e) {
    expect(e).toBeInstanceOf(BilatError);
    const err = e as BilatError;
    expect(err.code).toBe('E_CONFIG_INVALID');
    expect(err.exitCode).toBe(1);
    return (err.diagnostics ?? []).map((d) => formatDiagnostic(d).replaceAll(root, '<root>'));
  }
  throw new Error('config loaded');
}

describe('config', () => {
  it('resolves the example config with defaults, absolute paths, frozen', () => {
    const root = project(readFileSync(join(FIXTURES, 'project', 'bilat.config.yaml'), 'utf8'));
    const config = loadConfig({ cwd: root, shippedTemplates: TEMPLATES });
    expect(config.root).toBe(root);
    expect(Object.isFrozen(config) && Object.isFrozen(config.jobs) && Object.isFrozen(config.jobs[0])).toBe(true);
    const [weekly, monthly] = config.jobs;
    expect(weekly).toMatchObject({
      name: 'weekly-az-kg',
      timezone: 'Asia/Baku',
      keep: 12,
      retries: 2,
      retryDelayMs: 10_000,
      catchUp: 'latest',
      overlap: 'skip',
    });
    expect(weekly!.stateDir).toBe(join(root, 'output', '.bilat'));
    expect(monthly).toMatchObject({ formats: ['pdf', 'html'], catchUp: 'all', catchUpLimit: 3, overlap: 'queue', data: ['data/*.yaml'] });
  });

  it('finds .json configs and honours --config and BILAT_CONFIG', () => {
    const root = project(
      JSON.stringify({ jobs: [{ name: 'j', cron: '0 7 * * *', timezone: 'UTC', data: 'data/az-kg.yaml' }] }),
      'bilat.config.json',
    );
    expect(loadConfig({ cwd: root, shippedTemplates: TEMPLATES }).jobs[0]!.data).toEqual(['data/az-kg.yaml']);
    copyFileSync(join(root, 'bilat.config.json'), join(root, 'other.json'));
    expect(loadConfig({ cwd: '/', file: join(root, 'other.json'), shippedTemplates: TEMPLATES }).root).toBe(root);
    expect(loadConfig({ cwd: '/', env: { BILAT_CONFIG: join(root, 'other.json') }, shippedTemplates: TEMPLATES }).root).toBe(root);
  });

  it('says where to put a config when there is none', () => {
    const p = tempProject();
    cleanups.push(p.cleanup);
    expect(() => loadConfig({ cwd: p.root })).toThrow(
      /no bilat\.config\.yaml or bilat\.config\.yml or bilat\.config\.json in .* \(create one, or pass --config FILE\)/,
    );
    expect(() => loadConfig({ cwd: p.root, file: 'nope.yaml' })).toThrow(/config file not found/);
  });

  it('reports every kind of bad job input at its line and column, before anything runs', () => {
    const root = project(readFileSync(join(FIXTURES, 'bad.config.yaml'), 'utf8'));
    expect(problems(root)).toMatchInlineSnapshot(`
      [
        "bilat.config.yaml:3:11  error  jobs[0].cron  invalid cron expression "0 7 * * MONDAY": Syntax error, a month or day name has to stand alone ('MONDAY'). (5 fields (minute hour day month weekday) or 6 with seconds first, e.g. "0 7 * * MON")",
        "bilat.config.yaml:4:15  error  jobs[0].timezone  unknown time zone "Asia/Bakuu" (did you mean "Asia/Baku"?)",
        "bilat.config.yaml:5:29  error  jobs[0].data[1]  "data/missing-*.yaml" matches no file (paths and globs are relative to <root>)",
        "bilat.config.yaml:6:28  error  jobs[0].audiences[1]  unknown audience "analysts" (did you mean "analyst"?)",
        "bilat.config.yaml:7:10  error  jobs[0].out  out "../output/{job}/{date}": escapes the project folder ("..") (keep outputs inside the folder of the config file)",
        "bilat.config.yaml:8:11  error  jobs[1].name  duplicate job name "weekly-az-kg" (also used by jobs[0] at line 2; names must be unique)",
        "bilat.config.yaml:9:11  error  jobs[1].cron  invalid cron expression "0 25 * * *": Invalid value for hour: 25 (5 fields (minute hour day month weekday) or 6 with seconds first, e.g. "0 7 * * MON")",
        "bilat.config.yaml:10:15  error  jobs[1].timezone  unknown time zone "Mars/Olympus" (use an IANA name such as Asia/Baku or Europe/Berlin)",
        "bilat.config.yaml:12:10  error  jobs[1].out  out "output/{jobs}/{dat}": unknown token {jobs} (did you mean {job}?)",
        "bilat.config.yaml:12:10  error  jobs[1].out  out "output/{jobs}/{dat}": unknown token {dat} (did you mean {date}?)",
        "bilat.config.yaml:13:5  error  jobs[1].overlapp  unknown key "overlapp" (did you mean "overlap"?)",
        "bilat.config.yaml:14:11  error  jobs[2].name  expected a name of lower-case letters, digits, ".", "_" or "-"",
        "bilat.config.yaml:16:11  error  jobs[2].data  needs at least 1 item(s)",
        "bilat.config.yaml:17:14  error  jobs[2].catchUp  "sometimes" is not allowed (use one of: none, latest, all)",
      ]
    `);
  });

  it('reports a YAML syntax error as a located config error', () => {
    const root = project('jobs:\n  - name: a\n    cron: "0 7 * * *\n');
    expect(() => loadConfig({ cwd: root })).toThrow(BilatError);
    try {
      loadConfig({ cwd: root });
    } catch (e) {
      expect((e as BilatError).code).toBe('E_CONFIG_INVALID');
      expect((e as BilatError).format()).toMatch(/^bilat\.config\.yaml:\d+:\d+  syntax error/);
    }
  });

  it('rejects out patterns that escape the project or use unknown tokens', () => {
    const job = (out: string) =>
      `jobs:\n  - name: a\n    cron: "0 7 * * *"\n    timezone: UTC\n    data: data/az-kg.yaml\n    out: "${out}"\n`;
    for (const [out, msg] of [
      ['../{job}', /escapes the project folder/],
      ['output/../../x/{date}', /escapes the project folder/],
      ['/var/briefs/{job}', /must be a folder inside the project/],
      ['.', /is the project folder itself/],
      ['output/{job}/{hour}', /unknown token \{hour\}/],
      ['output/{job/{date}', /unbalanced/],
      ['output/.bilat/{job}', /reserved/],
    ] as const) {
      expect(problems(project(job(out))).join('\n'), out).toMatch(msg);
    }
    expect(() => loadConfig({ cwd: project(job('output/../briefs/{job}')), shippedTemplates: TEMPLATES })).not.toThrow();
  });

  it('knows audiences from the template folder of the job too', () => {
    const root = project(
      'jobs:\n  - name: a\n    cron: "0 7 * * *"\n    data: data/az-kg.yaml\n    audiences: [board]\n    templates: my-templates\n',
    );
    expect(problems(root).join('\n')).toMatch(/template folder not found/);
    mkdirSync(join(root, 'my-templates', 'board'), { recursive: true });
    writeFileSync(join(root, 'my-templates', 'board', 'brief.hbs'), '');
    expect(loadConfig({ cwd: root, shippedTemplates: TEMPLATES }).jobs[0]!.audiences).toEqual(['board']);
  });

  it('defineConfig types a config and returns it unchanged', () => {
    const c = defineConfig({ jobs: [{ name: 'x', cron: '0 7 * * *', data: ['data/*.yaml'] }] });
    expect(c.jobs[0]!.name).toBe('x');
  });

  it('the committed JSON Schema is fresh (UPDATE_SCHEMA=1 rewrites it)', () => {
    const file = join(FIXTURES, '..', '..', '..', CONFIG_SCHEMA_FILE);
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, configSchemaText());
    expect(readFileSync(file, 'utf8')).toBe(configSchemaText());
  });
});
