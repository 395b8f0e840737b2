/**
 * Right-to-left data in the HTML briefs: every run of it is isolated (<bdi>), so the brackets,
 * semicolons and footnote markers the template writes keep their side; checked in the built
 * files and, for every text node, in Chromium. Uses the synthetic Jordan–Israel fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runsChromium } from '../helpers/chromium.js';
import { AS_OF, AUDIENCES, removeDir, ROOT, runCli, tempDir } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'tests/fixtures/rtl/jo-il-synthetic.yaml');

let out = '';
const html = (audience: string): string => readFileSync(join(out, `jo-il-${audience}.html`), 'utf8');

beforeAll(() => {
  out = tempDir('rtl-html');
  const r = runCli(['build', FIXTURE, '-f', 'html', '-o', out, '--as-of', AS_OF, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
afterAll(() => removeDir(out));

describe('right-to-left data in HTML', () => {
  it('isolates names and roles, keeping brackets and separators outside', () => {
    const a = html('analyst');
    expect(a).toContain('<bdi>أيمن الصفدي</bdi> (<bdi>وزير الخارجية</bdi>); <bdi>אלי כהן</bdi> (<bdi>שר החוץ</bdi>)');
  });

  it('keeps the footnote marker after an isolated title', () => {
    expect(html('analyst')).toMatch(/— <bdi>لقاء وزيري الخارجية<\/bdi><sup class="fn">\[/);
  });

  it('isolates names inside the sentences bilat writes', () => {
    // The overview sentence: the Hebrew title is a run of its own, so "(1 May 2024)" stays after it.
    expect(html('analyst')).toContain('the most recent: <bdi>זיארה עבודה לעמאן</bdi> (1 May 2024).');
  });

  it('never puts markers or <bdi> inside attributes', () => {
    for (const a of AUDIENCES) {
      const h = html(a);
      expect(h).not.toMatch(/[\uFDD0\uFDD1]/);
      for (const tag of h.match(/<[a-z][^>]*=[^>]*>/g) ?? []) expect(tag).not.toMatch(/bdi>|[\u2068\u2069]/);
    }
    // A right-to-left value in an attribute arrives there as written.
    expect(html('analyst')).toContain('<a href="https://example.org/ar/بيان">');
  });
});

describe.runIf(runsChromium)('right-to-left data in Chromium', () => {
  let browser: Browser;
  let profile = '';

  beforeAll(async () => {
    profile = tempDir('rtl-chromium');
    browser = await launchChromium(profile);
  });
  afterAll(async () => {
    await browser?.close();
    removeDir(profile);
  });

  it.each(AUDIENCES)('%s: every text node with right-to-left letters sits under <bdi> or dir', async (audience) => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, `jo-il-${audience}.html`)).href, { waitUntil: 'load' });
    // A string, not a function: the test's tsconfig has no DOM types.
    const found = (await page.evaluate(`(() => {
      const rtl = /[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF]/;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const loose = [];
      let rtlNodes = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!rtl.test(n.data) || n.parentElement.closest('svg')) continue;
        rtlNodes++;
        if (!n.parentElement.closest('bdi, [dir]')) loose.push(n.data);
      }
      return { loose, rtlNodes };
    })()`)) as { loose: string[]; rtlNodes: number };
    await page.close();
    expect(found.rtlNodes).toBeGreaterThan(5);
    expect(found.loose).toEqual([]);
  });
});
