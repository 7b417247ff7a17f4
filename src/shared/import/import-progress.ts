import { SingleBar } from 'cli-progress';

export interface ProgressCounts {
  rows: number;
  imported: number;
  rejected: number;
  unchanged: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * Progress of an import, with rate and ETA. The ETA comes from the share of the file's bytes read
 * (the row count of a streamed file is not known in advance). On a terminal: a cli-progress bar on
 * stderr; otherwise plain lines (logs, CI), at most one per `intervalMs`, and one at the end.
 */
export class ImportProgress {
  private readonly started = Date.now();
  private lastLine = 0;
  private readonly bar: SingleBar | null;

  constructor(
    private readonly totalBytes: number,
    private readonly options: { tty: boolean; write: (line: string) => void; intervalMs?: number },
  ) {
    this.bar = options.tty
      ? new SingleBar({
          format: '{bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta} | imported {imported}, rejected {rejected}, unchanged {unchanged}',
          stream: process.stderr,
          hideCursor: true,
          barsize: 30,
        })
      : null;
    this.bar?.start(Math.max(totalBytes, 1), 0, { rows: 0, rate: 0, eta: '?', imported: 0, rejected: 0, unchanged: 0 });
  }

  private figures(bytes: number, counts: ProgressCounts) {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? counts.rows / elapsed : 0;
    const share = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 1;
    const eta = share > 0 ? (elapsed * (1 - share)) / share : Infinity;
    return { rate: Math.round(rate), share, eta: duration(eta) };
  }

  update(bytes: number, counts: ProgressCounts): void {
    const { rate, share, eta } = this.figures(bytes, counts);
    if (this.bar) {
      this.bar.update(Math.round(share * Math.max(this.totalBytes, 1)), { ...counts, rate, eta });
      return;
    }
    const now = Date.now();
    // The line at 100% is finish()'s.
    if (share >= 1 || now - this.lastLine < (this.options.intervalMs ?? 2000)) return;
    this.lastLine = now;
    this.line(share, counts, rate, eta);
  }

  finish(counts: ProgressCounts): void {
    const { rate } = this.figures(this.totalBytes, counts);
    if (this.bar) {
      this.bar.update(Math.max(this.totalBytes, 1), { ...counts, rate, eta: '0s' });
      this.bar.stop();
      return;
    }
    this.line(1, counts, rate, '0s');
  }

  private line(share: number, counts: ProgressCounts, rate: number, eta: string): void {
    this.options.write(
      `${counts.rows} rows (${Math.floor(share * 100)}%), ${rate} rows/s, ETA ${eta}: imported ${counts.imported}, rejected ${counts.rejected}, unchanged ${counts.unchanged}`,
    );
  }
}
