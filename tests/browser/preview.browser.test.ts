/**
 * `bilat build --serve`: the real CLI serving its output folder, a real browser (Debian's
 * Chromium via puppeteer-core) on the preview page, a real edit of the data file. The brief in
 * the frame must reload by itself, keep its scroll position, and raise no console error (our
 * page's CSP allows its own script and style by hash only).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium; CI runs it)`);

let child: ChildProcessWithoutNullStreams | undefined;
let browser: Browser | undefined;
let dir: string | undefined;
afterAll(async () => {
  await browser?.close();
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!haveChromium && !process.env.CI)('bilat build --serve in a browser', () => {
  it('reloads the brief in its frame after an edit, at the same scroll position, with no console error', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bilat-preview-'));
    cpSync(join(ROOT, 'tests', 'fixtures', 'batch', 'good-a.yaml'), join(dir, 'good-a.yaml'));
    const data = join(dir, 'good-a.yaml');
    child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'bilat.js'),
        'build',
        data,
        '-a',
        'analyst',
        '-f',
        'html',
        '--out',
        join(dir, 'out'),
        '--as-of',
        AS_OF,
        '--serve',
        '--port',
        '0',
      ],
      {
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.resume();
    const url = await until('the preview address', () => /preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1]);
    await until('the first build', () => (/watching .* for changes/.test(stderr) ? true : undefined));

    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}view/batch-a-analyst.html`, { waitUntil: 'load' });
    await until('the event stream', async () => ((await page.$eval('.state', (e) => e.textContent)) === 'watching' ? true : undefined));
    const frame = await until('the brief in its frame', () => page.frames().find((f) => f.url().endsWith('/files/batch-a-analyst.html')));
    expect(await frame.$eval('h1', (h) => h.textContent)).not.toContain('(edited)');
    await frame.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 400));

    writeFileSync(data, readFileSync(data, 'utf8').replace(/^(\s+title: )(.*)$/m, '$1$2 (edited)'));
    const reloaded = await until('the reloaded brief', async () => {
      const f = page.frames().find((x) => x.url().endsWith('/files/batch-a-analyst.html'));
      const title = await f?.$eval('h1', (h) => h.textContent).catch(() => undefined);
      return title?.includes('(edited)') ? f : undefined;
    });
    expect(
      await until('the scroll position', async () =>
        (await reloaded.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)) === 400 ? 400 : undefined,
      ),
    ).toBe(400);
    expect(await page.$eval('.state', (e) => e.textContent)).toMatch(/^reloaded /);
    expect(errors).toEqual([]);

    child.kill('SIGINT');
    expect(await new Promise((done) => child!.on('exit', done))).toBe(0);
  }, 90_000);
});
