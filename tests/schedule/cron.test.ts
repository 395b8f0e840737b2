import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planMissed } from '../../src/schedule/catch-up.js';
import { createSchedule, cronNeverFires } from '../../src/job-spec/cron.js';
import { expandOut, outPatternProblems, stateDirFor } from '../../src/job-spec/out-pattern.js';
import { slotInfo } from '../../src/schedule/plan-run.js';
import { zonedIso } from '../../src/job-spec/zoned-time.js';

const next = (cron: string, tz: string, from: string, n = 3) =>
  createSchedule(cron, tz)
    .nextN(n, new Date(from))
    .map((d) => zonedIso(d, tz));

describe('next-run computation', () => {
  it('reads the expression in the job time zone', () => {
    expect(next('0 7 * * MON', 'Asia/Baku', '2026-11-22T00:00:00Z')).toEqual([
      '2026-11-23T07:00:00+04:00',
      '2026-11-30T07:00:00+04:00',
      '2026-12-07T07:00:00+04:00',
    ]);
  });

  it('spring forward (Europe/Berlin): a daily 02:30 in the gap runs at 03:00 that day, then 02:30 again', () => {
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z')).toEqual([
      '2026-03-29T03:00:00+02:00',
      '2026-03-30T02:30:00+02:00',
      '2026-03-31T02:30:00+02:00',
    ]);
  });

  it('fall back (Europe/Berlin): a daily 02:30 runs once on the day 02:30 happens twice', () => {
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z')).toEqual([
      '2026-10-25T02:30:00+02:00',
      '2026-10-26T02:30:00+01:00',
      '2026-10-27T02:30:00+01:00',
    ]);
  });

  it('fall back: an interval job runs on both occurrences of the repeated hour, in UTC order', () => {
    const runs = next('*/30 * * * *', 'America/New_York', '2026-11-01T04:50:00Z', 5);
    expect(runs).toEqual([
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
  });

  it('a weekly job keeps its wall-clock time across a DST change (the UTC gap is 167 h)', () => {
    const [a, b] = createSchedule('0 7 * * SUN', 'Europe/Berlin').nextN(2, new Date('2026-03-21T00:00:00Z'));
    expect((b!.getTime() - a!.getTime()) / 3_600_000).toBe(167);
  });

  it('6 fields: seconds first', () => {
    expect(next('*/20 * * * * *', 'UTC', '2026-01-01T00:00:00Z')).toEqual([
      '2026-01-01T00:00:20+00:00',
      '2026-01-01T00:00:40+00:00',
      '2026-01-01T00:01:00+00:00',
    ]);
  });

  it('property: slots are strictly increasing and each is after its reference', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Baku', 'Australia/Lord_Howe', 'UTC'];
    const crons = ['30 2 * * *', '*/15 * * * *', '0 0 1 * *', '0 7 * * MON'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...crons),
        fc.integer({ min: 1_767_225_600, max: 1_830_297_600 }),
        (tz, cron, sec) => {
          const from = new Date(sec * 1000);
          const runs = createSchedule(cron, tz).nextN(4, from);
          expect(runs[0]!.getTime()).toBeGreaterThan(from.getTime());
          for (let i = 1; i < runs.length; i++) expect(runs[i]!.getTime()).toBeGreaterThan(runs[i - 1]!.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('as-of date and {time}', () => {
  it('is the slot’s calendar day in the job’s zone, not in UTC', () => {
    // 2026-11-22T21:30Z is already Monday 01:30 in Baku.
    expect(slotInfo({ timezone: 'Asia/Baku', cron: '30 1 * * MON' }, new Date('2026-11-22T21:30:00Z'))).toMatchObject({
      asOf: '2026-11-23',
      time: '0130',
      scheduledFor: '2026-11-23T01:30:00+04:00',
    });
    expect(slotInfo({ timezone: 'America/Los_Angeles', cron: '5 * * * * *' }, new Date('2026-11-23T03:00:05Z')).time).toBe('190005');
  });
});

describe('catch-up planning', () => {
  const weekly = createSchedule('0 7 * * MON', 'Asia/Baku');
  const after = new Date('2026-11-01T00:00:00Z'); // missed: Nov 2, 9, 16, 23 (07:00 Baku)
  const now = new Date('2026-11-24T00:00:00Z');
  const iso = (ds: Date[]) => ds.map((d) => zonedIso(d, 'Asia/Baku'));

  it('none: runs nothing, counts the missed slots', () => {
    const p = planMissed({ catchUp: 'none', catchUpLimit: 10 }, weekly, after, now);
    expect(p.run).toEqual([]);
    expect(p.skipped).toBe(4);
    expect(zonedIso(p.latestSkipped!, 'Asia/Baku')).toBe('2026-11-23T07:00:00+04:00');
  });

  it('latest: runs only the most recent missed slot', () => {
    const p = planMissed({ catchUp: 'latest', catchUpLimit: 10 }, weekly, after, now);
    expect(iso(p.run)).toEqual(['2026-11-23T07:00:00+04:00']);
    expect(p.skipped).toBe(3);
    expect(zonedIso(p.latestSkipped!, 'Asia/Baku')).toBe('2026-11-16T07:00:00+04:00');
  });

  it('all: runs the missed slots oldest first, at most catchUpLimit (the most recent)', () => {
    expect(iso(planMissed({ catchUp: 'all', catchUpLimit: 10 }, weekly, after, now).run)).toEqual([
      '2026-11-02T07:00:00+04:00',
      '2026-11-09T07:00:00+04:00',
      '2026-11-16T07:00:00+04:00',
      '2026-11-23T07:00:00+04:00',
    ]);
    const capped = planMissed({ catchUp: 'all', catchUpLimit: 2 }, weekly, after, now);
    expect(iso(capped.run)).toEqual(['2026-11-16T07:00:00+04:00', '2026-11-23T07:00:00+04:00']);
    expect(capped.skipped).toBe(2);
  });

  it('nothing missed: nothing to do; a slot exactly at start counts as missed', () => {
    expect(planMissed({ catchUp: 'all', catchUpLimit: 5 }, weekly, new Date('2026-11-23T03:00:00Z'), now)).toMatchObject({
      run: [],
      skipped: 0,
    });
    expect(planMissed({ catchUp: 'latest', catchUpLimit: 5 }, weekly, after, new Date('2026-11-23T03:00:00Z')).run.at(-1)).toEqual(
      new Date('2026-11-23T03:00:00Z'),
    );
  });

  it('a month of an every-second job is counted without listing it', () => {
    const p = planMissed(
      { catchUp: 'all', catchUpLimit: 3 },
      createSchedule('* * * * * *', 'UTC'),
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-01-31T00:00:00Z'),
    );
    expect(p.run).toHaveLength(3);
    expect(p.more).toBe(true);
  });
});

describe('out patterns', () => {
  it('expands tokens into path-safe values', () => {
    expect(expandOut('output/{job}/{date}/{pair}-{audience}', { job: 'w', date: '2026-11-23', pair: '../etc', audience: 'exec' })).toBe(
      'output/w/2026-11-23/_-etc-exec',
    );
  });

  it('puts the state folder next to the outputs, never inside a run folder', () => {
    expect(stateDirFor('output/{job}/{date}')).toBe('output/.bilat');
    expect(stateDirFor('{job}/{date}')).toBe('.bilat');
    expect(stateDirFor('output/weekly')).toBe('output/.bilat');
    expect(stateDirFor('reports/az-{date}')).toBe('reports/.bilat');
  });

  it('accepts ".." that stays inside, rejects one that leaves', () => {
    expect(outPatternProblems('output/../briefs/{job}')).toEqual([]);
    expect(outPatternProblems('output/../../{job}')[0]!.message).toMatch(/escapes/);
  });
});

describe('cronNeverFires: valid expressions that match no date (issue 9 §11)', () => {
  it.each([
    ['0 0 30 2 *', 'never fires: Feb 30 does not exist'],
    ['0 0 0 30-31 FEB *', 'never fires: Feb 30 and 31 do not exist'],
    ['0 0 31 APR,JUN,SEP,NOV *', 'never fires: day 31 does not exist in Apr, Jun, Sep or Nov'],
    ['0 0 30,31 2,4 *', undefined], // Apr 30 exists
    ['0 0 29 2 *', undefined], // leap years
    ['0 0 31 2/2 *', undefined], // Aug, Oct, Dec
    ['0 0 30 2 MON', undefined], // day of month OR day of week: every Monday in February
    ['0 7 * * MON', undefined],
    ['not a cron', undefined], // a syntax problem is cronProblem's to report
  ])('%s → %s', (expression, message) => {
    expect(cronNeverFires(expression)?.message).toBe(message);
  });
});
