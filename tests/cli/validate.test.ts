import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, FIXTURES, ROOT, STACK_LINE, assertBuilt, bilat } from './validate-run.js';

const DATA = 'data/az-kg.yaml';
const lines = readFileSync(`${ROOT}${DATA}`, 'utf8').split('\n');
/** `file:line:col` of the 2108 visit date, found in the text rather than hard-coded. */
const VISIT_2108 = `${DATA}:${lines.indexOf('    date: 2108') + 1}:${'    date: '.length + 1}`;

beforeAll(assertBuilt);

describe('bilat validate data/az-kg.yaml', () => {
  it('prints the 2108 warning with its line and exits 0', () => {
    const r = bilat(['validate', DATA, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(`${VISIT_2108}  warning  engagements[1].date  `)).toBe(true);
    expect(r.stdout).toMatchInlineSnapshot(`
      "data/az-kg.yaml:127:11  warning  engagements[1].date  date 2108 is after the as-of date 2026-11-22 (kept as printed; documented in data-quality note dq-visit-2108)
      ✔ 1 file checked (as of 2026-11-22): 0 errors, 1 warning
      "
    `);
  });

  it('does the same with the default as-of date (today)', () => {
    const r = bilat(['validate', DATA]);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(
      new RegExp(
        `^${VISIT_2108.replace(/[.[\]]/g, '\\$&')}  warning  engagements\\[1\\]\\.date  date 2108 is after the as-of date \\d{4}-\\d{2}-\\d{2} `,
      ),
    );
    expect(out[1]).toMatch(/^✔ 1 file checked \(as of \d{4}-\d{2}-\d{2}\): 0 errors, 1 warning$/);
  });

  it('works through npx, as the issue asks', () => {
    // The first `npx bilat` on a machine links this folder into npx's cache and, unless scripts are
    // ignored, runs its `prepare` (a full rebuild of dist/) while other test files run the CLI from
    // dist/: they then load half-written files and exit 4. That is what failed CI on a fresh clone.
    const env = { ...process.env, NO_COLOR: '1', npm_config_ignore_scripts: 'true' };
    const r = spawnSync('npx', ['--offline', '--no-install', 'bilat', 'validate', DATA], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${VISIT_2108}  warning  engagements[1].date`);
  });

  it('--strict makes the warning an error and exits 1', () => {
    const r = bilat(['validate', DATA, '--as-of', AS_OF, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${VISIT_2108}  error  engagements[1].date`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`✖ 1 file checked (as of ${AS_OF}): 1 error, 0 warnings`);
  });

  it('--as-of 2021-01-01 also flags the 2021 sources and contacts, still only warnings', () => {
    const r = bilat(['validate', DATA, '--as-of', '2021-01-01']);
    expect(r.code).toBe(0);
    const paths = r.stdout
      .split('\n')
      .filter((l) => l.includes('  warning  '))
      .map((l) => l.split('  ')[2]);
    expect(paths).toEqual([
      'sources[0].published',
      'sources[2].published',
      'engagements[1].date',
      'engagements[4].date',
      'engagements[5].date',
    ]);
    expect(r.stdout).toContain('✔ 1 file checked (as of 2021-01-01): 0 errors, 5 warnings');
  });
});

describe('--json', () => {
  it('prints the diagnostics as parseable JSON with counts', () => {
    const r = bilat(['validate', DATA, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      asOf: string;
      files: string[];
      errors: number;
      warnings: number;
      diagnostics: Record<string, unknown>[];
    };
    expect(report).toMatchObject({ asOf: AS_OF, files: [DATA], errors: 0, warnings: 1 });
    const [file, line, column] = VISIT_2108.split(':');
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'date-future',
        file,
        line: Number(line),
        column: Number(column),
        path: 'engagements[1].date',
      }),
    ]);
  });

  it('with --strict, reports the promoted error and exits 1', () => {
    const r = bilat(['validate', DATA, '--as-of', AS_OF, '--json', '--strict']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { errors: number; warnings: number; diagnostics: { severity: string }[] };
    expect(report).toMatchObject({ errors: 1, warnings: 0 });
    expect(report.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('stays one JSON document for several files, including unreadable ones', () => {
    const r = bilat([
      'validate',
      `${FIXTURES}/clean.yaml`,
      `${FIXTURES}/empty.yaml`,
      `${FIXTURES}/absent.yaml`,
      '--as-of',
      AS_OF,
      '--json',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { errors: number; diagnostics: { file: string; code: string }[] };
    expect(report.errors).toBe(2);
    expect(report.diagnostics.map((d) => [d.file.replace(`${FIXTURES}/`, ''), d.code])).toEqual([
      ['empty.yaml', 'E_FILE_EMPTY'],
      ['absent.yaml', 'E_FILE_MISSING'],
    ]);
  });
});

describe('fixtures', () => {
  it('a clean file: no diagnostics, exit 0', () => {
    const r = bilat(['validate', `${FIXTURES}/clean.yaml`, '--as-of', AS_OF]);
    expect(r).toEqual({ code: 0, stdout: `✔ 1 file checked (as of ${AS_OF}): 0 errors, 0 warnings\n`, stderr: '' });
  });

  it('a warning alone exits 0; --strict exits 1', () => {
    expect(bilat(['validate', `${FIXTURES}/future-visit.yaml`, '--as-of', AS_OF]).code).toBe(0);
    expect(bilat(['validate', `${FIXTURES}/future-visit.yaml`, '--as-of', AS_OF, '--strict']).code).toBe(1);
    // Before the as-of date moves past it, the same file is clean even under --strict.
    expect(bilat(['validate', `${FIXTURES}/future-visit.yaml`, '--as-of', '2108-01-01', '--strict']).code).toBe(0);
  });

  it('reports every semantic problem at once, then the summary, and exits 1', () => {
    const r = bilat(['validate', `${FIXTURES}/semantic-errors.yaml`, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/validate/semantic-errors.yaml:37:17  error  engagements[0].participants[0].person  unknown person "p-onne" (did you mean "p-one"?)
      tests/fixtures/validate/semantic-errors.yaml:63:15  error  trade[0].turnover  turnover 3.9 ≠ exports 2.3 + imports 1.4 = 3.7 (keep the reported figures and add a data-quality note, or correct the typo)
      tests/fixtures/validate/semantic-errors.yaml:67:5  error  organizations[0]  organization "org-a" has no source (add sources: [<source id>] — every fact in a brief must trace to a source)
      tests/fixtures/validate/semantic-errors.yaml:75:9  error  milestones[1].id  duplicate id "m-rel" (first used at line 70) (give each item its own id)
      tests/fixtures/validate/semantic-errors.yaml:78:11  warning  milestones[1].date  date 2999 is after the as-of date 2026-11-22 (if it is a typo in the source, keep the raw value and add a data-quality note; if it is expected, mark the item status: planned)
      ✖ 1 file checked (as of 2026-11-22): 4 errors, 1 warning
      "
    `);
  });

  it('unknown keys get a did-you-mean', () => {
    const r = bilat(['validate', `${FIXTURES}/unknown-keys.yaml`, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/validate/unknown-keys.yaml:61:5  error  trade[0].exprots  unknown key "exprots" (did you mean "exports"?)
      tests/fixtures/validate/unknown-keys.yaml:70:1  error  milestone  unknown key "milestone" (did you mean "milestones"?)
      ✖ 1 file checked (as of 2026-11-22): 2 errors, 0 warnings
      "
    `);
  });

  it('wrong types say what was expected and how to fix it', () => {
    const r = bilat(['validate', `${FIXTURES}/wrong-types.yaml`, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/validate/wrong-types.yaml:35:11  error  engagements[0].kind  "phone-cal" is not allowed (use one of: meeting, phone-call, video-call, official-visit, state-visit, working-visit, credentials, sidelines-meeting, correspondence, other — did you mean "phone-call"?)
      tests/fixtures/validate/wrong-types.yaml:46:14  error  agreements.counts[0].count  expected number, got string "many"
      tests/fixtures/validate/wrong-types.yaml:61:14  error  trade[0].exports  expected number, got string "2,3" (write it as a plain number, e.g. 2.3)
      ✖ 1 file checked (as of 2026-11-22): 3 errors, 0 warnings
      "
    `);
  });

  it('several files: all problems, one summary, exit 1 when any has errors', () => {
    const r = bilat([
      'validate',
      `${FIXTURES}/clean.yaml`,
      `${FIXTURES}/future-visit.yaml`,
      `${FIXTURES}/unknown-keys.yaml`,
      '--as-of',
      AS_OF,
    ]);
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n');
    expect(out.map((l) => l.split(':')[0])).toEqual([
      `${FIXTURES}/future-visit.yaml`,
      `${FIXTURES}/unknown-keys.yaml`,
      `${FIXTURES}/unknown-keys.yaml`,
      '✖ 3 files checked (as of 2026-11-22)',
    ]);
    expect(out.at(-1)).toBe(`✖ 3 files checked (as of ${AS_OF}): 2 errors, 1 warning`);
  });

  it('prints no colour codes when NO_COLOR is set or output is piped, and no stack', () => {
    const r = bilat(['validate', `${FIXTURES}/semantic-errors.yaml`, '--as-of', AS_OF], { NO_COLOR: '' });
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
