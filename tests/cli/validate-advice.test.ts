/** Validation that teaches (issue 10 §5, issue 9 defect 12): the message lines of the real CLI. */
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, assertBuilt, bilat } from './validate-run.js';

const DIR = 'tests/fixtures/advice';
beforeAll(assertBuilt);

const validate = (file: string) => bilat(['validate', `${DIR}/${file}`, '--as-of', AS_OF]);

describe('bilat validate teaches the fix', () => {
  it('figures with thousands separators, decimal commas, infinity and NaN', () => {
    const r = validate('numbers.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/advice/numbers.yaml:29:14  error  trade[0].exports  expected number, got string "231,455" (231,455 looks like a number with a thousands separator: write 231455; if the comma is a decimal comma, write 231.455)
      tests/fixtures/advice/numbers.yaml:30:14  error  trade[0].imports  expected number, got string "168,420.5" (168,420.5 looks like a number with a thousands separator: write 168420.5)
      tests/fixtures/advice/numbers.yaml:31:15  error  trade[0].turnover  expected number, got string "1,4" (write it as a plain number, e.g. 1.4)
      tests/fixtures/advice/numbers.yaml:32:14  error  trade[0].balance  expected number, got string "1.234,5" (1.234,5 looks like a number with "." between thousands and a decimal comma: write 1234.5)
      tests/fixtures/advice/numbers.yaml:40:14  error  trade[1].exports  expected number, got string "1,234,567" (1,234,567 looks like a number with a thousands separator: write 1234567)
      tests/fixtures/advice/numbers.yaml:41:14  error  trade[1].imports  expected number, got string "12 500" (12 500 looks like a number with spaces between thousands: write 12500)
      tests/fixtures/advice/numbers.yaml:42:15  error  trade[1].turnover  expected number, got string "n/a" (leave the field out if the source gives no figure)
      tests/fixtures/advice/numbers.yaml:43:14  error  trade[1].balance  expected number, got string "-3.5" (write the number without quotes: -3.5)
      tests/fixtures/advice/numbers.yaml:51:14  error  trade[2].exports  1e400 is too large to be a number (infinity); write the figure as given in the source, e.g. in a larger unit
      tests/fixtures/advice/numbers.yaml:52:14  error  trade[2].imports  .nan is not a number; leave the field out if the source gives no figure
      tests/fixtures/advice/numbers.yaml:53:15  error  trade[2].turnover  .inf is infinity, not a figure; write the figure as given in the source
      tests/fixtures/advice/numbers.yaml:54:14  error  trade[2].balance  -1e400 is too large to be a number (minus infinity); write the figure as given in the source, e.g. in a larger unit
      ✖ 1 file checked (as of 2026-11-22): 12 errors, 0 warnings
      "
    `);
  });

  it('did you mean: case of codes, unpadded dates; quotes for ids written as numbers', () => {
    const r = validate('codes.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/advice/codes.yaml:17:9  error  sources[0].id  expected string, got number 2024 (write it in quotes: "2024")
      tests/fixtures/advice/codes.yaml:20:16  error  sources[0].published  expected a date as YYYY, YYYY-MM or YYYY-MM-DD (did you mean 2020-04-21?)
      tests/fixtures/advice/codes.yaml:24:11  error  engagements[0].date  expected a date as YYYY, YYYY-MM or YYYY-MM-DD (did you mean 2020-04-21?)
      tests/fixtures/advice/codes.yaml:28:11  error  engagements[1].date  expected a date as YYYY, YYYY-MM or YYYY-MM-DD (did you mean 2020-04?)
      tests/fixtures/advice/codes.yaml:35:15  error  trade[0].reporter  expected an ISO 3166-1 alpha-2 code such as AZ (did you mean AA?)
      tests/fixtures/advice/codes.yaml:36:15  error  trade[0].currency  expected an ISO 4217 currency code such as USD (did you mean EUR?)
      tests/fixtures/advice/codes.yaml:37:11  error  trade[0].unit  "Million" is not allowed (use one of: one, thousand, million, billion — did you mean "million"?)
      ✖ 1 file checked (as of 2026-11-22): 7 errors, 0 warnings
      "
    `);
  });

  it('one error per broken role, and a warning for a public item sourced only internally', () => {
    const r = validate('roles.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/advice/roles.yaml:41:15  error  people[0].roles[0].from  role "Minister" starts (2021-06) after it ends (2019-01) (swap or correct the dates)
      tests/fixtures/advice/roles.yaml:59:5  warning  engagements[2]  engagement "e-three" is public but cites only internal sources (src-memo): the public brief would print it with no footnote (cite a public source too, or mark the item visibility: internal)
      ✖ 1 file checked (as of 2026-11-22): 1 error, 1 warning
      "
    `);
  });
});
