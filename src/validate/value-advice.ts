/**
 * Advice for a value the schema refused, written to teach the fix: how to write a figure
 * with thousands separators or a decimal comma, what to do with infinity or NaN, the date
 * or code that was probably meant, and quotes for an id YAML read as a number.
 */

const NO_FIGURE = /^(n\/?a|na|n\.a\.|-+|–|—|\.+|x|none|null|nil|\?)$/i;

/** How to write a string that looks like a figure as a plain number, or undefined when it does not look like one. */
export function numberAdvice(written: string): string | undefined {
  const s = written.trim();
  if (NO_FIGURE.test(s)) return 'leave the field out if the source gives no figure';
  // Spaces (also no-break and thin ones) and apostrophes only ever group thousands.
  const grouped = /[\s\u00a0\u202f\u2009']/.test(s);
  const c = s.replace(/[\s\u00a0\u202f\u2009']/g, '');
  if (!/^[-+−]?\d[\d.,]*$/.test(c)) return undefined;
  const sign = /^[-−]/.test(c) ? '-' : '';
  const d = c.replace(/^[-+−]/, '');
  const plain = (x: string) => `${sign}${x}`;
  if (/^\d+(\.\d+)?$/.test(d))
    return grouped
      ? `${s} looks like a number with spaces between thousands: write ${plain(d)}`
      : `write the number without quotes: ${plain(d)}`;
  // 168,420.5: commas group thousands, the dot marks decimals.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(d) && (d.includes('.') || (d.match(/,/g) ?? []).length > 1))
    return `${s} looks like a number with a thousands separator: write ${plain(d.replace(/,/g, ''))}`;
  // 1.234,5 or 1.234.567: dots group thousands, a comma marks decimals.
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(d) && (d.includes(',') || (d.match(/\./g) ?? []).length > 1))
    return `${s} looks like a number with "." between thousands${d.includes(',') ? ' and a decimal comma' : ''}: write ${plain(d.replace(/\./g, '').replace(',', '.'))}`;
  // 231,455: thousands in English, but 231.455 where the comma marks decimals; say both.
  if (/^\d{1,3},\d{3}$/.test(d))
    return `${s} looks like a number with a thousands separator: write ${plain(d.replace(',', ''))}; if the comma is a decimal comma, write ${plain(d.replace(',', '.'))}`;
  // 1,4: a decimal comma.
  if (/^\d+,\d+$/.test(d)) return `write it as a plain number, e.g. ${plain(d.replace(',', '.'))}`;
  return undefined;
}

/** Why a number YAML read as infinity or NaN is not a figure (`printed` is the text as written). */
export function nonFiniteMessage(value: number, printed: string | undefined): string {
  const p = printed ?? String(value);
  if (Number.isNaN(value)) return `${p} is not a number; leave the field out if the source gives no figure`;
  if (/^[-+]?\.inf$/i.test(p)) return `${p} is infinity, not a figure; write the figure as given in the source`;
  return `${p} is too large to be a number (${value > 0 ? 'infinity' : 'minus infinity'}); write the figure as given in the source, e.g. in a larger unit`;
}

/** The date probably meant by a date written with unpadded parts or other separators: 2020-4-21 → 2020-04-21. */
export function dateGuess(written: string): string | undefined {
  const s = written.trim();
  const pad = (n: string) => n.padStart(2, '0');
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  let r = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(s);
  if (r) [, y, m, d] = r;
  else if ((r = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) [, d, m, y] = r; // 21.04.2020, day first
  if (!y || !m) return undefined;
  const guess = d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  if (guess === s) return undefined;
  const month = Number(m);
  if (month < 1 || month > 12) return undefined;
  if (d !== undefined) {
    const day = new Date(`${guess}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || !day.toISOString().startsWith(guess)) return undefined;
  }
  return guess;
}

/** A string a pattern refused, with its case changed or its date parts padded so that it passes. */
export function formatGuess(written: string, pattern: RegExp): string | undefined {
  for (const candidate of [written.trim().toUpperCase(), written.trim().toLowerCase(), dateGuess(written)])
    if (candidate !== undefined && candidate !== written && pattern.test(candidate)) return candidate;
  return undefined;
}

/** For a string field given a number or a boolean: the value as it should be written. */
export function quoteAdvice(value: unknown, printed: string | undefined): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  return `write it in quotes: "${printed ?? String(value)}"`;
}
