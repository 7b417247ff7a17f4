import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditOutbox, dropAuditOutbox } from '../audit-outbox';

/**
 * The audit outbox (written in each mutation's transaction), and natural duplicates refused: one
 * feedback report per agency, measure, subject and business reference.
 */
export class CreditAuditOutbox1766100000000 implements MigrationInterface {
  name = 'CreditAuditOutbox1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditOutbox(q, 'credit');
    await q.query(
      `CREATE UNIQUE INDEX measure_feedback_business_ref_key ON credit.measure_feedback (agency, measure_code, uscc, business_ref) WHERE business_ref IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX credit.measure_feedback_business_ref_key`);
    await dropAuditOutbox(q, 'credit');
  }
}
