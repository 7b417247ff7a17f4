import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed's order and recovery (issue 23 §1, §2).
 *
 * `webhook_subject_sequence`: the last `sequence` given to a change of each subject. The relay gives
 * every change it turns into messages the next number of its subject (an UPDATE of this row, in the
 * transaction that writes the messages), so numbers of one subject are strictly increasing across
 * every event type and every hub instance, whatever the departments' writers did concurrently.
 *
 * `webhook_message` gains the change's `sequence`, `effective_on` and `recorded_at` (also in its
 * body), so a replay can ask for a range of them, and the state HELD: a message of a disabled
 * subscription, kept (within the retention) until the subscription is enabled again, then sent.
 *
 * `webhook_measure_state.agency_kinds`: the implementing agency kind of each measure the relay last
 * saw apply, so that the end of a measure is told to the roles that may see it (a bank: measures
 * banks implement) even when it no longer applies on any day (a voided penalty's measure).
 *
 * `webhook_surcharge_state`: the sewage-fee surcharge the relay last told of per subject (its
 * half-year and amount), so that a late or voided fact that changes the price of the current half-year
 * (a provisional one, or a corrected snapshot) tells SURCHARGE_DECIDED, as the restriction state does
 * for RESTRICTION_CHANGED.
 */
export class WebhookFeedSequence1797500000010 implements MigrationInterface {
  name = 'WebhookFeedSequence1797500000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway.webhook_subject_sequence (
        uscc varchar(18) PRIMARY KEY,
        last bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE gateway.webhook_surcharge_state (
        uscc varchar(18) PRIMARY KEY,
        period varchar NOT NULL,
        surcharge varchar NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE gateway.webhook_measure_state ADD COLUMN agency_kinds jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE gateway.webhook_message ADD COLUMN sequence bigint, ADD COLUMN effective_on date, ADD COLUMN recorded_at timestamptz`);
    await q.query(`CREATE INDEX webhook_message_subject_sequence_idx ON gateway.webhook_message (subscription_id, uscc, sequence)`);
    await q.query(`ALTER TABLE gateway.webhook_message DROP CONSTRAINT webhook_message_status_check`);
    await q.query(`ALTER TABLE gateway.webhook_message ADD CONSTRAINT webhook_message_status_check CHECK (status IN ('PENDING', 'HELD', 'DELIVERED', 'DEAD'))`);
    // Messages left PENDING by subscriptions disabled before this migration: held, so enabling them again sends them.
    await q.query(`
      UPDATE gateway.webhook_message m SET status = 'HELD', leased_until = NULL, next_attempt_at = NULL
        FROM gateway.webhook_subscription s
       WHERE s.id = m.subscription_id AND m.status = 'PENDING' AND NOT s.active AND s.deleted_at IS NULL`);
    await q.query(`ALTER TABLE gateway.webhook_attempt DROP CONSTRAINT webhook_attempt_outcome_check`);
    await q.query(`ALTER TABLE gateway.webhook_attempt ADD CONSTRAINT webhook_attempt_outcome_check CHECK (outcome IN ('DELIVERED', 'FAILED', 'DEAD', 'DISABLED', 'ENABLED', 'REPLAYED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM gateway.webhook_attempt WHERE outcome = 'ENABLED'`);
    await q.query(`ALTER TABLE gateway.webhook_attempt DROP CONSTRAINT webhook_attempt_outcome_check`);
    await q.query(`ALTER TABLE gateway.webhook_attempt ADD CONSTRAINT webhook_attempt_outcome_check CHECK (outcome IN ('DELIVERED', 'FAILED', 'DEAD', 'DISABLED', 'REPLAYED'))`);
    await q.query(`UPDATE gateway.webhook_message SET status = 'PENDING' WHERE status = 'HELD'`);
    await q.query(`ALTER TABLE gateway.webhook_message DROP CONSTRAINT webhook_message_status_check`);
    await q.query(`ALTER TABLE gateway.webhook_message ADD CONSTRAINT webhook_message_status_check CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD'))`);
    await q.query(`DROP INDEX gateway.webhook_message_subject_sequence_idx`);
    await q.query(`ALTER TABLE gateway.webhook_message DROP COLUMN sequence, DROP COLUMN effective_on, DROP COLUMN recorded_at`);
    await q.query(`DROP TABLE gateway.webhook_subject_sequence`);
    await q.query(`ALTER TABLE gateway.webhook_measure_state DROP COLUMN agency_kinds`);
    await q.query(`DROP TABLE gateway.webhook_surcharge_state`);
  }
}
