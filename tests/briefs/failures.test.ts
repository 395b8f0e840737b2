/**
 * Failing builds: invalid data → located diagnostics, exit 1, nothing written; a template or
 * write failure → exit 3, no partial or temp file, and the outputs of an earlier build intact.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AS_OF, buildOnce, listDir, PAIRS, removeDir, runCli, snapshotDir, tempDir } from '../helpers/cli.js';

let built = '';
let work = '';
let out = '';
const LONG_AGO = new Date('2001-01-01T00:00:00Z');

beforeAll(async () => {
  built = await buildOnce();
  work = tempDir('failures');
});
afterAll(() => removeDir(work));

/** A fresh output folder holding an earlier build, every file dated long ago so any rewrite shows. */
beforeEach((ctx) => {
  out = join(work, ctx.task.name.replace(/\W+/g, '-').slice(0, 40));
  cpSync(built, out, { recursive: true });
  for (const f of listDir(out)) utimesSync(join(out, f), LONG_AGO, LONG_AGO);
});

const build = (files: string[], ...extra: string[]) => runCli(['build', ...files, '--as-of', AS_OF, '--out', out, ...extra]);

function expectUntouched(before: ReturnType<typeof snapshotDir>): void {
  const after = snapshotDir(out);
  expect([...after.keys()], 'no new, temp or partial file').toEqual([...before.keys()]);
  for (const [f, { mtimeMs, bytes }] of before) {
    expect(after.get(f)!.mtimeMs, `${f} not rewritten`).toBe(mtimeMs);
    expect(after.get(f)!.bytes.equals(bytes), `${f} unchanged`).toBe(true);
  }
}

function templates(name: string, partial: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'analyst'), { recursive: true });
  writeFileSync(join(dir, 'analyst', 'timeline.hbs'), partial);
  return dir;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('invalid data', () => {
  let bad = '';
  let text = '';
  beforeAll(() => {
    // Two mistakes a person makes: a number written with a decimal comma, a misspelt key.
    text = readFileSync(PAIRS[0].file, 'utf8')
      .replace('    exports: 2.3\n', '    exports: "2,3"\n')
      .replace('    imports: 1.4\n', '    imprts: 1.4\n');
    expect(text).toContain('"2,3"');
    expect(text).toContain('imprts');
    bad = join(work, 'bad.yaml');
    writeFileSync(bad, text);
  });

  it('exits 1 with every diagnostic located in the file, and leaves earlier outputs alone', () => {
    const before = snapshotDir(out);
    const r = build([bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:${lineOf(text, 'exports: "2,3"')}:`);
    expect(r.stderr).toMatch(/error\s+trade\[0\]\.exports/);
    expect(r.stderr).toContain(`${bad}:${lineOf(text, 'imprts')}:`);
    expect(r.stderr).toMatch(/trade\[0\]\.imprts/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    expectUntouched(before);
  });

  it('writes nothing, not even the output folder', () => {
    rmSync(out, { recursive: true, force: true });
    const r = build([bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('template errors', () => {
  it('an unknown helper: exit 3, file:line:col of the template, before anything is written', () => {
    const dir = templates('tpl-lint', '<section id="contacts">\n  {{nosuchhelper x}}\n</section>\n');
    const before = snapshotDir(out);
    const r = build([PAIRS[0].file], '--templates', dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${join(dir, 'analyst', 'timeline.hbs')}:2:`);
    expect(r.stderr).toContain('nosuchhelper');
    expectUntouched(before);
  });

  let renderFailure: ReturnType<typeof build> | undefined;
  it('a failure while rendering (unknown chart kind): exit 3, no partial file, earlier outputs intact', () => {
    const dir = templates('tpl-render', '<section id="contacts">{{chart "no-such-kind" contactsByYear}}</section>\n');
    const before = snapshotDir(out);
    renderFailure = build([PAIRS[0].file], '--templates', dir);
    expect(renderFailure.status).toBe(3);
    expect(renderFailure.stderr).toContain('no-such-kind');
    expectUntouched(before);
  });

  // A helper's error while rendering carries the audience's template file. (Reads the run above.)
  it('a failure while rendering names the template file', () => {
    expect(renderFailure?.stderr).toMatch(/\.hbs(:\d+)*\s/);
  });
});

describe('a character no PDF font can draw', () => {
  // A private-use code point: no font of the chain has it (Georgian, which Roboto lacks, is drawn by the chain).
  it('exit 3 naming the character, its code point and its line in the data; the PDFs that print it stay as they were', () => {
    const yaml = readFileSync(PAIRS[0].file, 'utf8').replace('place: {en: "Baku"', 'place: {en: "Baku (\uE000)"');
    expect(yaml).toContain('\uE000');
    const file = join(work, 'glyph.yaml');
    writeFileSync(file, yaml);
    const before = snapshotDir(out);
    const r = build([file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('U+E000');
    expect(r.stderr).toContain(`glyph.yaml:${lineOf(yaml, '\uE000')}:`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // The PDFs that print the place were not replaced; the HTML briefs were (they need no PDF font).
    const after = snapshotDir(out);
    expect([...after.keys()], 'no new, temp or partial file').toEqual([...before.keys()]);
    for (const [f, { bytes }] of before)
      if (f.endsWith('.pdf') && r.stderr.includes(f)) expect(after.get(f)!.bytes.equals(bytes), `${f} unchanged`).toBe(true);
    expect(r.stderr).toMatch(/az-kg-analyst\.pdf/);
  });
});

describe('write failure', () => {
  it('exit 3 naming the file, no temp file left, every output complete', () => {
    // az-kg's last output cannot be replaced: a folder stands where the file goes.
    const last = 'az-kg-public.pdf';
    const blocked = join(out, last);
    rmSync(blocked);
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'keep'), 'x');
    const before = snapshotDir(out);
    const r = build([PAIRS[0].file]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(blocked);
    expect(listDir(out)).toEqual(
      listDir(built)
        .map((f) => (f === last ? `${last}/keep` : f))
        .sort(),
    );
    // The files written before the failure were replaced whole (same build, same bytes) …
    for (const f of listDir(built).filter((x) => x !== last))
      expect(readFileSync(join(out, f)).equals(readFileSync(join(built, f))), f).toBe(true);
    // … and the other relationship's outputs were not touched.
    const after = snapshotDir(out);
    for (const f of listDir(out).filter((x) => x.startsWith('mn-rs-'))) expect(after.get(f)!.mtimeMs, f).toBe(before.get(f)!.mtimeMs);
  });
});
