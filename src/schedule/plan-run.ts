import { basename, extname, resolve } from 'node:path';
import type { ResolvedJob } from '../config/resolve-config.js';
import { audienceNames, SHIPPED_TEMPLATES } from '../templates/audience-folders.js';
import { loadDocument } from '../data/load-document.js';
import { BilatError } from '../errors.js';
import { dataFiles } from '../job-spec/data-files.js';
import { expandOut, usesToken } from '../job-spec/out-pattern.js';
import { zonedParts, zonedIso } from '../job-spec/zoned-time.js';

/** A slot as the job sees it: its wall-clock time in the job's zone and the brief's as-of day. */
export interface SlotInfo {
  at: Date;
  /** `2026-11-23T07:00:00+04:00` */
  scheduledFor: string;
  /** The slot's calendar day in the job's time zone. */
  asOf: string;
  /** `{time}`: HHmm, or HHmmss for 6-field (seconds) expressions. */
  time: string;
}

export function slotInfo(job: Pick<ResolvedJob, 'timezone' | 'cron'>, at: Date): SlotInfo {
  const z = zonedParts(at, job.timezone);
  const seconds = job.cron.split(/\s+/).length === 6;
  const hhmmss = z.time.replaceAll(':', '');
  return { at, scheduledFor: zonedIso(at, job.timezone), asOf: z.date, time: seconds ? hhmmss : hhmmss.slice(0, 4) };
}

/** One `buildBriefs` call: the data and audiences that go to one run folder. */
export interface RunGroup {
  /** Absolute final run folder. */
  final: string;
  data: string[];
  /** Undefined: every audience (the pipeline's default). */
  audiences?: string[];
}

/**
 * The run folders of one slot. `{pair}` and `{audience}` in `out` split the run into one
 * folder (and one pipeline call) per pair and/or audience; otherwise it is one folder.
 */
export function planGroups(job: ResolvedJob, slot: SlotInfo, shippedTemplates = SHIPPED_TEMPLATES): RunGroup[] {
  const files = dataFiles(job.data, job.root);
  if (!files.length) {
    throw new BilatError('E_FILE_MISSING', `data ${job.data.map((d) => `"${d}"`).join(', ')} matches no file`, { file: job.root });
  }
  const byPair = usesToken(job.out, 'pair');
  const byAudience = usesToken(job.out, 'audience');
  const audiences = byAudience ? (job.audiences ? [...job.audiences] : audienceNames([shippedTemplates, job.templates])) : undefined;
  const groups = new Map<string, { data: Set<string>; audiences?: Set<string> }>();
  for (const file of byPair ? files : [undefined]) {
    for (const audience of audiences ?? [undefined]) {
      const rel = expandOut(job.out, { job: job.name, date: slot.asOf, time: slot.time, pair: file && pairId(file), audience });
      const final = resolve(job.root, rel);
      const g = groups.get(final) ?? { data: new Set<string>(), audiences: audience === undefined ? undefined : new Set<string>() };
      for (const f of file ? [file] : files) g.data.add(f);
      if (audience !== undefined) g.audiences!.add(audience);
      groups.set(final, g);
    }
  }
  return [...groups].map(([final, g]) => ({
    final,
    data: [...g.data],
    audiences: g.audiences ? [...g.audiences] : job.audiences && [...job.audiences],
  }));
}

/** `pair.id` of a relationship file; its base name when it has none (the pipeline reports why). */
function pairId(file: string): string {
  try {
    const v = loadDocument(file).value as { pair?: { id?: unknown } } | null;
    if (typeof v?.pair?.id === 'string' && v.pair.id) return v.pair.id;
  } catch {
    // the build itself reports unreadable data, located
  }
  return basename(file, extname(file));
}
