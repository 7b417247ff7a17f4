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
/**
 * SQLSTATEs worth another try: 53300 too many clients (others are closing theirs), 57P01 and 57P02
 * (the server was shut down or crashed mid-connection), 57P03 (starting up or shutting down).
 */
const TRANSIENT_SQLSTATES = new Set(['53300', '57P01', '57P02', '57P03']);

/** Whether waiting can fix `error`: the server is unreachable, busy or (re)starting; never a bad password or a missing database. */
export function isTransientDatabaseError(error: unknown): boolean {
  const { code, driverError } = (error ?? {}) as { code?: string; driverError?: unknown };
  if (driverError && driverError !== error && isTransientDatabaseError(driverError)) return true;
  if (!code) return /timeout|terminated|Connection terminated|too many clients/i.test(String((error as Error)?.message));
  // SQLSTATE class 08: connection exception.
  return TRANSIENT_NETWORK.has(code) || code.startsWith('08') || TRANSIENT_SQLSTATES.has(code);
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
 * Runs `attempt` until it resolves, trying again after transient database errors
 * (isTransientDatabaseError) with exponential back-off (doubling from `firstDelayMs`, capped at
 * `maxDelayMs`) and a warning per failed try; any other error, or the time limit passing, fails at
 * once with a message naming `what`. `attempt` must leave nothing open when it fails.
 */
export async function retryWhileUnavailable<T>(what: string, attempt: (attemptNumber: number) => Promise<T>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.limitMs;
  let delay = options.firstDelayMs ?? 250;
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      const result = await attempt(attemptNumber);
      if (attemptNumber > 1) log.info(`${what}: done`, { attempts: attemptNumber });
      return result;
    } catch (error) {
      const message = (error as Error)?.message || (error as { code?: string })?.code || String(error);
      if (!isTransientDatabaseError(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what}: the database did not become available within ${options.limitMs} ms (HUB_DB_WAIT_MS); last error: ${message}`);
      const wait = Math.min(delay, left);
      log.warn(`${what}: database unavailable; retrying`, { attempt: attemptNumber, retryInMs: wait, error: message, code: (error as { code?: string })?.code });
      await sleep(wait);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    }
  }
}

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
    // A connection cut after connecting (the server shutting down) is reported by the query below.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      if (attempt > 1) log.info('database is up', { database: target, attempts: attempt });
      return;
    } catch (error) {
      const message = (error as Error)?.message || (error as { code?: string })?.code || String(error);
      if (!isTransientDatabaseError(error)) throw new Error(`database ${target} refused the connection: ${message}`);
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
