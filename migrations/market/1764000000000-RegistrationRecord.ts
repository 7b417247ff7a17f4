import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registration record of DOMAIN.md §8 also carries the type of entity. */
export class RegistrationRecord1764000000000 implements MigrationInterface {
  name = 'RegistrationRecord1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE market.registration ADD COLUMN enterprise_type varchar`);
    await q.query(`ALTER TABLE market.registration ADD CONSTRAINT registration_capital_nonnegative CHECK (registered_capital IS NULL OR registered_capital >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE market.registration DROP CONSTRAINT registration_capital_nonnegative`);
    await q.query(`ALTER TABLE market.registration DROP COLUMN enterprise_type`);
  }
}
