import type { EntityManager } from 'typeorm';

/** The graphile-worker task that sends one message (WebhookDispatcher). */
export const DELIVER_TASK = 'webhook_deliver';

/** Failures of the task itself (database down mid-attempt) are retried by graphile-worker this often at most. */
const TASK_MAX_ATTEMPTS = 10;

/**
 * Queues the delivery of `messageId` at `runAt` (default now) through graphile-worker's own SQL API,
 * inside the caller's transaction: the message's state and its job commit together. One job per
 * message (job key): queuing again moves the waiting job, and while it runs graphile-worker detaches
 * the key and queues a new one, so a retry scheduled by the running attempt is never lost.
 */
export async function enqueueDelivery(manager: EntityManager, messageIds: readonly string[], runAt: Date | null = null): Promise<void> {
  if (messageIds.length === 0) return;
  await manager.query(
    `SELECT graphile_worker.add_job($1, json_build_object('messageId', m), run_at := $3, max_attempts := $4, job_key := 'webhook:' || m)
       FROM unnest($2::text[]) AS m`,
    [DELIVER_TASK, messageIds, runAt, TASK_MAX_ATTEMPTS],
  );
}

/**
 * The rows of an `UPDATE ... RETURNING` sent through TypeORM's `query`, which answers UPDATE and
 * DELETE with `[rows, affected]` on PostgreSQL (and INSERT or SELECT with the rows).
 */
export function returnedRows<T>(result: unknown): T[] {
  const pair = result as [T[], number];
  return Array.isArray(pair) && pair.length === 2 && Array.isArray(pair[0]) && typeof pair[1] === 'number' ? pair[0] : (result as T[]);
}
