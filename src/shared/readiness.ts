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

/** A subgraph process is ready: its `/readyz` (derived from its `/graphql` URL) answers 200, so its database too. */
export function subgraphCheck(graphqlUrl: string): DependencyCheck {
  const healthUrl = graphqlUrl.replace(/\/graphql$/, '/readyz');
  return async () => {
    let response: Response;
    try {
      response = await fetch(healthUrl, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new Error(`${healthUrl} unreachable${cause ? ` (${cause})` : ''}`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new Error(`${healthUrl} answered HTTP ${response.status}`);
  };
}
