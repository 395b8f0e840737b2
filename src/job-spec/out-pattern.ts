import { isAbsolute } from 'node:path';
import { didYouMean } from '../did-you-mean.js';

export const OUT_TOKENS = ['job', 'date', 'time', 'pair', 'audience'] as const;
export type OutToken = (typeof OUT_TOKENS)[number];
export type OutValues = Partial<Record<OutToken, string>>;

/** Name of the state folder (history, locks); never a run folder, never deleted by retention. */
export const STATE_DIR_NAME = '.bilat';

export interface PatternProblem {
  message: string;
  hint?: string;
}

const TOKEN = /\{([^{}]*)\}/g;

/** Everything wrong with an `out` pattern; empty when it is usable. */
export function outPatternProblems(pattern: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  for (const m of pattern.matchAll(TOKEN)) {
    const name = m[1]!;
    if ((OUT_TOKENS as readonly string[]).includes(name)) continue;
    const guess = didYouMean(name, OUT_TOKENS);
    problems.push({
      message: `unknown token {${name}}`,
      hint: guess ? `did you mean {${guess}}?` : `tokens: ${OUT_TOKENS.map((t) => `{${t}}`).join(' ')}`,
    });
  }
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) {
    problems.push({ message: 'unbalanced "{" or "}"', hint: 'write tokens as {job}, {date}, …' });
  }
  if (isAbsolute(pattern) || /^[a-zA-Z]:/.test(pattern) || pattern.startsWith('~')) {
    problems.push({ message: 'must be a folder inside the project, relative to the config file', hint: 'e.g. "output/{job}/{date}"' });
    return problems;
  }
  const segments = segmentsOf(pattern.replace(TOKEN, 'x'));
  let depth = 0;
  for (const s of segments) {
    depth += s === '..' ? -1 : 1;
    if (depth < 0) {
      problems.push({ message: 'escapes the project folder ("..")', hint: 'keep outputs inside the folder of the config file' });
      return problems;
    }
  }
  if (depth === 0) problems.push({ message: 'is the project folder itself; name a folder inside it', hint: 'e.g. "output/{job}/{date}"' });
  if (segments.includes(STATE_DIR_NAME)) problems.push({ message: `"${STATE_DIR_NAME}" is reserved for the run history and locks` });
  return problems;
}

export function usesToken(pattern: string, token: OutToken): boolean {
  return pattern.includes(`{${token}}`);
}

/** Fill in the tokens; values are made path-safe so data (a pair id) cannot add segments. */
export function expandOut(pattern: string, values: OutValues): string {
  return pattern.replace(TOKEN, (whole, name: string) => {
    const v = values[name as OutToken];
    if (v === undefined) return whole;
    return v.replace(/[/\\:*?"<>|\s]+/g, '-').replace(/^\.+/, '_') || '_';
  });
}

/**
 * The state folder "next to the outputs": `.bilat` beside the first folder of the pattern that
 * varies between runs (`output/{job}/{date}` → `output/.bilat`), so it is never inside a run folder.
 */
export function stateDirFor(pattern: string): string {
  const segments = segmentsOf(pattern);
  const firstVarying = segments.findIndex((s) => /\{[^{}]*\}/.test(s));
  const fixed = firstVarying === -1 ? segments.slice(0, -1) : segments.slice(0, firstVarying);
  return [...fixed, STATE_DIR_NAME].join('/');
}

function segmentsOf(p: string): string[] {
  return p.split(/[/\\]+/).filter((s) => s !== '' && s !== '.');
}
