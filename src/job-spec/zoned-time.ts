/** Wall-clock parts of an instant in an IANA time zone (Intl, no tz database of our own). */
export interface ZonedParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm:ss` (24 h) */
  time: string;
  /** `+04:00`, `-05:00`, `+00:00` */
  offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) p[part.type] = part.value;
  // longOffset prints "GMT+04:00", or plain "GMT" for a zero offset.
  const offset = (p.timeZoneName ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}`, offset };
}

/** `2026-11-23T07:00:00+04:00`: the form log lines and history records use. */
export function zonedIso(instant: Date, timeZone: string): string {
  const z = zonedParts(instant, timeZone);
  return `${z.date}T${z.time}${z.offset}`;
}

/** True when Intl knows the zone (it throws a RangeError on unknown ones). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The instant a wall-clock time names in a zone: `2026-11-23T07:00` in Asia/Baku is 03:00 UTC.
 * A time that occurs twice (clocks set back) is its first occurrence; a time a DST change
 * skips is read with the offset before the change, so it lands just after the jump.
 */
export function instantOfWallTime(date: string, time: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T${time}Z`);
  const offsetMs = (instant: number) => {
    // Local mean time before 1900 has offsets in seconds ("+03:19:24").
    const m = /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(zonedParts(new Date(instant), timeZone).offset);
    return m ? (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000 : 0;
  };
  // The offsets a day before and after: the wall time is one of these two readings (or none).
  const before = guess - offsetMs(guess - 86_400_000);
  const after = guess - offsetMs(guess + 86_400_000);
  const fits = [before, after]
    .filter((t) => {
      const z = zonedParts(new Date(t), timeZone);
      return `${z.date}T${z.time}` === `${date}T${time}`;
    })
    .sort((a, b) => a - b);
  return new Date(fits[0] ?? before);
}
