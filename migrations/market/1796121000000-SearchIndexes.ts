import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for searchEnterprises (EnterpriseSearchService): pages are read by code after a cursor, so a
 * district or industry criterion is served by (criterion, uscc) in order without sorting; the
 * (district_code, uscc) index replaces the district-only one. `nameContains` (ILIKE '%…%') is served
 * by a trigram index (pg_trgm is a trusted extension: a database owner may create it).
 */
export class SearchIndexes1796121000000 implements MigrationInterface {
  name = 'SearchIndexes1796121000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX registration_district_uscc_idx ON market.registration (district_code, uscc)`);
    await q.query(`DROP INDEX market.registration_district_idx`);
    await q.query(`CREATE INDEX registration_industry_uscc_idx ON market.registration (industry_code, uscc)`);
    await q.query(`CREATE INDEX registration_name_trgm_idx ON market.registration USING gin (name public.gin_trgm_ops)`);
    await q.query(`CREATE INDEX list_entry_uscc_dates_idx ON market.list_entry (uscc, listed_on, removed_on)`);
    await q.query(`DROP INDEX market.list_entry_uscc_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX list_entry_uscc_idx ON market.list_entry (uscc)`);
    await q.query(`DROP INDEX market.list_entry_uscc_dates_idx`);
    await q.query(`DROP INDEX market.registration_name_trgm_idx`);
    await q.query(`DROP INDEX market.registration_industry_uscc_idx`);
    await q.query(`CREATE INDEX registration_district_idx ON market.registration (district_code)`);
    await q.query(`DROP INDEX market.registration_district_uscc_idx`);
    // pg_trgm stays: other schemas of the database may use it.
  }
}
