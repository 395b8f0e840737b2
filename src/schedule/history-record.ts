import { z } from 'zod';
import type { RunRecord } from './history.js';
import { describeIssues } from './state-file.js';

const Instant = z.iso.datetime({ offset: true });

const Count = z.int().min(0);

/**
 * One history line as bilat writes it (record.ts). Lines are read back through this: a hand-edited
 * `scheduledFor: 12` would otherwise be read as the year 2001 and start a catch-up storm.
 * Unknown fields are dropped, so a newer bilat's extra fields do not make a line unreadable.
 */
export const RunRecordSchema: z.ZodType<RunRecord> = z.object({
  job: z.string().min(1),
  runId: z.string(),
  trigger: z.enum(['schedule', 'catch-up', 'manual']),
  // Catch-up and retention compute with scheduledFor: it must be a real instant. The other
  // times are only shown, so any text will do.
  scheduledFor: Instant,
  asOf: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMs: z.number().min(0),
  status: z.enum(['ok', 'failed', 'skipped', 'timed-out']),
  attempt: Count,
  files: z.array(z.string()),
  folders: z.array(z.string()),
  error: z.string().optional(),
  exitCode: z.int().optional(),
  timeoutMs: z.number().min(0).optional(),
  notBuilt: z.array(z.string()).optional(),
  reason: z.string().optional(),
  missed: Count.optional(),
  pid: z.int(),
  host: z.string(),
});

/** The record on a line, or what is wrong with it. */
export function parseRecordLine(line: string): { record: RunRecord } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { problem: 'not JSON (a line cut short, or edited by hand)' };
  }
  const parsed = RunRecordSchema.safeParse(json);
  return parsed.success ? { record: parsed.data } : { problem: describeIssues(parsed.error) };
}

/** "lines 3, 7 and 9"; long lists are shortened. */
export function formatLineNumbers(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return `line${lines.length > 1 ? 's' : ''} ${shown}${lines.length > 10 ? ` and ${lines.length - 10} more` : ''}`;
}
