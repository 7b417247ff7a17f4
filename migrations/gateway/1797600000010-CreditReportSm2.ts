import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit reports are signed with SM2/SM3 (GB/T 32918.2, GB/T 32905) beside Ed25519 (issue 23): the
 * DER signature of the same manifest, base64. Null on reports issued before, which keep verifying by
 * their Ed25519 signature. Adding a column does not fire the append-only trigger (no row changes).
 */
export class CreditReportSm21797600000010 implements MigrationInterface {
  name = 'CreditReportSm21797600000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.credit_report ADD COLUMN signature_sm2 text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.credit_report DROP COLUMN signature_sm2`);
  }
}
