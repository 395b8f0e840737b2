import { z } from 'zod';

/** Job names end up in folder names, lock files and log lines: keep them path-safe. */
const JobName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'expected a name of lower-case letters, digits, ".", "_" or "-"' })
  .max(64)
  .meta({ description: 'Unique job name; used in paths ({job}), lock files and logs.' });

const OneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const JobConfig = z.strictObject({
  name: JobName,
  cron: z.string().min(1).meta({
    description: 'Cron expression: 5 fields (minute hour day month weekday) or 6 with seconds first, e.g. "0 7 * * MON".',
  }),
  /** @default the machine's time zone */
  timezone: z
    .string()
    .min(1)
    .optional()
    .meta({ description: "IANA time zone the cron expression and the as-of date are read in; default the machine's." }),
  data: OneOrMany.meta({ description: 'Relationship files or globs, relative to the config file.' }),
  /** @default every audience found in the template folders */
  audiences: z.array(z.string().min(1)).min(1).optional().meta({ description: 'Audiences to build; default all.' }),
  /** @default ['pdf', 'html'] */
  formats: z
    .array(z.enum(['pdf', 'html', 'docx']))
    .min(1)
    .optional()
    .meta({ description: 'Formats to build (pdf, html, docx); default pdf and html.', default: ['pdf', 'html'] }),
  /** @default 'output/{job}/{date}' */
  out: z.string().min(1).optional().meta({
    description: 'Run folder, relative to the config file; tokens {job} {date} {time} {pair} {audience}. Default "output/{job}/{date}".',
    default: 'output/{job}/{date}',
  }),
  keep: z.int().min(1).optional().meta({ description: 'Run folders of this job to keep; older ones are deleted. Default: keep all.' }),
  keepDays: z.int().min(1).optional().meta({ description: 'Delete run folders of this job older than this many days. Default: keep all.' }),
  /** @default 'latest' */
  catchUp: z.enum(['none', 'latest', 'all']).optional().meta({
    description:
      'Slots missed while no scheduler ran: none (skip them), latest (run the most recent one) or all (run them in order, at most catchUpLimit). Default latest.',
    default: 'latest',
  }),
  /** @default 10 */
  catchUpLimit: z
    .int()
    .min(1)
    .max(1000)
    .optional()
    .meta({ description: 'With catchUp: all, run at most this many missed slots (the most recent). Default 10.', default: 10 }),
  /** @default 'skip' */
  overlap: z.enum(['skip', 'queue']).optional().meta({
    description: 'When a slot comes while the previous run still runs: skip it (recorded in the history) or queue it. Default skip.',
    default: 'skip',
  }),
  /** @default 2 */
  retries: z
    .int()
    .min(0)
    .max(10)
    .optional()
    .meta({ description: 'Extra attempts after a failed one; the run fails only after them. Default 2.', default: 2 }),
  /** @default 10 */
  retryDelay: z.number().min(0).max(3600).optional().meta({
    description: 'Seconds before the first retry; each further retry waits twice as long. Default 10.',
    default: 10,
  }),
  /** @default '30m' */
  timeout: z
    .union([z.number(), z.string().min(1)])
    .optional()
    .meta({
      description:
        'Time limit of one run (all attempts and retry waits): seconds, or a duration such as "90s", "10m", "1h30m"; at most 24h. A run over it is stopped, publishes nothing and is recorded as timed-out. Default 30m.',
      default: '30m',
    }),
  templates: z.string().min(1).optional().meta({ description: 'User template folder (overrides or adds audiences) for this job.' }),
  locale: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .meta({
      description:
        "Language(s) of the briefs: en, ru, az (or a catalog in the templates' locales/ folder), one or a list; a regional tag such as en-US sets dates and numbers too. A language other than English adds .<lang> to file names. Default en-GB.",
    }),
  pageSize: z.enum(['A4', 'LETTER']).optional().meta({ description: 'PDF page size; default A4.' }),
});
export type JobConfig = z.input<typeof JobConfig>;

export const BilatConfig = z.strictObject({
  $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors; ignored.' }),
  templates: z.string().min(1).optional().meta({ description: 'User template folder used by every job that does not name its own.' }),
  /** @default '<first fixed folder of out>/.bilat' */
  state: z.string().min(1).optional().meta({
    description: 'Folder for the run history, locks and run state. Default: ".bilat" next to the outputs (e.g. output/.bilat).',
  }),
  history: z
    .strictObject({
      /** @default 1000 */
      keep: z
        .int()
        .min(1)
        .optional()
        .meta({ description: 'Records of each job kept in history.jsonl; older ones are dropped. Default 1000.', default: 1000 }),
      /** @default 1048576 */
      maxBytes: z.int().min(4096).optional().meta({
        description: 'Bytes of records of each job kept in history.jsonl (the newest record is always kept). Default 1048576 (1 MiB).',
        default: 1_048_576,
      }),
    })
    .optional()
    .meta({ description: 'Rotation of the run history (history.jsonl in the state folder), per job.' }),
  jobs: z.array(JobConfig).min(1).meta({ description: 'Scheduled jobs.' }),
});
export type BilatConfig = z.input<typeof BilatConfig>;

/** Typed helper for `bilat.config.ts`-style configs and programmatic use; returns its argument. */
export function defineConfig(config: BilatConfig): BilatConfig {
  return config;
}

/** One place for every default (STYLE: config typed in, frozen out). */
export const JOB_DEFAULTS = Object.freeze({
  formats: ['pdf', 'html'] as const,
  out: 'output/{job}/{date}',
  catchUp: 'latest' as const,
  catchUpLimit: 10,
  overlap: 'skip' as const,
  retries: 2,
  retryDelay: 10,
  /** A hung run (a stuck mount, a runaway file) must not hold the job's lock for ever: its later slots would all be skipped. */
  timeout: '30m',
});

/** History rotation, per job: a daily job keeps ~3 years of records, an hourly one ~6 weeks. */
export const HISTORY_DEFAULTS = Object.freeze({ keep: 1000, maxBytes: 1_048_576 });

/** The longest `timeout` accepted. */
export const MAX_TIMEOUT_MS = 24 * 3_600_000;

export const CONFIG_FILE_NAMES = ['bilat.config.yaml', 'bilat.config.yml', 'bilat.config.json'] as const;
