import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain becomes keyed (HMAC-SHA256 with HUB_AUDIT_KEY, which the database never holds).
 * Rows written before this migration keep their unkeyed SHA-256 hashes: `legacy_until_id` marks the
 * last of them, and verifyAuditChain checks rows up to it unkeyed and every later row keyed. The mark
 * is set once, here, and is append-only like the trail; raising it by hand does not let later rows be
 * re-chained unkeyed, because the signed checkpoints outside the database no longer match.
 */
export class KeyedAuditChain1733000000000 implements MigrationInterface {
  name = 'KeyedAuditChain1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.audit_chain (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), legacy_until_id bigint NOT NULL)`);
    await q.query(`INSERT INTO gateway.audit_chain (legacy_until_id) SELECT coalesce(max(id), 0) FROM gateway.audit_log`);
    await q.query(`CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON gateway.audit_chain FOR EACH ROW EXECUTE FUNCTION gateway.audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON gateway.audit_chain FOR EACH STATEMENT EXECUTE FUNCTION gateway.audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.audit_chain`);
  }
}
