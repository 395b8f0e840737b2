import type { Diagnostic } from '../../diagnostics.js';
import { diag, type RuleContext } from '../context.js';
import { extrasOf } from '../../schema/v2/normalize.js';
import { notesOn } from './note-about.js';

/**
 * Half a unit in the last decimal as printed in the file: 3.7 may stand for anything in
 * [3.65, 3.75), and 4.0 for [3.95, 4.05) — which is why the printed text is used, not the number.
 */
function halfUlp(printed: string): number {
  const m = /^[-+]?\d*(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(printed.trim());
  return m ? 0.5 * 10 ** -((m[1]?.length ?? 0) - Number(m[2] ?? 0)) : 0;
}

/** Reported totals must agree with their parts, beyond what rounding explains. */
export function tradeArithmetic(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  ctx.data.trade?.forEach((t, i) => {
    const { exports: x, imports: m, turnover, balance } = t;
    if (x === undefined || m === undefined) return;
    // An approximate figure ("about 11 million") cannot be held to a sum.
    const approx = extrasOf(t).qualified ?? {};
    // A sum the source itself gets wrong is kept as printed once a data-quality note says so: a warning citing it.
    const mismatch = (field: 'turnover' | 'balance', message: string, hint: string) => {
      const cited = notesOn(ctx, 'trade', t.id, i, t.quality, field);
      out.push(
        cited.length
          ? diag(
              ctx,
              'warning',
              'trade-arithmetic',
              ['trade', i, field],
              message,
              `kept as reported; documented in data-quality note ${cited.join(', ')}`,
            )
          : diag(ctx, 'error', 'trade-arithmetic', ['trade', i, field], message, hint),
      );
    };
    const fmt = (n: number) => Number(n.toFixed(6)).toString();
    const ulp = (k: 'exports' | 'imports' | 'turnover' | 'balance', v: number) => halfUlp(ctx.doc.printed(['trade', i, k]) ?? String(v));
    if (turnover !== undefined && !approx.exports && !approx.imports && !approx.turnover) {
      const tol = ulp('exports', x) + ulp('imports', m) + ulp('turnover', turnover) + 1e-9;
      if (Math.abs(turnover - (x + m)) > tol)
        mismatch(
          'turnover',
          `turnover ${turnover} ≠ exports ${x} + imports ${m} = ${fmt(x + m)}`,
          'keep the reported figures and add a data-quality note, or correct the typo',
        );
    }
    if (balance !== undefined && !approx.exports && !approx.imports && !approx.balance) {
      const tol = ulp('exports', x) + ulp('imports', m) + ulp('balance', balance) + 1e-9;
      if (Math.abs(balance - (x - m)) > tol)
        mismatch(
          'balance',
          `balance ${balance} ≠ exports ${x} − imports ${m} = ${fmt(x - m)}`,
          "balance is exports minus imports, from the reporter's side",
        );
    }
    for (const k of ['exports', 'imports', 'turnover'] as const) {
      const v = t[k];
      if (v !== undefined && v < 0) out.push(diag(ctx, 'error', 'trade-arithmetic', ['trade', i, k], `${k} cannot be negative (${v})`));
    }
  });
  return out;
}
