import { ownValue } from '../own-key.js';

/**
 * Durations in the config. A number is seconds, as `retryDelay` is; a string carries its units,
 * which reads better for limits like a run's timeout: "90s", "10m", "1h30m", "500ms".
 */

export interface DurationProblem {
  message: string;
  hint: string;
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** Words people write for a unit, mapped to ours (for the "did you mean" hint). */
const UNIT_WORDS: Record<string, Unit> = {
  ms: 'ms',
  msec: 'ms',
  millis: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
};

const EXAMPLES = 'a number of seconds, or a duration such as "90s", "10m", "1h30m"';

/** Milliseconds, or what is wrong with the value and how to write it. */
export function parseDuration(value: number | string, limits: { maxMs: number }): { ms: number } | DurationProblem {
  let ms: number | undefined;
  if (typeof value === 'number') ms = Number.isFinite(value) ? value * 1000 : undefined;
  else {
    const text = value.trim();
    // regex-safe: each repetition ends in a unit letter, so digits cannot be split two ways.
    const whole = /^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/;
    // The lookbehind starts a number only at the start of a digit run: linear on "0000…".
    const parts = whole.test(text) ? [...text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(ms|h|m|s)/g)] : [];
    if (parts.length) ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNIT_MS[unit as Unit], 0);
    else return { message: `"${value}" is not a duration`, hint: guess(text) ?? `use ${EXAMPLES}` };
  }
  if (ms === undefined || ms <= 0) return { message: `${JSON.stringify(value)} is not a positive duration`, hint: `use ${EXAMPLES}` };
  if (ms > limits.maxMs)
    return {
      message: `${JSON.stringify(value)} is longer than the limit of ${formatDuration(limits.maxMs)}`,
      hint: `use at most "${formatDuration(limits.maxMs)}"`,
    };
  return { ms: Math.round(ms) };
}

/** "10 minutes", "10min", "PT10M", "1:30:00" → did you mean "10m" / "1h30m"? */
function guess(text: string): string | undefined {
  const word = /^(\d+(?:\.\d+)?)\s*([a-z]+)\.?$/i.exec(text);
  if (word) {
    const unit = ownValue(UNIT_WORDS, word[2]!.toLowerCase());
    if (unit) return `did you mean "${word[1]}${unit}"?`;
  }
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(text);
  if (iso && (iso[1] || iso[2] || iso[3]))
    return `did you mean "${(iso[1] ? `${iso[1]}h` : '') + (iso[2] ? `${iso[2]}m` : '') + (iso[3] ? `${iso[3]}s` : '')}"?`;
  const clock = /^(\d+):(\d\d):(\d\d)$/.exec(text);
  if (clock) return `did you mean "${formatDuration((Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) * 1000)}"?`;
  return undefined;
}

/** 1_800_000 → "30m", 5_400_000 → "1h30m", 90_000 → "1m30s", 250 → "250ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  let rest = Math.round(ms / 1000);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}
