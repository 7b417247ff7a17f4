import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued credit reports (信用报告, issue 14). The row keeps what was issued, byte for byte (the
 * canonical JSON content, the HTML page and the PDF), with the Ed25519 signature over a manifest of
 * their SHA-256 digests. The signing key is not in the database, so editing any stored byte, or
 * inserting a report, is caught by `/verify/<number>`. Rows are never updated or deleted (a trigger
 * refuses it, as for the audit log).
 */
export class CreditReports1796121211568 implements MigrationInterface {
  name = 'CreditReports1796121211568';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE gateway.credit_report_seq`);
    await q.query(`
      CREATE TABLE gateway.credit_report (
        number varchar(32) PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        as_of date NOT NULL,
        purpose varchar(32) NOT NULL,
        client_id varchar NOT NULL,
        role varchar NOT NULL,
        agency varchar,
        issued_at timestamptz NOT NULL,
        valid_until date NOT NULL,
        content text NOT NULL,
        html text NOT NULL,
        pdf bytea NOT NULL,
        manifest text NOT NULL,
        signature varchar NOT NULL,
        verification_code varchar(16) NOT NULL
      )`);
    await q.query(`CREATE INDEX credit_report_uscc_idx ON gateway.credit_report (uscc, issued_at)`);
    await q.query(`
      CREATE FUNCTION gateway.credit_report_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'gateway.credit_report is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER credit_report_immutable BEFORE UPDATE OR DELETE ON gateway.credit_report
      FOR EACH ROW EXECUTE FUNCTION gateway.credit_report_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.credit_report`);
    await q.query(`DROP FUNCTION gateway.credit_report_immutable()`);
    await q.query(`DROP SEQUENCE gateway.credit_report_seq`);
  }
}
