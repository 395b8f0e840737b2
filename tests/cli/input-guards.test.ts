// Inputs that used to hang or crash bilat, through the real CLI: a comment banner (exponential
// regex), devices and FIFOs (a size of 0 that never ends), unknown YAML tags (silently read as
// text). Each run has a generous time limit: a hang fails the test instead of stalling it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ensureDistFresh, ROOT, tempDir } from '../helpers/cli.js';

const STACK_LINE = /^\s+at /m;
const BANNER = Array.from({ length: 40 }, (_, i) => `# licence banner, line ${i + 1}: Copyright (c) someone, all rights reserved.`).join(
  '\n',
);
const AZ_KG = readFileSync(join(ROOT, 'data/az-kg.yaml'), 'utf8');
const CSV_FIXTURE = join(ROOT, 'tests/fixtures/trade-csv');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The real CLI, stopped after 30 s: far above the second these take, so only a hang trips it. */
function bilat(args: readonly string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/bilat.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
    maxBuffer: 4 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Finished by itself (no timeout kill), exit 1, no stack trace; returns stdout + stderr. */
function refused(r: Run): string {
  expect(r.signal, 'killed after 30 s: bilat hung').toBeNull();
  expect(r.code).toBe(1);
  const all = `${r.stdout}\n${r.stderr}`;
  expect(all).not.toMatch(STACK_LINE);
  return all;
}

let dir: string;
beforeAll(async () => {
  await ensureDistFresh();
  dir = tempDir('input-guards');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fifo = (path: string): string => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  return path;
};

describe('a 40-line comment banner is read at once', { timeout: 180_000 }, () => {
  it('validate and build a data file that starts with it', () => {
    const file = join(dir, 'banner-az-kg.yaml');
    writeFileSync(file, `${BANNER}\n${AZ_KG}`);
    const v = bilat(['validate', file, '--as-of', AS_OF]);
    expect(v.signal, 'bilat validate hung on a banner').toBeNull();
    expect(v.code).toBe(0);
    const out = join(dir, 'banner-out');
    const b = bilat(['build', file, '-a', 'executive', '-f', 'html', '--as-of', AS_OF, '-o', out]);
    expect(b.signal, 'bilat build hung on a banner').toBeNull();
    expect(b.code).toBe(0);
    expect(existsSync(join(out, 'az-kg-executive.html'))).toBe(true);
  });

  it('a banner and nothing else is an empty file, said so', () => {
    const file = join(dir, 'only-banner.yaml');
    writeFileSync(file, `${BANNER}\n`.repeat(5));
    expect(refused(bilat(['validate', file, '--as-of', AS_OF]))).toContain('data file is empty (it needs at least the top-level keys)');
  });

  it('jobs list with a config that starts with it', () => {
    const project = join(dir, 'banner-project');
    mkdirSync(join(project, 'data'), { recursive: true });
    writeFileSync(join(project, 'data/az-kg.yaml'), AZ_KG);
    writeFileSync(join(project, 'bilat.config.yaml'), `${BANNER}\n${readFileSync(join(ROOT, 'bilat.config.yaml'), 'utf8')}`);
    const r = bilat(['jobs', 'list'], project);
    expect(r.signal, 'bilat jobs list hung on a banner').toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('weekly-az-kg');
  });
});

describe('only regular files are read', { timeout: 180_000 }, () => {
  const device = /is a device, not a regular file/;
  const namedPipe = /is a FIFO \(named pipe\), not a regular file/;

  it('/dev/zero and /dev/null are refused, not read', () => {
    for (const dev of ['/dev/zero', '/dev/null']) {
      expect(refused(bilat(['validate', dev, '--as-of', AS_OF]))).toMatch(new RegExp(`${dev}\\s+error\\s+\\(file\\)\\s+${device.source}`));
      expect(refused(bilat(['build', dev, '--as-of', AS_OF, '-o', join(dir, 'dev-out')]))).toMatch(
        new RegExp(`${dev}\\s+error\\s+\\(file\\)\\s+${device.source}`),
      );
    }
    expect(existsSync(join(dir, 'dev-out'))).toBe(false);
  });

  it('a FIFO as the data file is refused at once', () => {
    const pipe = fifo(join(dir, 'pipe.yaml'));
    expect(refused(bilat(['validate', pipe, '--as-of', AS_OF]))).toMatch(namedPipe);
    expect(refused(bilat(['build', pipe, '--as-of', AS_OF, '-o', join(dir, 'pipe-out')]))).toMatch(namedPipe);
  });

  it('a FIFO as a CSV series (tradeFiles) is refused, located at the CSV file', () => {
    const project = join(dir, 'csv-fifo');
    cpSync(CSV_FIXTURE, project, { recursive: true });
    const csv = join(project, 'trade/mn-rs.csv');
    rmSync(csv);
    fifo(csv);
    const yaml = join(project, 'mn-rs-csv.yaml');
    expect(refused(bilat(['validate', yaml, '--as-of', AS_OF]))).toMatch(new RegExp(`mn-rs\\.csv.*${namedPipe.source}`));
    const out = join(project, 'out');
    expect(refused(bilat(['build', yaml, '--as-of', AS_OF, '-o', out]))).toMatch(namedPipe);
    // --incremental hashes the CSV files first: that read is guarded too.
    expect(refused(bilat(['build', yaml, '--incremental', '--as-of', AS_OF, '-o', out]))).toMatch(namedPipe);
  });
});

describe('YAML tags bilat does not read are errors at the tag', { timeout: 180_000 }, () => {
  it.each([
    [
      '!!js/function "function () {}"',
      /:8:10 +error +\(file\) +unknown YAML tag !!js\/function: bilat reads plain values only \(remove the tag/,
    ],
    ['!foo Baku', /:8:10 +error +\(file\) +unknown YAML tag !foo/],
    ['!!binary aGk=', /:8:10 +error +\(file\) +YAML tag !!binary is not supported/],
  ])('%s', (tagged, expected) => {
    const file = join(dir, `tag-${tagged.slice(0, 4).replace(/\W/g, '')}.yaml`);
    writeFileSync(file, AZ_KG.replace('schemaVersion: 1\n', `schemaVersion: 1\ncapital: ${tagged}\n`));
    expect(refused(bilat(['validate', file, '--as-of', AS_OF]))).toMatch(expected);
  });
});

describe('data cannot drive the terminal through a message', { timeout: 180_000 }, () => {
  // OSC retitle + BEL, erase line, CR to overwrite it, a C1 CSI, a right-to-left override.
  const KEY = '\u001b]0;pwned\u0007\u001b[2K\rFAKE: all good\u009b31m\u202eevil';
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const file = (): string => {
    const p = join(dir, 'escape.yaml');
    writeFileSync(p, AZ_KG.replace('schemaVersion: 1\n', `schemaVersion: 1\n${JSON.stringify(KEY)}: 1\n`));
    return p;
  };

  it('validate and build print control characters escaped, never raw', () => {
    const p = file();
    for (const args of [
      ['validate', p],
      ['build', p, '-o', join(dir, 'escape-out')],
    ]) {
      const all = refused(bilat([...args, '--as-of', AS_OF]));
      expect(all).not.toMatch(RAW);
      expect(all).toContain('unknown key "\\u001b]0;pwned\\u0007\\u001b[2K\\u000dFAKE: all good\\u009b31m\\u202eevil"');
    }
  });

  it('--json keeps the exact value (JSON escapes it)', () => {
    const r = bilat(['validate', file(), '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW);
    const diags = (JSON.parse(r.stdout) as { diagnostics: { path: string; message: string }[] }).diagnostics;
    expect(diags.find((d) => d.path === KEY)?.message).toBe(`unknown key "${KEY}"`);
  });
});

describe('source URLs: http, https and mailto only', { timeout: 180_000 }, () => {
  it.each(['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'])(
    '%s is a located error (build writes nothing)',
    (url) => {
      const file = join(dir, 'url.yaml');
      writeFileSync(file, AZ_KG.replace('    published: 2021-12-22\n', `    url: ${JSON.stringify(url)}\n    published: 2021-12-22\n`));
      const shown = url.length > 60 ? `${url.slice(0, 57)}...` : url;
      const message = `sources[0].url  url "${shown}" is refused: use an http://, https:// or mailto: address`;
      expect(refused(bilat(['validate', file, '--as-of', AS_OF]))).toContain(`url.yaml:30:10  error  ${message}`);
      if (!url.startsWith('javascript:')) return; // one build is enough: it runs the same check
      const out = join(dir, 'url-out');
      expect(refused(bilat(['build', file, '-f', 'html', '--as-of', AS_OF, '-o', out]))).toContain(message);
      expect(existsSync(join(out, 'az-kg-executive.html'))).toBe(false);
    },
  );
});
