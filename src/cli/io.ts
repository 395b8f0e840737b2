import { escapeControls, escapeControlsKeepColour } from '../core.js';

/** Where CLI output goes; tests and the scheduler can swap it. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** True when stdout is a terminal (progress bars, colour). */
  isTTY: boolean;
  color: boolean;
}

export function processIO(): CliIO {
  const isTTY = Boolean(process.stdout.isTTY);
  // `bilat … | head` closes stdout early: stop writing, never crash with an unhandled EPIPE.
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  const color = isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  // The last line of defence: whatever a command prints, data cannot drive the terminal.
  const safe = color ? escapeControlsKeepColour : escapeControls;
  return {
    out: (l) => {
      if (!closed) process.stdout.write(safe(l) + '\n');
    },
    err: (l) => process.stderr.write(safe(l) + '\n'),
    isTTY,
    color,
  };
}

export function paint(io: CliIO, code: number, s: string): string {
  return io.color ? `\u001b[${code}m${s}\u001b[39m` : s;
}
