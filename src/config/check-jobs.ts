import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { formatPath } from '../diagnostics.js';
import type { LoadedDocument } from '../data/load-document.js';
import { didYouMean } from '../did-you-mean.js';
import { cronNeverFires, cronProblem } from '../job-spec/cron.js';
import { matchDataFiles } from '../job-spec/data-files.js';
import { outPatternProblems, usesToken } from '../job-spec/out-pattern.js';
import { isKnownTimeZone } from '../job-spec/zoned-time.js';
import { audienceNames, SHIPPED_TEMPLATES } from '../templates/audience-folders.js';
import { parseDuration } from './duration.js';
import { HISTORY_DEFAULTS, JOB_DEFAULTS, MAX_TIMEOUT_MS, type BilatConfig } from './schema.js';

type Parsed = z.output<typeof BilatConfig>;
/** Jobs that passed the schema; the others are `undefined` (their schema errors are reported). */
type Checkable = { templates?: string; history?: { keep?: number }; jobs: readonly (Parsed['jobs'][number] | undefined)[] };

export interface CheckContext {
  doc: LoadedDocument;
  /** Project folder: the config file's folder; relative paths start here. */
  root: string;
  /** Shipped template folder (tests point it at a fixture). */
  shippedTemplates?: string;
}

/**
 * What the schema cannot say: cron syntax, time zones, audiences, unique names, data globs,
 * `out` patterns. All problems at once, each at its place in the file.
 */
export function checkJobs(config: Checkable, ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: PropertyKey[], message: string, hint?: string, key = false) =>
    out.push({
      severity: 'error',
      rule: 'config',
      code: 'E_CONFIG_INVALID',
      file: ctx.doc.file,
      ...ctx.doc.locate(path, key),
      path: formatPath(path),
      message,
      hint,
    });

  if (config.templates && !isDir(resolve(ctx.root, config.templates)))
    at(['templates'], 'template folder not found', `looked for ${resolve(ctx.root, config.templates)}`);

  const seen = new Map<string, number>();
  const outOwners = new Map<string, string>();
  config.jobs.forEach((job, i) => {
    if (!job) return;
    const p = (...rest: PropertyKey[]) => ['jobs', i, ...rest];
    const first = seen.get(job.name);
    if (first !== undefined) {
      at(
        p('name'),
        `duplicate job name "${job.name}"`,
        `also used by jobs[${first}] at line ${ctx.doc.locate(['jobs', first, 'name']).line}; names must be unique`,
      );
    } else seen.set(job.name, i);

    const cron = cronProblem(job.cron);
    if (cron)
      at(
        p('cron'),
        `invalid cron expression "${job.cron}": ${cron}`,
        '5 fields (minute hour day month weekday) or 6 with seconds first, e.g. "0 7 * * MON"',
      );
    const never = cron ? undefined : cronNeverFires(job.cron);
    if (never) at(p('cron'), `cron "${job.cron}" ${never.message}`, never.hint);

    if (job.timezone !== undefined && !isKnownTimeZone(job.timezone)) {
      const guess = didYouMean(job.timezone, Intl.supportedValuesOf('timeZone'));
      at(
        p('timezone'),
        `unknown time zone "${job.timezone}"`,
        guess ? `did you mean "${guess}"?` : 'use an IANA name such as Asia/Baku or Europe/Berlin',
      );
    }

    if (job.timeout !== undefined) {
      const t = parseDuration(job.timeout, { maxMs: MAX_TIMEOUT_MS });
      if ('message' in t) at(p('timeout'), `timeout ${t.message}`, t.hint);
    }

    // Retention finds run folders through the history: a run whose record rotated out would be kept for ever.
    const historyKeep = config.history?.keep ?? HISTORY_DEFAULTS.keep;
    if (job.keep !== undefined && job.keep > historyKeep)
      at(
        p('keep'),
        `keep ${job.keep} is more than the ${historyKeep} history records kept per job`,
        `lower keep, or raise history.keep to at least ${job.keep}`,
      );

    const userTemplates = job.templates ?? config.templates;
    if (job.templates && !isDir(resolve(ctx.root, job.templates)))
      at(p('templates'), 'template folder not found', `looked for ${resolve(ctx.root, job.templates)}`);
    const known = audienceNames([ctx.shippedTemplates ?? SHIPPED_TEMPLATES, userTemplates && resolve(ctx.root, userTemplates)]);
    job.audiences?.forEach((a, k) => {
      if (known.includes(a)) return;
      const guess = didYouMean(a, known);
      at(
        p('audiences', k),
        `unknown audience "${a}"`,
        guess ? `did you mean "${guess}"?` : `known audiences: ${known.join(', ') || '(none found)'}`,
      );
    });

    const data = typeof job.data === 'string' ? [job.data] : job.data;
    matchDataFiles(data, ctx.root).forEach((m, k) => {
      if (m.files.length) return;
      const where = typeof job.data === 'string' ? p('data') : p('data', k);
      at(where, `"${m.pattern}" matches no file`, `paths and globs are relative to ${ctx.root}`);
    });

    const pattern = job.out ?? JOB_DEFAULTS.out;
    for (const problem of outPatternProblems(pattern))
      at(job.out === undefined ? p() : p('out'), `out "${pattern}": ${problem.message}`, problem.hint);
    if (!usesToken(pattern, 'job')) {
      const other = outOwners.get(pattern);
      if (other)
        at(p('out'), `out "${pattern}" is also the out of job "${other}"`, "add {job} so the jobs do not replace each other's folders");
      else outOwners.set(pattern, job.name);
    }
  });
  return out;
}

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
