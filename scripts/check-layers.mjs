#!/usr/bin/env node
// `npm run lint:deps`: the import rules of .dependency-cruiser.cjs, then one check
// dependency-cruiser cannot express: no cycle between folders of src/ in the folder graph
// (config/check-jobs → schedule/cron and schedule/attempts → config/duration form no module
// cycle, yet tie config and schedule together). Static, dynamic and type-only imports count.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, format } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');
const { output } = await cruise(
  ['src'],
  { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, outputType: 'json' },
  undefined,
  { tsConfig: extractTSConfig(config.options.tsConfig.fileName) },
);
const result = typeof output === 'string' ? JSON.parse(output) : output;
let failed = result.summary.error > 0;
if (failed) process.stderr.write(String((await format(result, { outputType: 'err' })).output));

/** `src/schedule/lock.ts` → `schedule`; a module directly in src/ is a folder of its own. */
const folderOf = (path) => path.replace(/^src\//, '').replace(/\/.*$|\.ts$/, '');
const edges = new Map();
const via = new Map();
for (const m of result.modules) {
  if (!m.source.startsWith('src/')) continue;
  const from = folderOf(m.source);
  if (!edges.has(from)) edges.set(from, new Set());
  for (const d of m.dependencies) {
    if (!d.resolved.startsWith('src/')) continue;
    const to = folderOf(d.resolved);
    if (to === from) continue;
    edges.get(from).add(to);
    if (!via.has(`${from} ${to}`)) via.set(`${from} ${to}`, `${m.source} → ${d.resolved}`);
  }
}
// Tarjan's strongly connected components: any with two or more folders is a cycle.
let next = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(v) {
  index.set(v, next);
  low.set(v, next++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1) cycles.push(component.sort());
}
for (const v of edges.keys()) if (!index.has(v)) visit(v);
for (const c of cycles) {
  failed = true;
  console.error(`error folder-cycle: ${c.join(' ⇄ ')}`);
  for (const a of c) for (const b of c) if (via.has(`${a} ${b}`)) console.error(`  ${via.get(`${a} ${b}`)}`);
}
if (failed) process.exit(1);
console.log(
  `layers: ${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} imports, ${edges.size} folders, no violations, no folder cycles`,
);
