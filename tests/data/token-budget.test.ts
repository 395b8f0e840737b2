/** The token budget stops a flood of tiny values before the parser spends gigabytes on it. */
import { describe, expect, it } from 'vitest';
import { BilatError } from '../../src/errors.js';
import { checkTokenBudget, MAX_TOKENS } from '../../src/data/token-budget.js';

describe('token budget', () => {
  it('lets a dense but real relationship of ~9.5 MB through', () => {
    let text = 'engagements:\n';
    for (let i = 0; text.length < 9.5e6; i++) {
      text += `  - id: e${i}\n    date: 2021-10-28\n    kind: meeting\n    summary: The ministers discussed transport, energy and trade, item ${i}.\n    sources: [s1, s2]\n`;
    }
    expect(() => checkTokenBudget('real.yaml', text)).not.toThrow();
  });

  it('stops a flow sequence of millions of tiny values, located where the budget ran out', () => {
    const text = `pair: x\nextra: [${'1, '.repeat(MAX_TOKENS)}1]\n`;
    let error: unknown;
    try {
      checkTokenBudget('flood.yaml', text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BilatError);
    const e = error as BilatError;
    expect(e.code).toBe('E_FILE_TOO_LARGE');
    expect(e.file).toBe('flood.yaml');
    expect(e.line).toBe(2);
    expect(e.column).toBeGreaterThan(1);
    expect(e.message).toContain('3,000,000 YAML tokens');
  });
});
