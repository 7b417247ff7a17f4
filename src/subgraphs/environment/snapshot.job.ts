import type { DataSource } from 'typeorm';
import type { Principal } from '../../shared/auth/principal';
import { createContext } from '../../shared/context';
import { today } from '../../shared/dates';
import { lastHalfYearEndBefore } from '../../shared/half-year';
import { log } from '../../shared/logging';
import { createEnvironmentServices } from './environment.services';
import type { HalfYearSnapshotRun } from './types/snapshot.type';

/** The job's identity in the audit trail (its writes are recorded as takeHalfYearSnapshot by it). */
export const SNAPSHOT_JOB_PRINCIPAL: Principal = {
  clientId: 'hub:snapshot-job',
  clientName: 'hub half-year snapshot job',
  role: 'ENV_ADMIN',
  agency: null,
  districtCode: null,
  purpose: null,
};

/**
 * One key for every instance of the hub: whoever holds it takes the snapshot, the others skip. A
 * session-level advisory lock on its own connection, so it is released if the process dies.
 */
const LOCK_KEY = "hashtext('ecocredit:environment:half-year-snapshot')";

export interface HalfYearSnapshotJob {
  /**
   * Stores the snapshot of the latest ended half-year (the one deciding today's prices) if any rated
   * subject lacks it; null when nothing was missing or another instance holds the lock.
   */
  runOnce(): Promise<HalfYearSnapshotRun | null>;
  stop(): Promise<void>;
}

/**
 * The scheduled half-year snapshot (DOMAIN.md §10): on the first check after 30 June and 31 December
 * (on start, then every `intervalMs`) the snapshot of the half-year that just ended is stored, so
 * prices stop resting on a derived colour. A check is one cheap statement once it is stored. Safe with
 * several instances: a PostgreSQL advisory lock lets one of them take it, and `take` itself never
 * overwrites a stored row. A plain timer suffices (no job library): the work is idempotent and
 * re-checked, so a missed tick or a crashed instance is caught up by the next check.
 */
export function startHalfYearSnapshotJob(dataSource: DataSource, options: { intervalMs: number; runAtStart?: boolean }): HalfYearSnapshotJob {
  const { snapshots } = createEnvironmentServices(dataSource);
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function missing(periodEnd: string): Promise<boolean> {
    const [{ found }] = await dataSource.query<{ found: boolean }[]>(
      `SELECT EXISTS (
         SELECT 1 FROM environment.rated_subject s
          WHERE s.rated_from <= $1
            AND NOT EXISTS (SELECT 1 FROM environment.half_year_snapshot h WHERE h.uscc = s.uscc AND h.period_end = $1)
       ) AS found`,
      [periodEnd],
    );
    return found;
  }

  async function runOnce(): Promise<HalfYearSnapshotRun | null> {
    const periodEnd = lastHalfYearEndBefore(today());
    if (!(await missing(periodEnd))) return null;
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`)) as { locked: boolean }[];
      if (!locked) return null;
      try {
        const ctx = createContext(SNAPSHOT_JOB_PRINCIPAL, `snapshot-job:${periodEnd}`);
        ctx.mutationField = 'Mutation.takeHalfYearSnapshot';
        const run = await snapshots.take(ctx, periodEnd);
        log.info('half-year snapshot stored', { ...run });
        return run;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
      }
    } finally {
      await runner.release();
    }
  }

  const tick = () => {
    if (stopped) return;
    running = runOnce().catch((error: unknown) => log.warn('half-year snapshot not taken; retried on the next check', { detail: String(error) }));
  };
  if (options.runAtStart ?? true) tick();
  const timer = setInterval(tick, options.intervalMs).unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
