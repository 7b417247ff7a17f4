import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes made by the passage of time that no department writes (a joint measure's period ending or
 * starting, a price measure at a half-year's start), found by the daily `measures_due` job, and the
 * retention purge of the delivery tables:
 * - `webhook_timed_change`: one row per subject, measure, kind of change and day, unique, so that the
 *   job run twice for a day (two instances, a catch-up, an operator's re-run) tells each change once;
 *   its id is the messages' source id, as an outbox row's is;
 * - `webhook_job_progress`: the last day a daily job went through, so a run after days without one
 *   catches up on every day missed;
 * - indexes on the creation times the purge deletes by.
 */
export class WebhookTimedChanges1796122500000 implements MigrationInterface {
  name = 'WebhookTimedChanges1796122500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway.webhook_timed_change (
        id bigserial PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        measure_code varchar NOT NULL,
        change varchar NOT NULL CONSTRAINT webhook_timed_change_change_check CHECK (change IN ('STARTED', 'ENDED')),
        effective_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_timed_change_unique UNIQUE (uscc, measure_code, change, effective_on)
      )`);
    await q.query(`CREATE INDEX webhook_timed_change_created_idx ON gateway.webhook_timed_change (created_at)`);
    await q.query(`
      CREATE TABLE gateway.webhook_job_progress (
        job varchar PRIMARY KEY,
        done_through date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_message_created_idx ON gateway.webhook_message (created_at)`);
    await q.query(`CREATE INDEX webhook_attempt_at_idx ON gateway.webhook_attempt (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX gateway.webhook_attempt_at_idx`);
    await q.query(`DROP INDEX gateway.webhook_message_created_idx`);
    await q.query(`DROP TABLE gateway.webhook_job_progress`);
    await q.query(`DROP TABLE gateway.webhook_timed_change`);
  }
}
