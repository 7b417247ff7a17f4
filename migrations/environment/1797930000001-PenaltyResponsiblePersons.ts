import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The responsible persons (法定代表人, 主要负责人, 直接责任人) a SERIOUS penalty names: environment's own
 * record of them. Looked up by subject (`Enterprise.responsiblePersons`) and by ID number (the
 * person look-up across companies).
 */
export class PenaltyResponsiblePersons1797930000001 implements MigrationInterface {
  name = 'PenaltyResponsiblePersons1797930000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE environment.penalty_responsible_person (
        id serial PRIMARY KEY,
        event_id integer NOT NULL REFERENCES environment.credit_event (id),
        uscc varchar(18) NOT NULL,
        role varchar NOT NULL CHECK (role IN ('LEGAL_REPRESENTATIVE', 'PRINCIPAL_OFFICER', 'DIRECTLY_RESPONSIBLE')),
        name varchar(50) NOT NULL,
        id_number varchar(18) NOT NULL
      )`);
    await q.query(`CREATE INDEX penalty_responsible_person_uscc_idx ON environment.penalty_responsible_person (uscc)`);
    await q.query(`CREATE INDEX penalty_responsible_person_id_number_idx ON environment.penalty_responsible_person (id_number)`);
    await q.query(`CREATE INDEX penalty_responsible_person_event_idx ON environment.penalty_responsible_person (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE environment.penalty_responsible_person`);
  }
}
