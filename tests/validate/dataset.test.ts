import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseText } from '../../src/data/load-document.js';
import { todayIso } from '../../src/model/dates.js';
import { relationshipJsonSchema } from '../../src/schema/json-schema.js';
import { validateDocument, validateFile } from '../../src/validate/validate.js';
import { AS_OF, positionOf, valuePos } from './helpers.js';

const DATA = 'data/az-kg.yaml';
const text = readFileSync(DATA, 'utf8');

describe(`${DATA}, the real dataset`, () => {
  it('has exactly one problem: the 2108 visit, a warning at its line', () => {
    const { diagnostics, data } = validateFile(DATA, AS_OF);
    expect(data).toBeDefined(); // matched the schema
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        rule: 'date-future',
        file: DATA,
        ...valuePos(text, 'date: 2108'),
        path: 'engagements[1].date',
        message: `date 2108 is after the as-of date ${AS_OF}`,
        hint: 'kept as printed; documented in data-quality note dq-visit-2108',
      },
    ]);
    // The line of the warning really is the one that says 2108.
    expect(text.split('\n')[diagnostics[0]!.line - 1]).toBe('    date: 2108');
  });

  it('gives the same single warning as of today (the default)', () => {
    const { diagnostics } = validateFile(DATA, todayIso());
    expect(diagnostics.map((d) => [d.severity, d.path, d.line])).toEqual([
      ['warning', 'engagements[1].date', valuePos(text, 'date: 2108').line],
    ]);
  });

  it('as of 2021-01-01, the 2021 sources and contacts are in the future too; planned milestones are not', () => {
    const { diagnostics } = validateFile(DATA, '2021-01-01');
    expect(diagnostics.every((d) => d.severity === 'warning' && d.rule === 'date-future')).toBe(true);
    expect(diagnostics.map((d) => [d.path, d.line])).toEqual([
      ['sources[0].published', valuePos(text, 'published: 2021-12-22').line],
      ['sources[2].published', valuePos(text, 'published: 2021-10-28').line],
      ['engagements[1].date', valuePos(text, 'date: 2108').line],
      ['engagements[4].date', valuePos(text, 'date: 2021-10-28').line], // the credentials
      ['engagements[5].date', valuePos(text, 'date: 2021-12-21').line],
    ]);
  });

  it('as of the credentials day, that day is not yet the future', () => {
    const paths = validateFile(DATA, '2021-10-28').diagnostics.map((d) => d.path);
    expect(paths).toEqual(['sources[0].published', 'engagements[1].date', 'engagements[5].date']);
  });

  it('as of 2020-04-27 the trade period and the February meeting are past, the call is today', () => {
    const paths = validateFile(DATA, '2020-04-27').diagnostics.map((d) => d.path);
    expect(paths).not.toContain('engagements[2].date');
    expect(paths).not.toContain('engagements[3].date');
    expect(paths).not.toContain('trade[0].end');
    expect(paths).toContain('engagements[4].date');
  });

  it('validates the same way when converted to JSON (paths equal, lines from the JSON text)', () => {
    const json = JSON.stringify(parse(text), null, 2) + '\n';
    const { diagnostics } = validateDocument(parseText('az-kg.json', json), AS_OF);
    const at = positionOf(json, '"date": 2108');
    expect(diagnostics.map((d) => [d.rule, d.path, d.line, d.column])).toEqual([
      ['date-future', 'engagements[1].date', at.line, at.column + '"date": '.length],
    ]);
  });

  it('a typo in the dataset becomes an error with a hint, at the key; the rules still see the rest (the 2108 warning)', () => {
    const typo = text.replace('    exports: 2.3', '    exprots: 2.3');
    const { diagnostics } = validateDocument(parseText(DATA, typo), AS_OF);
    const visit = positionOf(typo, 'date: 2108');
    expect(diagnostics.map((d) => [d.path, d.hint, d.line, d.column])).toEqual([
      ['engagements[1].date', 'kept as printed; documented in data-quality note dq-visit-2108', visit.line, visit.column + 'date: '.length],
      ['trade[0].exprots', 'did you mean "exports"?', positionOf(typo, 'exprots').line, 5],
    ]);
  });
});

describe('tests/fixtures/relationships/mn-rs-synthetic.yaml, the second relationship', () => {
  it('validates without any diagnostic', () => {
    expect(validateFile('tests/fixtures/relationships/mn-rs-synthetic.yaml', AS_OF).diagnostics).toEqual([]);
  });
});

describe('schema/bilateral.schema.json', () => {
  it('is the JSON Schema generated from the runtime schema (run `npm run schema:write` when this fails)', () => {
    const committed = readFileSync('schema/bilateral.schema.json', 'utf8');
    expect(committed).toBe(JSON.stringify(relationshipJsonSchema(), null, 2) + '\n');
  });

  it('describes the keys the validator accepts', () => {
    const schema = relationshipJsonSchema() as { properties: Record<string, unknown>; required: string[]; additionalProperties: unknown };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schemaVersion', 'pair', 'sources', 'engagements', 'trade']));
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'pair', 'sources']));
    expect(schema.additionalProperties).toBe(false); // unknown keys are errors in editors too
  });
});
