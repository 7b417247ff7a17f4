import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditOutbox, dropAuditOutbox } from '../audit-outbox';

/** The audit outbox, written in each mutation's transaction (AuditOutboxEntity). */
export class EnvironmentAuditOutbox1766100000000 implements MigrationInterface {
  name = 'EnvironmentAuditOutbox1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditOutbox(q, 'environment');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditOutbox(q, 'environment');
  }
}
