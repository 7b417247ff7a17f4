import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bitemporal list entries (DOMAIN.md §10 known-on dates), for market supervision's list entries: each entry records the day
 * the hub learned of it (`recorded_on`) and, once removed, the day it learned of the removal
 * (`removal_recorded_on`), UTC calendar like `today()`, so that a bank's creditRestriction(knownOn:)
 * can be reproduced. Rows written before these columns existed are taken as learnt on the day they
 * took effect (listed_on, removed_on): the only dates they carry.
 */
export class MarketListEntryRecordedOn1796122600000 implements MigrationInterface {
  name = 'MarketListEntryRecordedOn1796122600000';

  async up(q: QueryRunner): Promise<void> {
    // The default is the UTC day whatever the session's time zone (bulk writers); the service sets it from `today()`.
    await q.query(`ALTER TABLE market.list_entry ADD COLUMN recorded_on date NOT NULL DEFAULT timezone('UTC', now())::date`);
    await q.query(`ALTER TABLE market.list_entry ADD COLUMN removal_recorded_on date`);
    await q.query(`UPDATE market.list_entry SET recorded_on = listed_on, removal_recorded_on = removed_on`);
    await q.query(
      `ALTER TABLE market.list_entry ADD CONSTRAINT list_entry_removal_recorded_check CHECK ((removed_on IS NULL) = (removal_recorded_on IS NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE market.list_entry DROP CONSTRAINT list_entry_removal_recorded_check`);
    await q.query(`ALTER TABLE market.list_entry DROP COLUMN removal_recorded_on`);
    await q.query(`ALTER TABLE market.list_entry DROP COLUMN recorded_on`);
  }
}
