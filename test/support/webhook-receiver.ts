import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** When it arrived (ms since epoch). */
  at: number;
  /** The status this receiver answered. */
  status: number;
  headers: IncomingHttpHeaders;
}

/**
 * A partner's endpoint over real HTTP on a free port: answers 500 to the first `failFirst`
 * requests (or to all while `failing`), 204 otherwise, and keeps every request it got.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  failing = false;
  private failuresLeft: number;
  private server: Server;

  private constructor(failFirst: number) {
    this.failuresLeft = failFirst;
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const fail = this.failing || this.failuresLeft > 0;
        if (this.failuresLeft > 0) this.failuresLeft -= 1;
        const status = fail ? 500 : 204;
        this.received.push({
          id: String(request.headers['webhook-id']),
          timestamp: String(request.headers['webhook-timestamp']),
          signature: String(request.headers['webhook-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
          status,
          headers: request.headers,
        });
        response.writeHead(status).end();
      });
    });
  }

  static async start(options: { failFirst?: number } = {}): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(options.failFirst ?? 0);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Requests answered 2xx, one per webhook-id (what a receiver keeps after de-duplication). */
  delivered(): Map<string, Received> {
    const byId = new Map<string, Received>();
    for (const entry of this.received) if (entry.status < 300 && !byId.has(entry.id)) byId.set(entry.id, entry);
    return byId;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
