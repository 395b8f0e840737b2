#!/usr/bin/env node
// What tagging (PDF/UA-1 + PDF/A-2a, on by default) costs the PDF stage: each audience of
// az-kg rendered from the same article HTML with `pdfStandard: 'none'` and tagged, alternately
// in one process, so both see the same warm caches and the same machine load.
// Not a test (no timed assertions in tests): prints medians and writes nothing.
//
//   npm run build && node scripts/bench-tagging.mjs [--samples N]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--samples');
const SAMPLES = i === -1 ? 15 : Number(process.argv[i + 1]);
const AS_OF = '2026-11-22';

const lib = await import('../dist/index.js');
const pipeline = await import('../dist/pipeline.js');
const charts = await import('../dist/render/charts/index.js');
const { renderBriefPdf } = await import('../dist/render/pdf-brief.js');

await charts.ensureChartsReady();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const data = lib.validateFile(join(ROOT, 'data/az-kg.yaml'), AS_OF).data;
const rows = [];
let totalNone = 0;
let totalTagged = 0;
let totalNoneCpu = 0;
let totalTaggedCpu = 0;
const pct = (a, b) => `${(((b - a) / a) * 100).toFixed(1)} %`;
const row = (name, none, tagged, noneCpu, taggedCpu) =>
  `| ${name} | ${none.toFixed(1)} ms | ${tagged.toFixed(1)} ms | ${pct(none, tagged)} | ${noneCpu.toFixed(1)} ms | ${taggedCpu.toFixed(1)} ms | ${pct(noneCpu, taggedCpu)} |`;
for (const audience of pipeline.compileAudiences({ audiences: ['executive', 'analyst', 'public'] })) {
  const view = lib.buildView(data, {
    asOf: AS_OF,
    locale: 'en-GB',
    generator: pipeline.GENERATOR,
    audience: pipeline.audienceInfo(audience),
  });
  const article = pipeline.renderArticle(audience, view);
  const times = { none: [], 'ua1-a2': [] };
  const cpu = { none: [], 'ua1-a2': [] };
  for (let s = 0; s < SAMPLES + 2; s++) {
    // Alternate the order so neither variant always runs second.
    /** @type {('none' | 'ua1-a2')[]} */
    const order = s % 2 === 0 ? ['none', 'ua1-a2'] : ['ua1-a2', 'none'];
    for (const standard of order) {
      const t = performance.now();
      const c = process.cpuUsage();
      await renderBriefPdf(article, view, 'A4', undefined, standard);
      const used = process.cpuUsage(c);
      if (s < 2) continue;
      times[standard].push(performance.now() - t);
      // CPU time as well: on a shared machine wall time mostly measures the neighbours.
      cpu[standard].push((used.user + used.system) / 1000);
    }
  }
  const none = median(times.none);
  const tagged = median(times['ua1-a2']);
  const noneCpu = median(cpu.none);
  const taggedCpu = median(cpu['ua1-a2']);
  totalNone += none;
  totalTagged += tagged;
  totalNoneCpu += noneCpu;
  totalTaggedCpu += taggedCpu;
  rows.push(row(audience.audience.id, none, tagged, noneCpu, taggedCpu));
}
console.log(`PDF stage, az-kg, median of ${SAMPLES} (untagged vs tagged, same process, alternating)\n`);
console.log('| Audience | wall, none | wall, tagged | cost | CPU, none | CPU, tagged | cost |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(row('all three', totalNone, totalTagged, totalNoneCpu, totalTaggedCpu));
