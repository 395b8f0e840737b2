#!/usr/bin/env node
// `npm run bench`: how fast bilat makes briefs, next to headless Chromium, on this machine.
// Not a test: it measures, prints a markdown table (target / measured / pass) and writes the
// figures to bench-results/latest.json. Runs the built dist/ (npm run build first).
//
//   node scripts/bench.mjs            # the full run (about 3 minutes on 2 cores)
//   node scripts/bench.mjs --quick    # smaller corpus and fewer repeats, for a quick look
//   options: --pairs N (batch size in relationships; 167 × 6 = 1,002 briefs), --c1-pairs N,
//            --samples N, --no-chromium, --keep (leave the temp folder)
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRelationship, relationshipYaml, writeCorpus } from './bench-corpus.mjs';
import { CHROMIUM, launchChromium } from './bench-chromium.mjs';
import { loadAverage, runMeasured } from './bench-proc.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const QUICK = flag('--quick');
const PAIRS = option('--pairs', QUICK ? 24 : 167);
// Throughput is a rate: concurrency 1 and Chromium run on the first quarter to keep the bench near 3 minutes.
const C1_PAIRS = Math.min(PAIRS, option('--c1-pairs', Math.ceil(PAIRS / 4)));
const SAMPLES = option('--samples', QUICK ? 4 : 8);
const COLD_RUNS = QUICK ? 3 : 5;
const WITH_CHROMIUM = !flag('--no-chromium') && CHROMIUM !== undefined;
const AS_OF = '2026-11-22';
const SEED = 42;

const work = join(tmpdir(), `bilat-bench-${process.pid}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (s) => process.stderr.write(`${s}\n`);
const bilatBin = join(ROOT, 'bin', 'bilat.js');

const lib = await import('../dist/index.js');
const pipeline = await import('../dist/pipeline.js');
const { chartSpec } = await import('../dist/render/chart-figures.js');
const charts = await import('../dist/render/charts/index.js');
const { htmlDocument } = await import('../dist/render/html/document.js');
const { renderBriefPdf } = await import('../dist/render/pdf-brief.js');
const { createFormatter } = await import('../dist/model/format.js');

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    cores: availableParallelism(),
  },
  config: {
    quick: QUICK,
    pairs: PAIRS,
    c1Pairs: C1_PAIRS,
    samples: SAMPLES,
    seed: SEED,
    asOf: AS_OF,
    chromium: WITH_CHROMIUM ? CHROMIUM : null,
  },
  loadAverage: { start: loadAverage() },
};

try {
  mkdirSync(work, { recursive: true });
  const corpus = join(work, 'corpus');
  log(`corpus: ${PAIRS} relationships (seed ${SEED}) in ${corpus}`);
  const files = writeCorpus(corpus, { pairs: PAIRS, seed: SEED });
  const c1Corpus = join(work, 'corpus-c1');
  mkdirSync(c1Corpus);
  for (const f of files.slice(0, C1_PAIRS)) writeFileSync(join(c1Corpus, f.split('/').at(-1)), readFileSync(f));

  results.stages = await stages(files);
  results.cold = await coldStart();
  results.scaling = await contactScaling();
  results.batch = await batches(corpus, c1Corpus);
  results.loadAverage.end = loadAverage();
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table(results)}\n`);
  log(`figures: bench-results/latest.json`);
} finally {
  if (!flag('--keep')) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

/** Per-brief stage times (analyst brief) and a whole pair, in this warm process; Chromium interleaved. */
async function stages(files) {
  log(`stages: ${SAMPLES} relationships after 2 warm-up ones${WITH_CHROMIUM ? ', each also printed by Chromium' : ''}`);
  await charts.ensureChartsReady();
  const [analyst] = pipeline.compileAudiences({ audiences: ['analyst'] });
  const browser = WITH_CHROMIUM ? await launchChromium() : undefined;
  const page = await browser?.newPage();
  if (browser) results.config.chromiumVersion = await browser.version();
  const out = join(work, 'stages');
  const m = {
    chartsMs: [],
    chartCount: [],
    htmlMs: [],
    pdfMs: [],
    briefMs: [],
    pairMs: [],
    chromiumMs: [],
    chromiumPdfOnlyMs: [],
    pages: [],
  };
  try {
    for (let i = 0; i < SAMPLES + 2; i++) {
      const file = files[i % files.length];
      const warm = i >= 2;
      const data = lib.validateFile(file, AS_OF).data;
      const view = lib.buildView(data, {
        asOf: AS_OF,
        locale: 'en-GB',
        generator: pipeline.GENERATOR,
        audience: pipeline.audienceInfo(analyst),
      });
      // Charts: the specs this template asks for, drawn without the cache, as the pipeline draws
      // them: one SVG with real text per chart, shared by both formats.
      const calls = [];
      analyst.render(view, { fmt: createFormatter(view.meta.locale), chart: (kind, d) => (calls.push([kind, d]), '') });
      let t = performance.now();
      for (const [kind, d] of calls) {
        const { spec } = chartSpec(kind, d, view);
        charts.renderChart(spec);
      }
      const chartsMs = performance.now() - t;
      // Fill the chart cache, as the first audience of a pair does; later ones find their charts there.
      const article = pipeline.renderArticle(analyst, view);
      t = performance.now();
      const html = htmlDocument(pipeline.renderArticle(analyst, view), analyst.css, pipeline.htmlMeta(view));
      const htmlMs = performance.now() - t;
      t = performance.now();
      const pdf = await renderBriefPdf(article, view, 'A4');
      const pdfMs = performance.now() - t;
      let chromiumMs;
      let chromiumPdfOnlyMs;
      if (page) {
        t = performance.now();
        await page.setContent(html, { waitUntil: 'load' });
        const t2 = performance.now();
        await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        chromiumMs = performance.now() - t;
        chromiumPdfOnlyMs = performance.now() - t2;
      }
      t = performance.now();
      await lib.buildBriefs({ data: [file], out, asOf: AS_OF });
      const pairMs = performance.now() - t;
      if (!warm) continue;
      m.chartsMs.push(chartsMs);
      m.chartCount.push(calls.length);
      m.htmlMs.push(htmlMs);
      m.pdfMs.push(pdfMs);
      m.briefMs.push(chartsMs + htmlMs + pdfMs);
      m.pairMs.push(pairMs);
      m.pages.push(countPages(pdf));
      if (chromiumMs !== undefined) {
        m.chromiumMs.push(chromiumMs);
        m.chromiumPdfOnlyMs.push(chromiumPdfOnlyMs);
      }
    }
  } finally {
    await browser?.close();
  }
  const med = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.length ? median(v) : null]));
  return { median: med, samples: m };
}

/** Cold CLI runs: bilat's one executive PDF against a cold Chromium launch + page.pdf of the same brief. */
async function coldStart() {
  log(`cold start: ${COLD_RUNS} runs each`);
  const out = join(work, 'cold');
  const cmd = [
    'build',
    join(ROOT, 'data', 'az-kg.yaml'),
    '--audience',
    'executive',
    '--format',
    'pdf',
    '--out',
    out,
    '--as-of',
    AS_OF,
    '--quiet',
  ];
  await lib.buildBriefs({ data: [join(ROOT, 'data', 'az-kg.yaml')], audiences: ['executive'], formats: ['html'], out, asOf: AS_OF });
  const html = join(out, 'az-kg-executive.html');
  const bilat = [];
  const chromium = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const r = await runMeasured(process.execPath, [bilatBin, ...cmd], { cwd: ROOT });
    if (r.code !== 0) throw new Error(`bilat cold run failed (${r.code}): ${r.stderr}`);
    bilat.push(r.wallMs);
    if (WITH_CHROMIUM) {
      const c = await runMeasured(
        process.execPath,
        [join(ROOT, 'scripts', 'bench-chromium.mjs'), 'cold', html, join(out, 'chromium.pdf')],
        { cwd: ROOT },
      );
      if (c.code !== 0) throw new Error(`chromium cold run failed: ${c.stderr}`);
      chromium.push(c.wallMs);
    }
  }
  return { bilatMs: median(bilat), chromiumMs: chromium.length ? median(chromium) : null, runs: { bilat, chromium } };
}

/** One relationship with 10× the contacts against the same one with the normal 30. */
async function contactScaling() {
  log('scaling: 30 vs 300 contacts');
  const dir = join(work, 'scaling');
  mkdirSync(dir, { recursive: true });
  const normal = join(dir, 'normal.yaml');
  const big = join(dir, 'big.yaml');
  writeFileSync(normal, relationshipYaml(generateRelationship(0, { seed: SEED, contacts: 30 })));
  writeFileSync(big, relationshipYaml(generateRelationship(0, { seed: SEED, contacts: 300 })));
  const time = async (file) => {
    const t = performance.now();
    await lib.buildBriefs({ data: [file], out: join(dir, 'out'), asOf: AS_OF });
    return performance.now() - t;
  };
  await time(big);
  const n = [];
  const b = [];
  for (let i = 0; i < 2; i++) {
    n.push(await time(normal));
    b.push(await time(big));
  }
  return { normalMs: median(n), bigMs: median(b), ratio: median(b) / median(n) };
}

/** CLI batches at concurrency 1 and 2, the incremental rerun, and Chromium printing the same PDFs. */
async function batches(corpus, c1Corpus) {
  const run = async (label, dir, j, outDir, extra = []) => {
    log(`batch: ${label}`);
    const r = await runMeasured(
      process.execPath,
      [bilatBin, 'build', dir, '-j', String(j), '--out', outDir, '--as-of', AS_OF, '--quiet', '--json', ...extra],
      { cwd: ROOT },
    );
    if (r.code !== 0) throw new Error(`${label} failed (${r.code}): ${r.stderr.slice(0, 2000)}`);
    const s = JSON.parse(r.stdout);
    return {
      wallMs: r.wallMs,
      peakRssMb: r.peakRssMb,
      peakPssMb: r.peakPssMb,
      files: s.totals.files,
      written: s.totals.written,
      upToDate: s.totals.upToDate,
      briefsPerSec: s.totals.written / (r.wallMs / 1000),
    };
  };
  const c1 = await run(`${C1_PAIRS} relationships at concurrency 1`, c1Corpus, 1, join(work, 'out-c1'));
  const twoProcesses = await separateProcesses(c1Corpus, c1);
  const c2 = await run(`${PAIRS} relationships at concurrency 2`, corpus, 2, join(work, 'out-c2'), ['--incremental']);
  const rerun = await run('incremental rerun, nothing changed', corpus, 2, join(work, 'out-c2'), ['--incremental']);
  let chromium = null;
  if (WITH_CHROMIUM) {
    // The concurrency-1 share of the batch: Chromium's peak memory is reached in the first few
    // documents, so a shorter run can only flatter it.
    const htmlDir = join(work, 'out-c1');
    const pdfs = readdirSync(htmlDir).filter((f) => f.endsWith('.html')).length;
    log(`batch: Chromium prints ${pdfs} of the batch's briefs from their HTML, 2 pages at once`);
    const r = await runMeasured(
      process.execPath,
      [join(ROOT, 'scripts', 'bench-chromium.mjs'), 'batch', htmlDir, join(work, 'out-chromium'), '2'],
      {
        cwd: ROOT,
        select: (p) => p.name.startsWith('chrom'),
      },
    );
    if (r.code !== 0) throw new Error(`chromium batch failed: ${r.stderr.slice(0, 2000)}`);
    chromium = { wallMs: r.wallMs, pdfs, pdfsPerSec: pdfs / (r.wallMs / 1000), peakRssMb: r.peakRssMb, peakPssMb: r.peakPssMb };
  }
  return {
    c1,
    c2,
    rerun,
    chromium,
    twoProcesses,
    speedupC2: c2.briefsPerSec / c1.briefsPerSec,
    incrementalSpeedup: c2.wallMs / rerun.wallMs,
  };
}

/**
 * What this machine gives two render threads at all: the concurrency-1 corpus split in two
 * halves, each built by its own `bilat build -j 1` process, both at once. No pool, no shared
 * heap or process: the speed-up over one process is the ceiling for concurrency 2 here.
 */
async function separateProcesses(c1Corpus, c1) {
  log('batch: the concurrency-1 corpus in two halves, two separate processes at once');
  const files = readdirSync(c1Corpus).sort();
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)].map((names, k) => {
    const dir = join(work, `half-${k}`);
    mkdirSync(dir, { recursive: true });
    for (const n of names) writeFileSync(join(dir, n), readFileSync(join(c1Corpus, n)));
    return dir;
  });
  const started = performance.now();
  const runs = await Promise.all(
    halves.map((dir, k) =>
      runMeasured(
        process.execPath,
        [bilatBin, 'build', dir, '-j', '1', '--out', join(work, `out-half-${k}`), '--as-of', AS_OF, '--quiet'],
        { cwd: ROOT },
      ),
    ),
  );
  const wallMs = performance.now() - started;
  for (const r of runs) if (r.code !== 0) throw new Error(`half build failed (${r.code}): ${r.stderr.slice(0, 2000)}`);
  const briefsPerSec = c1.written / (wallMs / 1000);
  return { wallMs, briefsPerSec, speedup: briefsPerSec / c1.briefsPerSec };
}

function table(r) {
  const s = r.stages.median;
  const ms = (x) => (x === null || Number.isNaN(x) ? 'n/a' : `${Math.round(x)} ms`);
  const mb = (x) => (x === null || x === undefined ? 'n/a' : `${Math.round(x)} MB`);
  const x = (v) => (v === null || Number.isNaN(v) ? 'n/a' : `${v.toFixed(2)}×`);
  const pass = (ok) => (ok === null ? '–' : ok ? '✅' : '❌');
  const b = r.batch;
  const chrom = b.chromium;
  const pdfSpeedup = s.chromiumMs ? s.chromiumMs / s.pdfMs : null;
  const rows = [
    ['Charts, analyst brief (' + (s.chartCount ?? 0) + ' charts, median)', '–', ms(s.chartsMs), '–'],
    ['HTML, analyst brief (template + document, median)', '–', ms(s.htmlMs), '–'],
    [
      'PDF stage, analyst brief (' + (s.pages ?? '?') + ' pages, median)',
      '≤ Chromium (aim 2× faster)',
      `${ms(s.pdfMs)} vs Chromium ${ms(s.chromiumMs)} (page.pdf alone ${ms(s.chromiumPdfOnlyMs)})`,
      pass(pdfSpeedup === null ? null : pdfSpeedup >= 1),
    ],
    ['Speed-up of the PDF stage (Chromium ÷ bilat)', '≥ 1× (aim 2×)', x(pdfSpeedup), pass(pdfSpeedup === null ? null : pdfSpeedup >= 1)],
    ['End to end, analyst brief (charts + HTML + PDF)', '–', ms(s.briefMs), '–'],
    ['End to end, one pair: 3 audiences × HTML + PDF, warm', '< 400 ms', ms(s.pairMs), pass(s.pairMs < 400)],
    [
      'Cold `bilat build data/az-kg.yaml -a executive -f pdf`',
      '< 800 ms and < cold Chromium',
      `${ms(r.cold.bilatMs)} vs Chromium ${ms(r.cold.chromiumMs)}`,
      pass(r.cold.bilatMs < 800 && (r.cold.chromiumMs === null || r.cold.bilatMs < r.cold.chromiumMs)),
    ],
    [
      `Batch, concurrency 1 (${b.c1.written} briefs)`,
      '–',
      `${b.c1.briefsPerSec.toFixed(1)} briefs/s (${(b.c1.wallMs / 1000).toFixed(1)} s)`,
      '–',
    ],
    [
      `Batch, concurrency 2 (${b.c2.written} briefs)`,
      '≥ 1.7× concurrency 1',
      `${b.c2.briefsPerSec.toFixed(1)} briefs/s (${(b.c2.wallMs / 1000).toFixed(1)} s), ${x(b.speedupC2)}`,
      pass(b.speedupC2 >= 1.7),
    ],
    [
      `Reference: two separate \`-j 1\` processes at once, half of the ${b.c1.written} briefs each`,
      '–',
      `${b.twoProcesses.briefsPerSec.toFixed(1)} briefs/s (${(b.twoProcesses.wallMs / 1000).toFixed(1)} s), ${x(b.twoProcesses.speedup)} concurrency 1`,
      '–',
    ],
    [
      'Peak RSS of the process tree, concurrency 2',
      `< 300 MB and < ½ Chromium's`,
      `${mb(b.c2.peakRssMb)} (PSS ${mb(b.c2.peakPssMb)}) vs Chromium ${mb(chrom?.peakRssMb)} (PSS ${mb(chrom?.peakPssMb)})`,
      pass(b.c2.peakRssMb < 300 && (!chrom || b.c2.peakRssMb < chrom.peakRssMb / 2)),
    ],
    [
      `Chromium printing ${chrom?.pdfs ?? 'n/a'} of the batch's PDFs from its HTML, 2 pages`,
      '–',
      chrom ? `${chrom.pdfsPerSec.toFixed(1)} PDFs/s (${(chrom.wallMs / 1000).toFixed(1)} s)` : 'n/a',
      '–',
    ],
    [
      '`--incremental` rerun, nothing changed',
      '≥ 20× faster than the full build',
      `${ms(b.rerun.wallMs)} vs ${ms(b.c2.wallMs)}: ${x(b.incrementalSpeedup)}`,
      pass(b.incrementalSpeedup >= 20),
    ],
    [
      'One pair with 10× the contacts (300 vs 30)',
      '≤ 10× the time',
      `${ms(r.scaling.bigMs)} vs ${ms(r.scaling.normalMs)}: ${x(r.scaling.ratio)}`,
      pass(r.scaling.ratio <= 10),
    ],
  ];
  const head = `| measure | target | measured | pass |\n|---|---|---|---|`;
  const load = `Load average ${r.loadAverage.start.join(' ')} at start, ${r.loadAverage.end.join(' ')} at end; ${r.machine.cores} cores, Node ${r.machine.node}.`;
  return `${head}\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n\n${load}`;
}

function countPages(pdf) {
  const m = Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type\s*\/Page[^s]/g);
  return m ? m.length : 0;
}
