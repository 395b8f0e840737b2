// Process helpers for the benchmark: run a child, time it, and sample the peak memory of its
// whole process tree from /proc (Linux). Worker threads share their process's RSS, so a bilat
// batch is one process; Chromium is many, and every one of them is counted.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function table() {
  const parent = new Map();
  const name = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const close = s.lastIndexOf(')');
      parent.set(Number(d), Number(s.slice(close + 2).split(' ')[1]));
      name.set(Number(d), s.slice(s.indexOf('(') + 1, close));
    } catch {
      // exited while we looked
    }
  }
  return { parent, name };
}

/** The pid and all its descendants, with their command names. */
export function processTree(root) {
  const { parent, name } = table();
  const out = [{ pid: root, name: name.get(root) ?? '' }];
  const seen = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!seen.has(pid) && seen.has(ppid)) {
        seen.add(pid);
        out.push({ pid, name: name.get(pid) ?? '' });
        grew = true;
      }
    }
  }
  return out;
}

function statusKb(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function pssKb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the tree every `everyMs`: summed RSS (what `ps` shows; shared pages counted once per
 * process) and, every fourth sample, summed PSS (shared pages split between the sharers).
 * `select` picks which processes of the tree count (e.g. only Chromium's, not its driver).
 * @param {number} root
 * @param {{ everyMs?: number, select?: (p: { pid: number, name: string }) => boolean }} [options]
 */
export function sampleTree(root, { everyMs = 20, select = () => true } = {}) {
  let peakRss = 0;
  let peakPss = 0;
  let ticks = 0;
  let tree = [];
  const tick = () => {
    if (ticks % 10 === 0) tree = processTree(root).filter(select); // new processes appear early; re-walk now and then
    const rss = tree.reduce((s, p) => s + statusKb(p.pid, 'VmRSS'), 0);
    peakRss = Math.max(peakRss, rss);
    if (ticks % 4 === 0)
      peakPss = Math.max(
        peakPss,
        tree.reduce((s, p) => s + pssKb(p.pid), 0),
      );
    ticks++;
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakRssMb: peakRss / 1024, peakPssMb: peakPss / 1024, samples: ticks };
    },
  };
}

/**
 * Runs a command to its end; wall time from spawn to exit, stdout, and the tree's peak memory.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, select?: (p: { pid: number, name: string }) => boolean, quiet?: boolean }} [options]
 */
export function runMeasured(cmd, args, { cwd, select, quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'] });
    const sampler = sampleTree(child.pid, { select });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr?.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const mem = sampler.stop();
      resolve({ code, wallMs, stdout, stderr, ...mem });
    });
  });
}

export function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}
