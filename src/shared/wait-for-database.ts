import { Client } from 'pg';
import { log } from './logging';

export interface WaitOptions {
  /** Give up after this long (HUB_DB_WAIT_MS). */
  limitMs: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** Errors that mean "not up yet" (refused, unreachable, starting up), worth another try. */
const TRANSIENT_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

function isTransient(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  if (!code) return /timeout|terminated|Connection terminated/i.test(String((error as Error)?.message));
  // SQLSTATE class 08 (connection exception) and 57P03 (the server is starting up or shutting down).
  return TRANSIENT_NETWORK.has(code) || code.startsWith('08') || code === '57P03';
}

/** host:port of the URL, for logs (never the credentials). */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once PostgreSQL at `url` accepts a connection and answers `SELECT 1`, trying again with
 * exponential back-off (doubling from `firstDelayMs`, capped at `maxDelayMs`) and logging each failed
 * try, so that a process started alongside its database (docker compose, a restarting node) comes up
 * instead of exiting. Errors that waiting cannot fix (bad password, no such database) fail at once.
 */
export async function waitForDatabase(url: string, options: WaitOptions): Promise<void> {
  const target = describe(url);
  const deadline = Date.now() + options.limitMs;
  let delay = options.firstDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: Math.min(5_000, Math.max(500, options.limitMs)) });
    try {
      await client.connect();
      await client.query('SELECT 1');
      if (attempt > 1) log.info('database is up', { database: target, attempts: attempt });
      return;
    } catch (error) {
      const message = (error as Error)?.message || (error as { code?: string })?.code || String(error);
      if (!isTransient(error)) throw new Error(`database ${target} refused the connection: ${message}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`database ${target} did not answer within ${options.limitMs} ms (HUB_DB_WAIT_MS); last error: ${message}`);
      const wait = Math.min(delay, left);
      log.warn('database not reachable yet; retrying', { database: target, attempt, retryInMs: wait, error: message });
      await sleep(wait);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
