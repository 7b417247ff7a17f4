import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second random and 一公开 (双随机、一公开, 国办发〔2015〕58号; DOMAIN.md §11 Inspectors):
 *
 * - `inspector`: the bureau's pool of law-enforcement inspectors (执法检查人员名录库), by district; an
 *   inspector leaves the pool by `removed_at` (kept: past draws name it);
 * - `inspector_conflict`: the subjects an inspector must not inspect (回避);
 * - `inspection_draw.inspector_pool` and `.assignments`: the pool as the draw saw it (each member with
 *   its earlier assignments and its conflicts among the selected subjects) and the two inspectors given
 *   to each drawn subject, so that the assignment replays from the seed like the selection; NULL for
 *   draws made before;
 * - `inspection_result`: one result per drawn subject of a draw, published from its recording.
 */
export class InspectorPool1797910000001 implements MigrationInterface {
  name = 'InspectorPool1797910000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE environment.inspector (
        id serial PRIMARY KEY,
        name varchar NOT NULL,
        district_code varchar NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        added_by varchar NOT NULL,
        removed_at timestamptz,
        removed_by varchar
      )`);
    await q.query(`CREATE INDEX inspector_district_idx ON environment.inspector (district_code) WHERE removed_at IS NULL`);
    await q.query(`
      CREATE TABLE environment.inspector_conflict (
        inspector_id int NOT NULL REFERENCES environment.inspector (id),
        uscc varchar NOT NULL,
        reason varchar NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        added_by varchar NOT NULL,
        PRIMARY KEY (inspector_id, uscc)
      )`);
    await q.query(`ALTER TABLE environment.inspection_draw ADD COLUMN inspector_pool jsonb, ADD COLUMN assignments jsonb`);
    await q.query(`
      CREATE TABLE environment.inspection_result (
        id serial PRIMARY KEY,
        draw_id int NOT NULL REFERENCES environment.inspection_draw (id),
        uscc varchar NOT NULL,
        inspected_on date NOT NULL,
        outcome varchar NOT NULL,
        event_ids int[] NOT NULL,
        summary varchar NOT NULL,
        publish_by date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by varchar NOT NULL,
        CONSTRAINT inspection_result_outcome_check CHECK (outcome IN ('NO_PROBLEM', 'PROBLEMS_FOUND')),
        CONSTRAINT inspection_result_events_check CHECK ((outcome = 'PROBLEMS_FOUND') = (cardinality(event_ids) > 0)),
        CONSTRAINT inspection_result_once UNIQUE (draw_id, uscc)
      )`);
    await q.query(`CREATE INDEX inspection_result_inspected_on_idx ON environment.inspection_result (inspected_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE environment.inspection_result`);
    await q.query(`ALTER TABLE environment.inspection_draw DROP COLUMN assignments, DROP COLUMN inspector_pool`);
    await q.query(`DROP TABLE environment.inspector_conflict`);
    await q.query(`DROP TABLE environment.inspector`);
  }
}
