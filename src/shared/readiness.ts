import type { DataSource } from 'typeorm';

/** One dependency's probe: resolves when it answers, throws (with a message naming why) when not. */
export type DependencyCheck = () => Promise<void>;

export interface DependencyState {
  status: 'up' | 'down';
  error?: string;
}

/** The body of `GET /readyz`; HTTP 200 only when `status` is `ready`. */
export interface Readiness {
  status: 'ready' | 'unready';
  checks: Record<string, DependencyState>;
}

/** A probe that has not answered in this time counts as down (a hung dependency must not hang /readyz). */
export const CHECK_TIMEOUT_MS = 2_000;

function withTimeout(check: DependencyCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs every probe at once and names each dependency with its state. `draining` (a process shutting
 * down) adds `process: down`, so a load balancer stops sending while in-flight requests finish.
 */
export async function checkReadiness(checks: Record<string, DependencyCheck>, draining = false, timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, DependencyState]> => {
      try {
        await withTimeout(check, timeoutMs);
        return [name, { status: 'up' }];
      } catch (error) {
        return [name, { status: 'down', error: (error as Error)?.message ?? String(error) }];
      }
    }),
  );
  const states: Record<string, DependencyState> = Object.fromEntries(entries);
  if (draining) states.process = { status: 'down', error: 'shutting down: finishing in-flight requests' };
  const ready = Object.values(states).every((state) => state.status === 'up');
  return { status: ready ? 'ready' : 'unready', checks: states };
}

/** The database answers on every pool the process uses. */
export function databaseCheck(pools: readonly DataSource[]): DependencyCheck {
  return async () => {
    await Promise.all(pools.map((dataSource) => dataSource.query('SELECT 1')));
  };
}

/**
 * A department's process answers: its `/healthz` (derived from its `/graphql` URL) says 200. Not its
 * `/readyz`: that asks in turn the departments it calls, so one stalled department would make every
 * other look down too (and two departments asking each other would wait on each other). Each
 * department's own `/readyz` covers its database.
 */
export function subgraphCheck(graphqlUrl: string): DependencyCheck {
  const probeUrl = graphqlUrl.replace(/\/graphql$/, '/healthz');
  return async () => {
    let response: Response;
    try {
      response = await fetch(probeUrl, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const timedOut = (error as Error)?.name === 'TimeoutError';
      throw new Error(`${probeUrl} ${timedOut ? `did not answer within ${CHECK_TIMEOUT_MS} ms` : 'unreachable'}${cause ? ` (${cause})` : ''}`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new Error(`${probeUrl} answered HTTP ${response.status}`);
  };
}

/** How long a probe of another process is remembered: a load balancer polling /readyz costs the departments one probe per second at most. */
export const REMOTE_CHECK_CACHE_MS = 1_000;

/** `check`, run at most once per `ms`: callers within that time share its last outcome (or the run in flight). */
export function cachedCheck(check: DependencyCheck, ms = REMOTE_CHECK_CACHE_MS): DependencyCheck {
  let last: { at: number; outcome: Promise<void> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ms) {
      const outcome = check();
      // Remembered settled either way; an unhandled rejection is never left behind.
      outcome.catch(() => undefined);
      last = { at: now, outcome };
    }
    return last.outcome;
  };
}
