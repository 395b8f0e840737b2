// The view model as a contract: the generated field tree is fresh, `templates fields` prints it,
// and templates are checked against it before anything renders.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAudience } from '../../src/templates/engine.js';
import { resolveAudience } from '../../src/templates/resolve.js';
import { AS_OF, ROOT, ensureDistFresh, removeDir, runCli, tempDir } from '../helpers/cli.js';

const TYPOS = 'tests/fixtures/templates/typos';

describe('view fields', () => {
  beforeAll(ensureDistFresh, 300_000);

  it('the generated field tree is what src/model/view-types.ts gives', () => {
    const r = spawnSync(process.execPath, ['scripts/view-fields.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('docs/template-fields.md is the output of `templates fields --markdown`', () => {
    const r = runCli(['templates', 'fields', '--markdown', '--as-of', AS_OF]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(ROOT, 'docs/template-fields.md'), 'utf8')).toBe(r.stdout);
  });

  it('prints each field with its type, an example from the data and the helpers that fit', () => {
    const r = runCli(['templates', 'fields', '-a', 'public', '--as-of', AS_OF, '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { path: string; type: string; example?: string; helpers: string[] }[];
    const row = (p: string) => rows.find((x) => x.path === p);
    expect(row('countries[].capital')).toMatchObject({ type: 'text', example: '"Baku"' });
    expect(row('keyFigures[].refs')?.helpers).toContain('{{fn refs}}');
    expect(row('trade.latest')?.helpers).toContain('{{chart "trade-split" trade.latest}}');
    expect(row('engagements[].date.iso')?.helpers).toEqual(expect.arrayContaining(['date', 'on']));
    // The public view holds no data-quality notes: the example says so.
    expect(row('notes')?.example).toBe('[] (empty)');
    // Options are the audience's own.
    expect(row('options.showInferred')?.example).toBe('false');
    const executive = JSON.parse(runCli(['templates', 'fields', '-a', 'executive', '--as-of', AS_OF, '--json']).stdout) as { path: string; example?: string }[];
    expect(executive.find((x) => x.path === 'options.contactsLimit')?.example).toBe('3');
  });

  it('the shipped templates use only fields the view has', () => {
    for (const id of ['executive', 'analyst', 'public']) expect(compileAudience(resolveAudience(id)).warnings).toEqual([]);
  });

  it('an unknown field is located in its template file with a suggestion', () => {
    const w = compileAudience(resolveAudience('analyst', join(ROOT, TYPOS))).warnings;
    const at = (line: number) => w.filter((d) => d.line === line).map((d) => `${d.column} ${d.message}`);
    expect(w.every((d) => d.file.endsWith('typos/analyst/title.hbs') && d.severity === 'warning')).toBe(true);
    expect(at(5)).toEqual([expect.stringMatching(/^53 unknown field "pair\.countriez\.1\.capital".*countries\.\[1\]/)]);
    expect(at(6)).toEqual([
      expect.stringMatching(/^8 unknown field "keyFigure\.length".*did you mean "keyFigures"\?/),
      expect.stringMatching(/^42 unknown field "officialName".*use it inside \{\{#each countries\}\}/),
    ]);
    expect(at(8)).toEqual([expect.stringMatching(/^47 unknown field "capitol": "countries\[\]" has no field "capitol" — did you mean "capital"\?/)]);
    expect(w).toHaveLength(4);
  });

  it('build warns at the template line and still writes; --strict fails with exit 3', () => {
    const out = tempDir('typos');
    try {
      const args = ['build', 'data/az-kg.yaml', '-a', 'analyst', '-f', 'html', '--as-of', AS_OF, '--templates', TYPOS, '-o', out];
      const warn = runCli(args);
      expect(warn.status).toBe(0);
      expect(warn.stderr).toContain(`${TYPOS}/analyst/title.hbs:6:8  warning  keyFigure.length  unknown field "keyFigure.length": the brief has no field "keyFigure" — did you mean "keyFigures"?`);
      expect(warn.stdout).toContain('az-kg-analyst.html');
      const strict = runCli([...args, '--strict', '-o', join(out, 'strict')]);
      expect(strict.status).toBe(3);
      expect(strict.stderr).toContain(`${TYPOS}/analyst/title.hbs:5:53`);
      expect(strict.stderr).toContain('+3 more template problems');
    } finally {
      removeDir(out);
    }
  });
});
