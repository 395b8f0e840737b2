/**
 * A partial that includes itself, or two that include each other, is a template error that
 * names the partials and the file, through the real CLI (it was "Maximum call stack size
 * exceeded", naming nothing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ensureDistFresh, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

let dir = '';
beforeAll(async () => {
  await ensureDistFresh();
  dir = tempDir('partial-recursion');
}, 120_000);
afterAll(() => removeDir(dir));

function templates(name: string, partials: Record<string, string>): string {
  const tpl = join(dir, name);
  mkdirSync(join(tpl, 'shared', 'partials'), { recursive: true });
  for (const [p, src] of Object.entries(partials)) writeFileSync(join(tpl, 'shared', 'partials', `${p}.hbs`), src);
  return tpl;
}

const build = (tpl: string) =>
  runCli([
    'build',
    join(ROOT, 'data/az-kg.yaml'),
    '-a',
    'analyst',
    '--format',
    'html',
    '--as-of',
    AS_OF,
    '--out',
    join(dir, 'out'),
    '--templates',
    tpl,
  ]);

describe('recursive partials', () => {
  it('a partial that includes itself: exit 3, its file and the chain, no stack message', () => {
    const tpl = templates('self', { notes: '<p>notes</p>{{> notes}}' });
    const r = build(tpl);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain(join(tpl, 'shared', 'partials', 'notes.hbs'));
    expect(r.stderr).toContain('partials include each other without end: notes → notes');
    expect(r.stderr).not.toMatch(/call stack|\n\s+at /);
  });

  it('two partials that include each other: the loop is named, reached from the audience template', () => {
    const tpl = templates('mutual', { notes: '{{> people}}', people: '<p>people</p>{{> notes}}' });
    const r = build(tpl);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/partials include each other without end: (notes → people → notes|people → notes → people)/);
    expect(r.stderr).toMatch(/partials[/\\](notes|people)\.hbs/);
    expect(r.stderr).not.toMatch(/call stack/);
  });

  it('recursion that ends (a guarded partial over nested data) still renders', () => {
    const tpl = templates('guarded', { notes: '{{#with (lookup this "pair")}}{{#if name}}<p>x</p>{{/if}}{{/with}}' });
    const r = build(tpl);
    expect(r.status, r.stderr).toBe(0);
  });
});
