import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditOutbox, dropAuditOutbox } from '../audit-outbox';

/**
 * The gateway's own audit outbox: its admin mutations (API clients) and the command line's writes
 * record themselves in their own transaction, as the departments' mutations do (AuditOutboxEntity).
 */
export class GatewayAuditOutbox1766200000000 implements MigrationInterface {
  name = 'GatewayAuditOutbox1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditOutbox(q, 'gateway');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditOutbox(q, 'gateway');
  }
}
