import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exactly-once writes (README, "Audit path" and "Idempotency-Key"):
 * - an audit record taken from a department's outbox names its source (department, outbox id),
 *   unique, so a chain writer that crashes between taking and deleting cannot take it twice;
 * - idempotency keys: one row per (client, key), inserted before the mutation runs (the unique key
 *   stops a concurrent duplicate), holding the request body's hash and, once done, the answer.
 */
export class ExactlyOnceWrites1766100000000 implements MigrationInterface {
  name = 'ExactlyOnceWrites1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.audit_log ADD COLUMN source_department varchar, ADD COLUMN source_id bigint`);
    await q.query(`ALTER TABLE gateway.audit_log ADD CONSTRAINT audit_log_source_key UNIQUE (source_department, source_id)`);
    await q.query(`
      CREATE TABLE gateway.idempotency_key (
        client_id varchar NOT NULL,
        key varchar(255) NOT NULL,
        body_hash varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        response_status integer,
        response_body text,
        PRIMARY KEY (client_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_at ON gateway.idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.idempotency_key`);
    await q.query(`ALTER TABLE gateway.audit_log DROP CONSTRAINT audit_log_source_key`);
    await q.query(`ALTER TABLE gateway.audit_log DROP COLUMN source_department, DROP COLUMN source_id`);
  }
}
