import type { Server } from 'node:http';
import { log } from './logging';

/**
 * Graceful shutdown, the same for every process kind (all-in-one `start`, `start gateway`,
 * `start <department>`): stop accepting connections, let in-flight requests finish (answers sent
 * while draining carry `Connection: close`, and /readyz says 503 so a load balancer stops sending),
 * close what is left once the drain timeout passes, then release the process's resources.
 *
 * Node's `server.close()` only stops the listener and closes connections idle at that moment; a
 * keep-alive connection that finishes its request later would stay open, so idle connections are
 * swept until the server reports closed. No library covers exactly this with plain `node:http` and
 * per-request drain state (http-terminator and stoppable close keep-alive sockets but do not tell the
 * handlers that the process is draining).
 */
export class HttpDrain {
  private drainingSince: number | null = null;
  private server: Server | null = null;

  constructor(private readonly timeoutMs: number) {}

  /** The server to drain (created after the drain, whose state its /readyz reports). */
  watch(server: Server): void {
    this.server = server;
    // Before the server's own handler, which may write the headers synchronously.
    server.prependListener('request', (_request, response) => {
      if (this.draining) response.shouldKeepAlive = false;
    });
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Resolves when every connection is closed: drained, or cut at the timeout (then `forced`). */
  async drain(): Promise<{ forced: boolean }> {
    const server = this.server;
    if (!server) return { forced: false };
    this.drainingSince = Date.now();
    if (!server.listening) {
      server.closeAllConnections();
      return { forced: false };
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.timeoutMs)));
    try {
      const outcome = await Promise.race([closed.then(() => 'drained' as const), timedOut]);
      if (outcome === 'drained') return { forced: false };
      log.warn('drain timeout reached: closing the remaining connections', { timeoutMs: this.timeoutMs });
      server.closeAllConnections();
      await closed;
      return { forced: true };
    } finally {
      clearInterval(sweep);
      clearTimeout(timer);
    }
  }
}

/**
 * On SIGTERM or SIGINT: logs that shutdown starts, runs `stop` (drain, then close pools and clients),
 * logs that it ended and exits 0 (1 when `stop` failed). A second signal while stopping exits at
 * once with 1: an operator pressing Ctrl+C twice means it.
 */
export function exitOnTerminationSignals(processName: string, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn('second termination signal: exiting without waiting', { process: processName, signal });
      process.exit(1);
    }
    stopping = true;
    const startedAt = Date.now();
    log.info('shutdown started', { process: processName, signal });
    stop().then(
      () => {
        log.info('shutdown complete', { process: processName, durationMs: Date.now() - startedAt });
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', { process: processName, detail: String((error as Error)?.stack ?? error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
