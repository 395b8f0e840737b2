// The CLI in-process (run(argv, io)), for what embedding it needs: every output through io.
import { describe, expect, it } from 'vitest';
import { parseAt } from '../../src/cli/commands/jobs.js';
import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

function capture(): CliIO & { text: () => string } {
  const lines: string[] = [];
  return { out: (l) => lines.push(l), err: (l) => lines.push(l), isTTY: false, color: false, text: () => lines.join('\n') };
}

describe('run(argv, io)', () => {
  it.each([['--help'], ['--help=true'], ['build', '-qh'], ['help'], ['-h']])('help asked for as %s goes through io', async (...argv) => {
    const io = capture();
    expect(await run(argv, io)).toBe(0);
    expect(io.text()).toContain('bilat');
    expect(io.text()).toMatch(/Options:|Commands:/);
  });

  it('--version and --version=true print the version through io', async () => {
    for (const v of ['--version', '--version=true']) {
      const io = capture();
      expect(await run([v], io)).toBe(0);
      expect(io.text().trim()).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe('jobs run --at', () => {
  it('reads a time without an offset on the job clock, and one with an offset as that instant', async () => {
    expect((await parseAt('2026-11-23T07:00', 'Asia/Baku')).toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect((await parseAt('2026-11-23 07:00:05.250', 'Asia/Baku')).toISOString()).toBe('2026-11-23T03:00:05.000Z');
    expect((await parseAt('2026-11-23t07:00', 'Asia/Kathmandu')).toISOString()).toBe('2026-11-23T01:15:00.000Z');
    expect((await parseAt('2026-11-23', 'UTC')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect((await parseAt('2026-11-23T07:00:00+0400', 'UTC')).toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect((await parseAt('2026-11-23T07:00Z', 'Asia/Baku')).toISOString()).toBe('2026-11-23T07:00:00.000Z');
  });

  it.each(['2026-11-23T25:00', '2026-11-23T07:60', '2026-02-30', '2026-02-29', '2026-11-23T07', 'tomorrow'])(
    'refuses %s as a usage error, never rolling over',
    async (at) => {
      await expect(parseAt(at, 'Asia/Baku')).rejects.toMatchObject({ code: 'E_USAGE' });
    },
  );
});
