import { describe, expect, it } from 'vitest';
import { escapeControls, escapeControlsKeepColour } from '../../src/control-chars.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { BilatError } from '../../src/errors.js';

describe('escapeControls', () => {
  it('shows terminal controls as \\u escapes and leaves text alone', () => {
    expect(escapeControls('a\u001b[2Jb\u0007c\rd\u0008e\u009bf\u202eg\u2066h')).toBe('a\\u001b[2Jb\\u0007c\\u000dd\\u0008e\\u009bf\\u202eg\\u2066h');
    expect(escapeControls('Əliyev — Бишкек\tok\nnext')).toBe('Əliyev — Бишкек\tok\nnext');
    expect(escapeControls('one\ntwo', true)).toBe('one\\u000atwo');
  });

  it('is a JSON escape of the same character', () => {
    const s = 'x\u009b\u202ey';
    expect(JSON.parse(escapeControls(JSON.stringify(s)))).toBe(s);
  });

  it('keeps colour codes only in the colour variant', () => {
    expect(escapeControlsKeepColour('\u001b[31merror\u001b[39m \u001b]0;t\u0007')).toBe('\u001b[31merror\u001b[39m \\u001b]0;t\\u0007');
  });

  it('diagnostics and errors are escaped where they are formatted', () => {
    const d = formatDiagnostic({ severity: 'error', rule: 'schema', file: 'a\u001b.yaml', line: 1, column: 2, path: 'k\u001b[2K', message: 'bad "\r"', hint: 'fix\u0007' });
    expect(d).toBe('a\\u001b.yaml:1:2  error  k\\u001b[2K  bad "\\u000d" (fix\\u0007)');
    expect(new BilatError('E_DATA_PARSE', 'x \u001b]0;t\u0007', { file: 'f\u009b', line: 1, column: 1 }).format()).toBe('f\\u009b:1:1  x \\u001b]0;t\\u0007');
  });
});
