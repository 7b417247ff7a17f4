import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each record's `prev_hash` is unique: no two records can name the same predecessor, so the chain
 * cannot fork whoever writes it. This is what lets a process append without the chain's advisory
 * lock and without reading the head first (AuditTrailService.append): it links onto the head it
 * holds in memory, and if another writer appended meanwhile, its INSERT fails on this index and it
 * reads the head again. A database whose chain already forks (tampered) fails this migration, which
 * names the index; verifyAuditChain reports where.
 */
export class AuditChainOneLink1796123000000 implements MigrationInterface {
  name = 'AuditChainOneLink1796123000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX audit_log_one_successor ON gateway.audit_log (prev_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX gateway.audit_log_one_successor`);
  }
}
