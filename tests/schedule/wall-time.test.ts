// `jobs run --at 2026-11-23T07:00`: a wall-clock time without an offset is read in the job's zone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOfWallTime, zonedIso } from '../../src/job-spec/zoned-time.js';

const at = (date: string, time: string, tz: string) => zonedIso(instantOfWallTime(date, time, tz), tz);

describe('instantOfWallTime', () => {
  it('reads the time in the zone given', () => {
    expect(instantOfWallTime('2026-11-23', '07:00:00', 'Asia/Baku').toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(at('2026-07-01', '09:30:00', 'America/New_York')).toBe('2026-07-01T09:30:00-04:00');
    expect(at('2026-12-01', '09:30:00', 'America/New_York')).toBe('2026-12-01T09:30:00-05:00');
  });

  it('a time set back twice is its first occurrence; a skipped one lands just after the jump', () => {
    expect(at('2026-10-25', '02:30:00', 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
    expect(at('2026-03-29', '02:30:00', 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('gives back every wall time that exists, in any zone', () => {
    const zones = ['Asia/Baku', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }), (tz, ms) => {
        const iso = zonedIso(new Date(Math.floor(ms / 1000) * 1000), tz);
        const [date, rest] = iso.split('T') as [string, string];
        const time = rest.slice(0, 8);
        expect(at(date, time, tz).slice(0, 19)).toBe(`${date}T${time}`);
      }),
      { numRuns: 300 },
    );
  });
});
