import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { theme, themeWith } from '../../src/render/theme.js';
import { parseThemeFile } from '../../src/templates/theme-file.js';

describe('theme.css', () => {
  it('the shipped templates/shared/theme.css states exactly the tokens of src/render/theme.ts', () => {
    const f = parseThemeFile('templates/shared/theme.css', readFileSync('templates/shared/theme.css', 'utf8'), theme);
    expect(f.warnings).toEqual([]);
    expect(f.tokens.size).toBe(18);
    expect(themeWith(theme, f.tokens)).toEqual(theme);
  });

  it('reads tokens and class rules, var() included, and locates what the PDF cannot draw', () => {
    const text = ':root { --accent: #123; --body: 11pt; --accnt: red; }\n.box { color: var(--accent); font-size: var(--small); margin: 4pt 0; background: #eee; box-shadow: 0 0 2px; }\ndiv p { color: red }';
    const f = parseThemeFile('t.css', text, theme);
    expect(Object.fromEntries(f.tokens)).toEqual({ '--accent': '#112233', '--body': 11 });
    expect(f.classes.get('box')).toEqual({ color: '#112233', fontSize: 8, margin: [0, 4, 0, 4], fill: '#eeeeee' });
    expect(f.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      expect.stringMatching(/^1:39 unknown theme token "--accnt" — did you mean "--accent"\?/),
      expect.stringMatching(/^2:88 property "box-shadow" is drawn in the HTML only; the PDF draws color, /),
      expect.stringMatching(/^3:1 selector "div p" styles the HTML only: the PDF reads :root tokens and single-class rules/),
    ]);
  });

  it('an unclosed rule is an error at its brace', () => {
    expect(() => parseThemeFile('t.css', '.a { color: red;\n', theme)).toThrow(expect.objectContaining({ code: 'E_TEMPLATE', line: 1, column: 4 }));
  });
});
