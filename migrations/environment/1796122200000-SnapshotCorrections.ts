import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrected half-year snapshot versions (DOMAIN.md §10): when an objection is upheld after the
 * deciding snapshot was stored, the snapshot gets a corrected version; the original row stays as it
 * was taken (still immutable), and so does every version (append-only). Version 1 is the original.
 */
export class SnapshotCorrections1796122200000 implements MigrationInterface {
  name = 'SnapshotCorrections1796122200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE environment.half_year_snapshot_correction (
        uscc varchar(18) NOT NULL,
        period_end date NOT NULL,
        version int NOT NULL CHECK (version >= 2),
        color varchar NOT NULL CHECK (color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        score int NOT NULL,
        consecutive_red int NOT NULL CHECK (consecutive_red >= 0),
        corrected_on date NOT NULL,
        reason varchar NOT NULL,
        objection_id int NULL REFERENCES environment.objection (id),
        taken_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (uscc, period_end, version),
        CONSTRAINT half_year_snapshot_correction_snapshot_fkey FOREIGN KEY (uscc, period_end) REFERENCES environment.half_year_snapshot (uscc, period_end)
      )`);
    await q.query(`
      CREATE TRIGGER half_year_snapshot_correction_immutable BEFORE UPDATE OR DELETE ON environment.half_year_snapshot_correction
        FOR EACH ROW EXECUTE FUNCTION environment.refuse_snapshot_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE environment.half_year_snapshot_correction`);
  }
}
