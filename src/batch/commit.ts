/**
 * Puts each file's staged briefs in place, in input order, whatever order the workers finish
 * in. Before a file's briefs replace anything, its outputs are claimed: a file whose pair id an
 * earlier file already uses fails (located at its pair.id, naming the other file) and its staged
 * briefs are removed, so the earlier file's briefs are never overwritten. Commits in input order
 * make that outcome the same with -j 1 and -j 8.
 */
import type { Diagnostic } from '../diagnostics.js';
import { ExitCode } from '../errors.js';
import { commitStaged, discardStaged } from '../write/atomic.js';
import { toFileError } from './file-error.js';
import type { FileResult, WrittenBrief } from './types.js';

export class Committer {
  private readonly owner = new Map<string, FileResult>();
  private next = 0;
  private chain: Promise<void> = Promise.resolve();

  /** `slots` in input order; a slot's result is set when its file is done (or skipped). */
  constructor(
    private readonly slots: readonly { result?: FileResult }[],
    private readonly onCommitted: (r: FileResult) => void,
  ) {}

  /** A result arrived: commit it and the ones after it that were waiting for it. */
  arrived(): Promise<void> {
    return (this.chain = this.chain.then(() => this.drain(false)));
  }

  /** The batch is over (or stopped): commit what arrived, stepping over files never built. */
  finish(): Promise<void> {
    return (this.chain = this.chain.then(() => this.drain(true)));
  }

  private async drain(overGaps: boolean): Promise<void> {
    for (; this.next < this.slots.length; this.next++) {
      const r = this.slots[this.next]!.result;
      if (r === undefined) {
        if (overGaps) continue;
        return;
      }
      await this.commit(r);
      this.onCommitted(r);
    }
  }

  private async commit(r: FileResult): Promise<void> {
    const staged = r.staged ?? [];
    const keep = r.keepStaged === true;
    delete r.staged;
    delete r.keepStaged;
    if (r.status === 'failed' && !keep) return void (await discardStaged(staged));
    // A file skipped as up to date still owns its outputs: a copy of it must not overwrite them.
    const first = r.outputs.map((o) => this.owner.get(o)).find((x) => x !== undefined);
    if (first) {
      await discardStaged(staged);
      const mine = new Set(staged.map((s) => s.path));
      r.outputs = r.outputs.filter((o) => !mine.has(o) && !this.owner.has(o));
      clash(r, first);
      return;
    }
    for (const o of r.outputs) this.owner.set(o, r);
    if (staged.length === 0) return;
    const { done, error } = await commitStaged(staged);
    r.written = staged.filter((s) => done.includes(s.path)).map(({ temp: _temp, ...w }): WrittenBrief => w);
    if (error) {
      const missing = new Set(staged.map((s) => s.path).filter((p) => !done.includes(p)));
      r.outputs = r.outputs.filter((o) => !missing.has(o));
      r.status = 'failed';
      r.error = toFileError(error);
    }
  }
}

function clash(r: FileResult, first: FileResult): void {
  const d: Diagnostic = {
    severity: 'error',
    rule: 'duplicate-pair',
    file: r.data,
    line: r.pairIdAt?.line ?? 0,
    column: r.pairIdAt?.column ?? 0,
    path: 'pair.id',
    message: `pair id "${r.pairId ?? first.pairId}" is also used by ${first.data}; both would write the same briefs, so nothing was written for this file (the briefs are ${first.data}'s)`,
    hint: 'give each relationship file its own pair id',
  };
  r.status = 'failed';
  r.diagnostics = [...r.diagnostics, d];
  r.error = { code: 'E_DATA_INVALID', message: d.message, file: r.data, line: d.line, column: d.column, exitCode: ExitCode.InvalidInput };
}
