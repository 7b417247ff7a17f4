import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The materialised rating also keeps the day its colour began (`current_since`), so that finance's
 * credit restriction for today is decided from the stored colour period (colour and since) instead of
 * a colour timeline rebuilt from every event. Existing rows get it on their next refresh: a row
 * with a colour but no `current_since` counts as not yet materialised and is recomputed on first read.
 */
export class CurrentColorSince1796121600000 implements MigrationInterface {
  name = 'CurrentColorSince1796121600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE environment.rated_subject ADD COLUMN current_since date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE environment.rated_subject DROP COLUMN current_since`);
  }
}
