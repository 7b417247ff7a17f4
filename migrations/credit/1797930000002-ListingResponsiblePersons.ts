import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The responsible persons (法定代表人, 主要负责人, 直接责任人) a SERIOUS_DISHONESTY designation names: the
 * credit office's own record of them. Looked up by subject, and by ID number (the person look-up
 * and the link of a legal representative to another company's listing).
 */
export class ListingResponsiblePersons1797930000002 implements MigrationInterface {
  name = 'ListingResponsiblePersons1797930000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit.listing_responsible_person (
        id serial PRIMARY KEY,
        listing_id integer NOT NULL REFERENCES credit.list_designation (id),
        uscc varchar(18) NOT NULL,
        role varchar NOT NULL CHECK (role IN ('LEGAL_REPRESENTATIVE', 'PRINCIPAL_OFFICER', 'DIRECTLY_RESPONSIBLE')),
        name varchar(50) NOT NULL,
        id_number varchar(18) NOT NULL
      )`);
    await q.query(`CREATE INDEX listing_responsible_person_uscc_idx ON credit.listing_responsible_person (uscc)`);
    await q.query(`CREATE INDEX listing_responsible_person_id_number_idx ON credit.listing_responsible_person (id_number)`);
    await q.query(`CREATE INDEX listing_responsible_person_listing_idx ON credit.listing_responsible_person (listing_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit.listing_responsible_person`);
  }
}
