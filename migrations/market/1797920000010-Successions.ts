import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Successions (继受, DOMAIN.md §11 "Successors"): market supervision records a merger, split or
 * deregistration, one row per (from, to) pair of the record (`record_id` groups them); a
 * deregistration without successor has `to_uscc` null. A subject never succeeds itself. A list
 * entry a successor inherited names the entry it came from (`inherited_from`).
 */
export class Successions1797920000010 implements MigrationInterface {
  name = 'Successions1797920000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE market.succession (
        id serial PRIMARY KEY,
        record_id uuid NOT NULL,
        kind varchar NOT NULL CONSTRAINT succession_kind_check CHECK (kind IN ('MERGER', 'SPLIT', 'DEREGISTRATION')),
        from_uscc varchar(18) NOT NULL,
        to_uscc varchar(18),
        effective_on date NOT NULL,
        source varchar NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT succession_not_self_check CHECK (to_uscc IS NULL OR to_uscc <> from_uscc)
      )`);
    await q.query(`CREATE INDEX succession_from_idx ON market.succession (from_uscc)`);
    await q.query(`CREATE INDEX succession_to_idx ON market.succession (to_uscc)`);
    await q.query(`ALTER TABLE market.list_entry ADD COLUMN inherited_from int`);
    await q.query(`CREATE UNIQUE INDEX list_entry_inherited_idx ON market.list_entry (uscc, inherited_from) WHERE inherited_from IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX market.list_entry_inherited_idx`);
    await q.query(`ALTER TABLE market.list_entry DROP COLUMN inherited_from`);
    await q.query(`DROP TABLE market.succession`);
  }
}
