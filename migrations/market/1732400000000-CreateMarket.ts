import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMarket1732400000000 implements MigrationInterface {
  name = 'CreateMarket1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE market.registration (
        uscc varchar(18) PRIMARY KEY,
        name varchar NOT NULL,
        district_code varchar(6) NOT NULL,
        industry_code varchar,
        legal_representative varchar,
        legal_representative_id_number varchar,
        registered_capital numeric(18,2),
        registered_on date,
        address varchar,
        status varchar NOT NULL DEFAULT 'ACTIVE'
          CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX registration_district_idx ON market.registration (district_code)`);
    await q.query(`
      CREATE TABLE market.list_entry (
        id serial PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        list_type varchar NOT NULL CHECK (list_type IN ('ABNORMAL_OPERATIONS', 'SERIOUS_ILLEGAL_DISHONEST')),
        reason varchar NOT NULL,
        authority varchar NOT NULL,
        document_no varchar,
        listed_on date NOT NULL,
        removed_on date,
        removal_reason varchar,
        CHECK (removed_on IS NULL OR removed_on >= listed_on)
      )`);
    await q.query(`CREATE INDEX list_entry_uscc_idx ON market.list_entry (uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE market.list_entry`);
    await q.query(`DROP TABLE market.registration`);
  }
}
