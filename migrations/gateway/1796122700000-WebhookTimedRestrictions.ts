import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Banks' credit-restriction levels changed by the passage of time alone (a version of
 * finance.restriction_rule taking effect or ending on its day), found by the daily `restrictions_due`
 * job: one row per subject and day, unique, so that the job run twice for a day (two instances, a
 * catch-up, an operator's re-run) tells each change once; its id is the messages' source id, as an
 * outbox row's is (source department `finance:calendar`).
 */
export class WebhookTimedRestrictions1796122700000 implements MigrationInterface {
  name = 'WebhookTimedRestrictions1796122700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway.webhook_timed_restriction (
        id bigserial PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        effective_on date NOT NULL,
        level varchar NOT NULL,
        previous_level varchar NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_timed_restriction_unique UNIQUE (uscc, effective_on)
      )`);
    await q.query(`CREATE INDEX webhook_timed_restriction_created_idx ON gateway.webhook_timed_restriction (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.webhook_timed_restriction`);
  }
}
