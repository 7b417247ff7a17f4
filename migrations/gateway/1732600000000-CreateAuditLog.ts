import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one row per request that reads or writes subject data, chained by hash
 * (prev_hash → hash). The table is append-only for the application: a trigger refuses UPDATE,
 * DELETE and TRUNCATE; whoever gets around it (DDL rights) still breaks the chain, which
 * verifyAuditChain reports.
 */
export class CreateAuditLog1732600000000 implements MigrationInterface {
  name = 'CreateAuditLog1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway.audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        request_id varchar NOT NULL,
        client_id varchar NOT NULL,
        client_name varchar NOT NULL,
        role varchar NOT NULL,
        agency varchar,
        district_code varchar,
        purpose varchar,
        operation_name varchar,
        operation_hash varchar NOT NULL,
        operation_type varchar NOT NULL,
        top_level_fields text[] NOT NULL,
        fields text[] NOT NULL,
        departments text[] NOT NULL,
        usccs text[] NOT NULL,
        outcome varchar NOT NULL,
        error_codes text[] NOT NULL,
        prev_hash varchar(64) NOT NULL,
        hash varchar(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_at ON gateway.audit_log (at)`);
    await q.query(`CREATE INDEX audit_log_usccs ON gateway.audit_log USING gin (usccs)`);
    await q.query(`CREATE INDEX audit_log_departments ON gateway.audit_log USING gin (departments)`);
    await q.query(`
      CREATE FUNCTION gateway.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'gateway.audit_log is append-only';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON gateway.audit_log FOR EACH ROW EXECUTE FUNCTION gateway.audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON gateway.audit_log FOR EACH STATEMENT EXECUTE FUNCTION gateway.audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.audit_log`);
    await q.query(`DROP FUNCTION gateway.audit_log_append_only()`);
  }
}
