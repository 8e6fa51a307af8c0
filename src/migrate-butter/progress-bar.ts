/** Where progress goes: a terminal gets one redrawn bar, anything else plain lines. */
export interface ProgressOutput {
  isTTY: boolean;
  write(text: string): void;
}

const WIDTH = 30;

/**
 * A progress bar with counts and an estimate of the time left, from the pace so far. On a
 * terminal it redraws one line; otherwise (a log, a pipe, a test) it prints a line per tenth of
 * the work, so logs stay short.
 */
export class ProgressBar {
  private done = 0;
  private total = 0;
  private started = Date.now();
  private lastDecile = -1;

  constructor(
    private readonly out: ProgressOutput,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Starts counting toward `total` units (units already done on an earlier run count as done). */
  start(total: number, alreadyDone = 0): void {
    this.total = total;
    this.done = alreadyDone;
    this.started = this.clock();
    this.lastDecile = -1;
    this.draw('');
  }

  /** One more unit done, with what it was. */
  tick(label: string, units = 1): void {
    this.done = Math.min(this.total, this.done + units);
    this.draw(label);
  }

  /** A message that must not be overwritten by the bar (a wait, a warning). */
  note(message: string): void {
    this.out.write(this.out.isTTY ? `\r\x1b[K${message}\n` : `${message}\n`);
  }

  /** Ends the bar's line (marking the work complete). */
  finish(): void {
    this.done = this.total;
    if (this.out.isTTY) {
      this.draw('');
      this.out.write('\n');
    } else if (this.lastDecile !== 10) this.draw('');
  }

  private draw(label: string): void {
    const ratio = this.total ? this.done / this.total : 1;
    const text = `${this.done}/${this.total} ${eta(this.clock() - this.started, ratio)}${label ? `  ${label}` : ''}`;
    if (this.out.isTTY) {
      const filled = Math.round(ratio * WIDTH);
      this.out.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${text}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.out.write(`progress ${Math.round(ratio * 100)}% ${text}\n`);
    }
  }
}

/** `ETA 1m05s` from the time spent on the fraction done so far. */
export function eta(elapsedMs: number, ratio: number): string {
  if (ratio >= 1) return 'done';
  if (ratio <= 0 || elapsedMs <= 0) return 'ETA --';
  const left = Math.round((elapsedMs / ratio - elapsedMs) / 1000);
  return `ETA ${left >= 60 ? `${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s` : `${left}s`}`;
}
