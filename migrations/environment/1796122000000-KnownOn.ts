import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bitemporal events (DOMAIN.md §10 "Known-on dates"): every event records the day it became known to
 * the hub (UTC calendar, like `today()`), so that "what the hub said on K about D" can be answered.
 * Events recorded before this column existed became known the day they were recorded.
 */
export class KnownOn1796122000000 implements MigrationInterface {
  name = 'KnownOn1796122000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE environment.credit_event ADD COLUMN known_on date`);
    await q.query(`UPDATE environment.credit_event SET known_on = (recorded_at AT TIME ZONE 'UTC')::date`);
    // No default: the hub's calendar is UTC (`today()`), which the database's session time zone need not be; the service sets it.
    await q.query(`ALTER TABLE environment.credit_event ALTER COLUMN known_on SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE environment.credit_event DROP COLUMN known_on`);
  }
}
