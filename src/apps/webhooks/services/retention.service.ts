import type { DataSource } from 'typeorm';
import { returnedRows } from './job-queue';

/** Rows deleted per statement: short transactions, so deliveries and the relay are never held up long. */
const PURGE_BATCH = 5_000;

export interface WebhookPurgeRun {
  cutoff: Date;
  messages: number;
  attempts: number;
  timedChanges: number;
}

/**
 * Retention of the delivery tables (HUB_WEBHOOK_RETENTION_DAYS, default 90): without it messages and
 * the delivery log grow forever. Everything younger than the retention stays, delivered or not, so a
 * replay (`replayWebhookDeliveries(since:)`) reaches back that far and the delivery log shows it. Older:
 * - a DELIVERED or DEAD message goes, with its attempts;
 * - a PENDING message stays while its subscription is active (it still has a delivery to come, or is
 *   waiting for one); a HELD one (its subscription disabled) goes: a subscription enabled again gets
 *   what it missed within the retention;
 * - notes without a message (DISABLED, REPLAYED) go;
 * - the daily jobs' rows of changes by time (`webhook_timed_change`, `webhook_timed_restriction`) go:
 *   the derived state (`webhook_measure_state`, `webhook_restriction_state`, one row per subject) still
 *   keeps a re-run of such an old day from telling them again.
 * Safe to run on several instances at once (each statement deletes what it finds; a row is deleted once).
 */
export class WebhookRetentionService {
  constructor(
    private readonly gateway: DataSource,
    private readonly retentionDays: number,
  ) {}

  async purge(now: Date = new Date()): Promise<WebhookPurgeRun> {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000);
    const run: WebhookPurgeRun = { cutoff, messages: 0, attempts: 0, timedChanges: 0 };
    run.messages = await this.inBatches(
      `DELETE FROM gateway.webhook_message WHERE id IN (
         SELECT m.id FROM gateway.webhook_message m JOIN gateway.webhook_subscription s ON s.id = m.subscription_id
          WHERE m.created_at < $1
            AND (m.status IN ('DELIVERED', 'DEAD') OR NOT s.active OR s.deleted_at IS NOT NULL)
          LIMIT $2)
       RETURNING 1`,
      cutoff,
    );
    run.attempts = await this.inBatches(
      `DELETE FROM gateway.webhook_attempt WHERE id IN (
         SELECT a.id FROM gateway.webhook_attempt a
          WHERE a.at < $1
            AND (a.message_id IS NULL OR NOT EXISTS (SELECT 1 FROM gateway.webhook_message m WHERE m.id = a.message_id))
          LIMIT $2)
       RETURNING 1`,
      cutoff,
    );
    run.timedChanges = await this.inBatches(
      `DELETE FROM gateway.webhook_timed_change WHERE id IN (SELECT id FROM gateway.webhook_timed_change WHERE created_at < $1 LIMIT $2) RETURNING 1`,
      cutoff,
    );
    run.timedChanges += await this.inBatches(
      `DELETE FROM gateway.webhook_timed_restriction WHERE id IN (SELECT id FROM gateway.webhook_timed_restriction WHERE created_at < $1 LIMIT $2) RETURNING 1`,
      cutoff,
    );
    return run;
  }

  private async inBatches(statement: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = returnedRows<unknown>(await this.gateway.query(statement, [cutoff, PURGE_BATCH])).length;
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }
}
