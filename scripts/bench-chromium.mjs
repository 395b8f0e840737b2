// The Chromium side of `npm run bench`: Debian's chromium driven by puppeteer-core.
// Used in-process (launchChromium) for the warm figures, and as a child process
// for the cold start and the batch, so its wall time and process tree can be measured alone:
//
//   node scripts/bench-chromium.mjs cold  <in.html> <out.pdf>
//   node scripts/bench-chromium.mjs batch <html-folder> <pdf-folder> <pages>
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** One browser, as lean as headless printing allows (no GPU, no extensions, /tmp instead of /dev/shm). */
export async function launchChromium() {
  if (!CHROMIUM) throw new Error('no chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
}

/** HTML string → PDF bytes, as a user of Chromium would print a brief: A4, backgrounds on. */
export async function printPdf(page, html) {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
}

async function cold(input, output) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    writeFileSync(output, await printPdf(page, readFileSync(input, 'utf8')));
  } finally {
    await browser.close();
  }
}

async function batch(htmlDir, pdfDir, pages) {
  mkdirSync(pdfDir, { recursive: true });
  const queue = readdirSync(htmlDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const count = queue.length;
  const browser = await launchChromium();
  try {
    const slot = async () => {
      const page = await browser.newPage();
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        writeFileSync(join(pdfDir, f.replace(/\.html$/, '.pdf')), await printPdf(page, readFileSync(join(htmlDir, f), 'utf8')));
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: pages }, slot));
  } finally {
    await browser.close();
  }
  process.stdout.write(`${JSON.stringify({ pdfs: count })}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [cmd, a, b, c] = process.argv.slice(2);
  if (cmd === 'cold') await cold(a, b);
  else if (cmd === 'batch') await batch(a, b, Number(c ?? 1));
  else {
    console.error('usage: bench-chromium.mjs cold <in.html> <out.pdf> | batch <html-dir> <pdf-dir> <pages>');
    process.exit(2);
  }
}
