/**
 * Every HTML brief in a real browser (Debian's Chromium, driven by puppeteer-core): no console
 * error (a CSP violation is one), no network request, and no axe-core violation at WCAG 2 A/AA.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runsChromium } from '../helpers/chromium.js';
import { AUDIENCES, buildOnce, outputPath, PAIRS, removeDir, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG2_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Visit {
  consoleErrors: string[];
  requests: string[];
  violations: string[];
}

/** Loads a page with requests intercepted; everything but the page itself is recorded and refused. */
async function open(browser: Browser, url: string, visit: Visit, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage();
  if (opts.bypassCSP) await page.setBypassCSP(true);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url() === url) return void req.continue();
    visit.requests.push(req.url());
    void req.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') visit.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => visit.consoleErrors.push(String(err)));
  // CSP violations also reach the page as events; record them apart from the console.
  await page.evaluateOnNewDocument(
    'window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));',
  );
  await page.goto(url, { waitUntil: 'load' });
  const csp = (await page.evaluate('window.__csp')) as string[];
  visit.consoleErrors.push(...csp.map((c) => `CSP violation: ${c}`));
  return page;
}

describe.runIf(runsChromium)('HTML briefs in Chromium', () => {
  let browser: Browser;
  let profile = '';
  let dir = '';

  beforeAll(async () => {
    dir = await buildOnce();
    profile = tempDir('chromium-profile');
    browser = await launchChromium(profile);
  });

  afterAll(async () => {
    await browser?.close();
    removeDir(profile);
  });

  const briefs = PAIRS.flatMap((p) => AUDIENCES.map((a) => ({ pair: p.id, audience: a })));

  it.each(briefs.map((b) => [`${b.pair} ${b.audience}`, b] as const))(
    '%s: no console error, no request, no axe violation',
    async (_n, b) => {
      const url = pathToFileURL(outputPath(dir, b.pair, b.audience, 'html')).href;
      const visit: Visit = { consoleErrors: [], requests: [], violations: [] };

      // 1. As shipped, CSP enforced: it must load silently and fetch nothing.
      const page = await open(browser, url, visit);
      expect(await page.title()).not.toBe('');
      // The stylesheet applied (its hash matched the CSP): body text is not the UA default serif.
      expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).not.toMatch(/^"?Times/);
      await page.close();
      expect(visit.consoleErrors, 'console errors').toEqual([]);
      expect(visit.requests, 'network requests').toEqual([]);

      // 2. axe-core is a script, which the page's CSP rightly refuses; bypass CSP for this load
      //    only, after step 1 proved the page clean under it.
      const audit = await browser.newPage();
      await audit.setBypassCSP(true);
      await audit.goto(url, { waitUntil: 'load' });
      await audit.addScriptTag({ content: AXE });
      const result = (await audit.evaluate(
        `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG2_A_AA)} }, resultTypes: ['violations'] })`,
      )) as {
        violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
      };
      await audit.close();
      visit.violations = result.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('; ')}`,
      );
      expect(visit.violations, 'axe violations').toEqual([]);
    },
  );

  it('would notice a CSP violation and a request (so the empty lists above mean something)', async () => {
    const url = pathToFileURL(outputPath(dir, 'az-kg', 'public', 'html')).href;
    const inject = `(() => {
      const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s);
      const i = document.createElement('img'); i.src = 'https://example.org/pixel.png'; document.body.append(i);
    })()`;
    // Under the page's CSP: both refused, and the refusal is reported.
    const strict: Visit = { consoleErrors: [], requests: [], violations: [] };
    const page = await open(browser, url, strict);
    await page.evaluate(inject);
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate('window.__ran')).toBeUndefined();
    strict.consoleErrors.push(...((await page.evaluate('window.__csp')) as string[]));
    await page.close();
    expect(strict.consoleErrors.join('\n')).toMatch(/Content Security Policy|script-src|img-src/);
    // Without it: the image request goes out and is recorded.
    const loose: Visit = { consoleErrors: [], requests: [], violations: [] };
    const open2 = await open(browser, url, loose, { bypassCSP: true });
    await open2.evaluate(inject);
    await new Promise((r) => setTimeout(r, 300));
    await open2.close();
    expect(loose.requests).toContain('https://example.org/pixel.png');
  });

  it('finds axe violations on an inaccessible page (so zero means something)', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="#"></a></body></html>');
    await page.addScriptTag({ content: AXE });
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG2_A_AA)} } })`)) as {
      violations: { id: string }[];
    };
    await page.close();
    expect(result.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'html-has-lang']));
  });
});
