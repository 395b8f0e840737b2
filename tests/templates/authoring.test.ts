// A user's template folder (tests/fixtures/templates/brand) built by the real CLI: a PNG and an
// SVG logo and an image in the body, embedded in the PDF and inlined in the HTML under its
// strict CSP; theme.css changing a colour and the body size in both formats; templates new.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runsChromium } from '../helpers/chromium.js';
import { AS_OF, ensureDistFresh, removeDir, runCli, tempDir } from '../helpers/cli.js';

const BRAND = 'tests/fixtures/templates/brand';
const UNSUPPORTED = 'tests/fixtures/templates/unsupported';
const require = createRequire(import.meta.url);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** #7a1f2b, the accent the fixture's theme.css sets, as pdfkit writes a fill colour. */
const WINE = `${122 / 255} ${31 / 255} ${43 / 255} scn`;
/** #123456, the seal's and the crest's fill (no chart uses it). */
const GREEN = `${0x12 / 255} ${0x34 / 255} ${0x56 / 255} scn`;

/** Decompressed page content, to find the colours and sizes the PDF draws with. */
function pdfText(file: string): string {
  const out = `${file}.qdf`;
  spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  return readFileSync(out, 'latin1');
}

/** Height of the first word `word` in pdftotext -bbox (a proxy for its font size). */
function wordHeight(file: string, word: string): number {
  const html = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']);
  const m = new RegExp(`<word xMin="[\\d.]+" yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}</word>`).exec(html);
  if (!m) throw new Error(`no word ${word} in ${file}`);
  return Number(m[2]) - Number(m[1]);
}

describe('a template folder of your own', () => {
  let out = '';
  let build: ReturnType<typeof runCli>;
  beforeAll(async () => {
    await ensureDistFresh();
    out = tempDir('brand');
    build = runCli(['build', 'data/az-kg.yaml', '-a', 'embassy,desk,analyst', '--as-of', AS_OF, '--templates', BRAND, '-o', out]);
  }, 300_000);
  afterAll(() => removeDir(out));
  const file = (a: string, ext: string) => join(out, `az-kg-${a}.${ext}`);

  it('builds with no template warning', () => {
    expect(build.status).toBe(0);
    expect(build.stderr).not.toMatch(/templates\/brand/);
  });

  it('embeds the PNG logo once in the PDF, drawn in the title block and the running head', () => {
    const list = run('pdfimages', ['-list', file('embassy', 'pdf')]).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
    const images = list.filter((c) => c[2] === 'image');
    expect(images.map((c) => `${c[3]}x${c[4]}`)).toEqual(['240x80', '240x80']);
    // Two placements, one object.
    expect(new Set(images.map((c) => c[10])).size).toBe(1);
    // The shipped analyst brief has no image.
    expect(run('pdfimages', ['-list', file('analyst', 'pdf')]).split('\n').slice(2).filter(Boolean)).toEqual([]);
  });

  it('draws the SVGs (the seal in the body, the desk audience\'s crest logo) as vectors in the PDF', () => {
    expect(pdfText(file('embassy', 'pdf'))).toContain(GREEN);
    // The crest: in the title block and the running head.
    expect(pdfText(file('desk', 'pdf')).split(GREEN).length - 1).toBeGreaterThanOrEqual(2);
    expect(pdfText(file('analyst', 'pdf'))).not.toContain(GREEN);
  });

  it('inlines every image in the HTML as a data: URI, the CSP unchanged', () => {
    const html = readFileSync(file('embassy', 'html'), 'utf8');
    const srcs = [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]!);
    expect(srcs.map((s) => s.slice(0, s.indexOf(',') + 1))).toEqual(['data:image/png;base64,', 'data:image/svg+xml;base64,']);
    // The files' own bytes, as written in the template folder.
    expect(srcs.map((s) => Buffer.from(s.slice(s.indexOf(',') + 1), 'base64'))).toEqual([readFileSync(join(BRAND, 'embassy/logo.png')), readFileSync(join(BRAND, 'embassy/seal.svg'))]);
    expect(html).toMatch(/content="default-src 'none'; style-src 'sha256-[^']+'; img-src data:; base-uri 'none'; form-action 'none'"/);
    expect(readFileSync(file('desk', 'html'), 'utf8')).toMatch(/<img class="logo" src="data:image\/svg\+xml;base64,/);
  });

  it('theme.css sets the accent colour and the body size in the PDF', () => {
    const themed = pdfText(file('embassy', 'pdf'));
    expect(themed).toContain(WINE);
    expect(themed).toMatch(/\/F\d+ 11 Tf/);
    expect(pdfText(file('analyst', 'pdf'))).not.toContain(WINE);
    // Body text is 11 pt against the shipped 9.5 pt: the same word is that much taller.
    const ratio = wordHeight(file('embassy', 'pdf'), 'Political') / wordHeight(file('analyst', 'pdf'), 'Political');
    expect(ratio).toBeCloseTo(11 / 9.5, 2);
  });

  it('an unreadable or missing image is a template error at its tag', () => {
    const dir = tempDir('badimg');
    try {
      cpSync(BRAND, dir, { recursive: true });
      writeFileSync(join(dir, 'embassy', 'seal.svg'), 'not an image');
      const bad = runCli(['build', 'data/az-kg.yaml', '-a', 'embassy', '-f', 'html', '--as-of', AS_OF, '--templates', dir, '-o', join(dir, 'out')]);
      expect(bad.status).toBe(3);
      expect(bad.stderr).toContain(`${join(dir, 'embassy', 'brief.hbs')}:4:29`);
      expect(bad.stderr).toContain('is not a PNG, JPEG or SVG file');
      const brief = join(dir, 'embassy', 'brief.hbs');
      writeFileSync(brief, readFileSync(brief, 'utf8').replace('seal.svg', 'missing.png'));
      const missing = runCli(['build', 'data/az-kg.yaml', '-a', 'embassy', '-f', 'html', '--as-of', AS_OF, '--templates', dir, '-o', join(dir, 'out')]);
      expect(missing.status).toBe(3);
      expect(missing.stderr).toMatch(/brief\.hbs:4:29 .*image ".*missing\.png": image not found/);
      expect(existsSync(join(dir, 'out', 'az-kg-embassy.html'))).toBe(false);
    } finally {
      removeDir(dir);
    }
  });

  it('--incremental rebuilds a brief when its logo changes, and only then', () => {
    const dir = tempDir('logo-inc');
    try {
      cpSync(BRAND, dir, { recursive: true });
      const args = ['build', 'data/az-kg.yaml', '-a', 'desk', '-f', 'html', '--as-of', AS_OF, '--templates', dir, '-o', join(dir, 'out'), '--incremental'];
      expect(runCli(args).status).toBe(0);
      expect(runCli(args).stderr).toContain('1 up to date');
      const crest = join(dir, 'desk', 'crest.svg');
      writeFileSync(crest, readFileSync(crest, 'utf8').replace('#123456', '#D55E00'));
      const again = runCli(args);
      expect(again.stderr).toContain('0 up to date');
      expect(readFileSync(join(dir, 'out', 'az-kg-desk.html'), 'utf8')).toContain(Buffer.from(readFileSync(crest)).toString('base64'));
    } finally {
      removeDir(dir);
    }
  });

  it('vnu finds no error in the branded HTML', () => {
    const jar = join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
    const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', file('embassy', 'html'), file('desk', 'html')], { encoding: 'utf8', timeout: 120_000 });
    if (r.error && !process.env.CI) return; // no Java here (tests/briefs/vnu.test.ts says how to get it)
    expect((JSON.parse(r.stderr) as { messages: { message: string }[] }).messages.map((m) => m.message)).toEqual([]);
  }, 120_000);

  describe.runIf(runsChromium)('in Chromium', () => {
    let browser: Browser;
    let profile = '';
    beforeAll(async () => {
      profile = tempDir('brand-chromium');
      browser = await launchChromium(profile);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      removeDir(profile);
    });

    it('shows the theme (accent, body size, the custom class), loads nothing, breaks no CSP rule, and axe finds nothing', async () => {
      const page = await browser.newPage();
      const url = pathToFileURL(file('embassy', 'html')).href;
      const requests: string[] = [];
      const errors: string[] = [];
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.url() === url || req.url().startsWith('data:')) return void req.continue();
        requests.push(req.url());
        void req.abort();
      });
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.evaluateOnNewDocument('window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));');
      await page.goto(url, { waitUntil: 'load' });
      const seen = (await page.evaluate(`(() => {
        const cs = (sel) => getComputedStyle(document.querySelector(sel));
        const imgs = [...document.images].map((i) => [i.complete && i.naturalWidth > 0, Math.round(i.getBoundingClientRect().height)]);
        return { body: cs('body').fontSize, h1: cs('h1').color, box: cs('.custom-box').color, boxBg: cs('.custom-box').backgroundColor, imgs, csp: window.__csp };
      })()`)) as { body: string; h1: string; box: string; boxBg: string; imgs: [boolean, number][]; csp: string[] };
      expect(Number.parseFloat(seen.body)).toBeCloseTo(11 * 1.333, 2);
      expect(seen.h1).toBe('rgb(122, 31, 43)');
      expect([seen.box, seen.boxBg]).toEqual(['rgb(122, 31, 43)', 'rgb(246, 238, 232)']);
      // Both images decoded; the logo at its audience.yaml height, the seal at its width/height.
      expect(seen.imgs).toEqual([[true, 36], [true, 64]]);
      expect([seen.csp, requests, errors]).toEqual([[], [], []]);
      await page.close();
      // axe is a script the brief's CSP rightly refuses: a second look with the CSP bypassed.
      const audit = await browser.newPage();
      await audit.setBypassCSP(true);
      await audit.goto(url, { waitUntil: 'load' });
      await audit.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
      const violations = (await audit.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }).then((r) => r.violations.map((v) => v.id))`)) as string[];
      expect(violations).toEqual([]);
      await audit.close();
    }, 60_000);
  });
});

describe('what the PDF cannot draw', () => {
  beforeAll(ensureDistFresh, 300_000);
  it('is a warning at its template line, once per place across audiences, saying what to use instead', () => {
    const out = tempDir('unsupported');
    try {
      const r = runCli(['build', 'data/az-kg.yaml', '-a', 'analyst,public', '-f', 'html', '--as-of', AS_OF, '--templates', UNSUPPORTED, '-o', out]);
      expect(r.status).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l.includes(UNSUPPORTED));
      expect(lines).toEqual([
        `${UNSUPPORTED}/analyst/talking-points.hbs:4:3  warning  <video>  <video> is not drawn in the PDF (the HTML shows it): use an <img> of a still (PNG, JPEG or SVG) and a link`,
        expect.stringMatching(new RegExp(`^${UNSUPPORTED}/analyst/talking-points.hbs:5:3  warning  <p style>  style="color:red" is not drawn in the PDF.*style it in theme.css$`)),
        expect.stringMatching(new RegExp(`^${UNSUPPORTED}/analyst/talking-points.hbs:6:23  warning  <font>  <font>: its text is kept but its look is lost in the PDF`)),
        expect.stringMatching(new RegExp(`^${UNSUPPORTED}/shared/theme.css:1:29  warning  .note-box border-radius  property "border-radius" is drawn in the HTML only`)),
      ]);
      const strict = runCli(['build', 'data/az-kg.yaml', '-a', 'analyst', '-f', 'html', '--as-of', AS_OF, '--templates', UNSUPPORTED, '-o', join(out, 's'), '--strict']);
      expect(strict.status).toBe(3);
      expect(strict.stderr).toContain('talking-points.hbs:4:3');
    } finally {
      removeDir(out);
    }
  });
});

describe('templates new', () => {
  beforeAll(ensureDistFresh, 300_000);
  it('copies the theme file, the partials on request, and points brief.hbs at `templates fields`; the copy builds as the original', () => {
    const dir = tempDir('scaffold');
    try {
      const r = runCli(['templates', 'new', 'embassy', '--from', 'analyst', '--templates', dir, '--partials']);
      expect(r.status).toBe(0);
      const target = join(dir, 'embassy');
      expect(r.stdout).toContain(join(target, 'theme.css'));
      for (const p of ['title', 'trade', 'sources', 'layout']) expect(existsSync(join(target, `${p}.hbs`))).toBe(true);
      const brief = readFileSync(join(target, 'brief.hbs'), 'utf8');
      expect(brief.startsWith('{{!--')).toBe(true);
      expect(brief).toContain(`bilat templates fields -a embassy --templates ${dir}`);
      expect(readFileSync(join(target, 'audience.yaml'), 'utf8')).toContain('# logo: logo.png');
      const b = runCli(['build', 'data/az-kg.yaml', '-a', 'embassy', '--as-of', AS_OF, '--templates', dir, '-o', join(dir, 'out'), '--strict']);
      expect([b.status, b.stderr.split('\n').filter((l) => l.includes(dir))]).toEqual([0, []]);
      const page = run('pdftotext', ['-f', '1', '-l', '1', join(dir, 'out', 'az-kg-embassy.pdf'), '-']);
      expect(page).toContain('EMBASSY BRIEF');
    } finally {
      removeDir(dir);
    }
  });
});
