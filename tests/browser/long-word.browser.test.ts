/**
 * A 2,000-character word in the data must wrap inside the page in the HTML brief, as it does in
 * the PDF: Chromium lays the brief out and nothing may be wider than the page column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runsChromium } from '../helpers/chromium.js';
import { AS_OF, ensureDistFresh, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

const WORD = Array.from({ length: 2_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[(i * 7) % 36]).join('');

describe.runIf(runsChromium)('an unbroken 2,000-character word in the HTML brief', () => {
  let browser: Browser;
  let dir = '';
  beforeAll(async () => {
    await ensureDistFresh();
    dir = tempDir('long-word');
    browser = await launchChromium(join(dir, 'profile'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    removeDir(dir);
  });

  it.each([
    'analyst',
    'public',
  ]) // the executive brief prints no contact summaries
  (
    '%s: no element is wider than the page',
    async (audience) => {
      const src = readFileSync(join(ROOT, 'data/az-kg.yaml'), 'utf8');
      const at = src.indexOf('summary: ');
      const file = join(dir, 'pair.yaml');
      writeFileSync(file, `${src.slice(0, at)}summary: Talks on ${WORD} ended.${src.slice(src.indexOf('\n', at))}`);
      const out = join(dir, `out-${audience}`);
      const r = runCli(['build', file, '-a', audience, '--format', 'html', '--as-of', AS_OF, '--out', out, '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      const html = join(out, 'az-kg-' + audience + '.html');
      expect(readFileSync(html, 'utf8')).toContain(WORD.slice(0, 200));
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 1200 });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const m = (await page.evaluate(`(() => {
      const brief = document.querySelector('.brief');
      const box = brief.getBoundingClientRect();
      const wider = [...brief.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > box.right + 1).map((e) => e.tagName + '.' + e.className);
      return { found: document.body.innerText.includes(${JSON.stringify(WORD.slice(0, 50))}), doc: document.documentElement.scrollWidth, viewport: window.innerWidth, briefScroll: brief.scrollWidth, briefClient: brief.clientWidth, wider };
    })()`)) as { found: boolean; doc: number; viewport: number; briefScroll: number; briefClient: number; wider: string[] };
      await page.close();
      expect(m.found).toBe(true);
      expect(m.wider).toEqual([]);
      expect(m.briefScroll).toBeLessThanOrEqual(m.briefClient);
      expect(m.doc).toBeLessThanOrEqual(m.viewport);
    },
    120_000,
  );
});
