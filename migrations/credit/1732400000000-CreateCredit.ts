import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCredit1732400000000 implements MigrationInterface {
  name = 'CreateCredit1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit.list_designation (
        id serial PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        list_type varchar NOT NULL CHECK (list_type IN ('SERIOUS_DISHONESTY', 'COURT_DISHONEST_DEBTOR', 'RED_LIST')),
        field varchar NOT NULL DEFAULT 'ENVIRONMENT',
        reason varchar NOT NULL,
        authority varchar NOT NULL,
        document_no varchar,
        listed_on date NOT NULL,
        removed_on date,
        CHECK (removed_on IS NULL OR removed_on >= listed_on)
      )`);
    await q.query(`CREATE INDEX list_designation_uscc_idx ON credit.list_designation (uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit.list_designation`);
  }
}
