/**
 * Users customizing templates: scaffold an audience, list it, build it, and override one
 * shared partial without copying anything else — through the real CLI.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, PAIRS, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

let dir = '';
let tpl = '';
beforeAll(() => {
  dir = tempDir('templates-cli');
  tpl = join(dir, 'my-templates');
});
afterAll(() => removeDir(dir));

describe('bilat templates', () => {
  it('new copies one audience into the user folder and names it', () => {
    const r = runCli(['templates', 'new', 'embassy', '--from', 'analyst', '--templates', tpl]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(tpl, 'embassy', 'brief.hbs'))).toBe(true);
    expect(readFileSync(join(tpl, 'embassy', 'audience.yaml'), 'utf8')).toMatch(/^label: Embassy brief$/m);
    // Shared partials stay shared: nothing else is copied.
    expect(existsSync(join(tpl, 'shared'))).toBe(false);
  });

  it('new refuses to overwrite an existing audience (usage error)', () => {
    const r = runCli(['templates', 'new', 'embassy', '--from', 'analyst', '--templates', tpl]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('already exists');
  });

  it("new needs a folder of yours: none named, or bilat's own templates/, is a usage error and writes nothing", () => {
    const none = runCli(['templates', 'new', 'desk']);
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('Missing required argument: templates')]);
    const own = runCli(['templates', 'new', 'desk', '--templates', 'templates']);
    expect([own.status, own.stderr]).toEqual([2, expect.stringContaining("templates is bilat's own template folder")]);
    expect(existsSync(join('templates', 'desk'))).toBe(false);
    // Nor through a link to it, nor below it.
    symlinkSync(join(ROOT, 'templates'), join(dir, 'link'));
    for (const t of [join(dir, 'link'), join('templates', 'shared')]) {
      const r = runCli(['templates', 'new', 'desk', '--templates', t]);
      expect([t, r.status]).toEqual([t, 2]);
    }
    expect(existsSync(join('templates', 'desk')) || existsSync(join('templates', 'shared', 'desk'))).toBe(false);
  });

  it("list --templates . in a folder that holds bilat's templates claims none of them as yours", () => {
    const r = runCli(['templates', 'list', '--templates', '.']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('your partial');
  });

  it('list shows shipped and user audiences with their origin', () => {
    const r = runCli(['templates', 'list', '--templates', tpl]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['executive', 'analyst', 'public', 'embassy']);
    expect(lines.find((l) => l.startsWith('embassy'))).toMatch(/\buser\b/);
    expect(lines.find((l) => l.startsWith('analyst'))).toMatch(/\bbuiltin\b/);
  });

  it('a shared partial override changes every audience, the rest stays shipped', () => {
    mkdirSync(join(tpl, 'shared', 'partials'), { recursive: true });
    writeFileSync(
      join(tpl, 'shared', 'partials', 'title.hbs'),
      '<header class="title-block"><p class="kicker">Embassy of Nowhere</p><h1>{{meta.title}}</h1></header>\n',
    );
    const list = runCli(['templates', 'list', '--templates', tpl]).stdout.split('\n');
    expect(list.find((l) => l.startsWith('public'))).toMatch(/builtin .*\(your partial: title\)$/);
    const out = join(dir, 'out');
    const r = runCli(['build', PAIRS[0].file, '--templates', tpl, '-a', 'embassy,public', '-f', 'html', '--as-of', AS_OF, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const a of ['embassy', 'public']) {
      const html = readFileSync(join(out, `az-kg-${a}.html`), 'utf8');
      expect(html).toContain('Embassy of Nowhere');
      expect(html).toContain('id="sources"'); // the shipped sources partial still renders
    }
  });
});
