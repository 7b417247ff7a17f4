import type { Server } from 'node:http';
import { log } from './logging';

/**
 * Graceful shutdown, the same for every process kind (all-in-one `start`, `start gateway`,
 * `start <department>`): let in-flight requests finish while still answering probes (`/readyz` says
 * 503 so a load balancer stops sending; a new request other than a probe is answered 503 with
 * Retry-After by the server's handler, which asks `draining`; answers sent while draining carry
 * `Connection: close`), then stop listening and close what is left; at the drain timeout the
 * requests still running are cut. Then the process releases its resources.
 *
 * The listener stays open during the drain: closing it first (Node's `server.close()`) would refuse
 * the probes' connections, which a load balancer reads as a crash, not a drain. No library covers
 * exactly this with plain `node:http` and per-request drain state (http-terminator and stoppable
 * close the listener first and do not tell the handlers that the process is draining).
 */
export class HttpDrain {
  private drainingSince: number | null = null;
  private server: Server | null = null;
  private inFlight = 0;
  private idle: (() => void) | null = null;

  constructor(private readonly timeoutMs: number) {}

  /** The server to drain (created after the drain, whose state its /readyz reports). */
  watch(server: Server): void {
    this.server = server;
    // Before the server's own handler, which may write the headers synchronously.
    server.prependListener('request', (_request, response) => {
      if (this.draining) response.shouldKeepAlive = false;
      this.inFlight++;
      response.once('close', () => {
        this.inFlight--;
        if (this.inFlight === 0) this.idle?.();
      });
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
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.timeoutMs)));
    // Keep-alive connections with no request running: their next request would only be refused.
    server.closeIdleConnections();
    const finished = new Promise<'drained'>((resolve) => {
      this.idle = () => resolve('drained');
      if (this.inFlight === 0) resolve('drained');
    });
    let sweep: NodeJS.Timeout | undefined;
    try {
      let outcome = await Promise.race([finished, timedOut]);
      // Nothing left running: stop listening, and close connections as they turn idle.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), 50);
      if (outcome === 'drained') outcome = await Promise.race([closed.then(() => 'drained' as const), timedOut]);
      if (outcome === 'drained') return { forced: false };
      log.warn('drain timeout reached: closing the remaining connections', { timeoutMs: this.timeoutMs, inFlight: this.inFlight });
      server.closeAllConnections();
      await closed;
      return { forced: true };
    } finally {
      clearInterval(sweep);
      clearTimeout(timer);
      this.idle = null;
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
