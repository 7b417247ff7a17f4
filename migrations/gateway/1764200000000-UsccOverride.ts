import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Codes admitted despite a failing check character (genuine historical codes, DOMAIN.md §2): only
 * through an import's explicit override list, recorded here with who admitted them from which list,
 * and every import that used them (uscc_override_use). The USCC scalar accepts such a code only when
 * it is in this table; every other code with a failing check stays BAD_USER_INPUT.
 */
export class UsccOverride1764200000000 implements MigrationInterface {
  name = 'UsccOverride1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway.uscc_override (
        uscc varchar(18) PRIMARY KEY,
        problem varchar NOT NULL,
        override_list varchar NOT NULL,
        admitted_by varchar NOT NULL,
        admitted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE gateway.uscc_override_use (
        id bigserial PRIMARY KEY,
        uscc varchar(18) NOT NULL REFERENCES gateway.uscc_override (uscc),
        feed varchar NOT NULL,
        file varchar NOT NULL,
        first_line int NOT NULL,
        rows int NOT NULL,
        used_by varchar NOT NULL,
        used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX uscc_override_use_uscc_idx ON gateway.uscc_override_use (uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.uscc_override_use`);
    await q.query(`DROP TABLE gateway.uscc_override`);
  }
}
