import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGateway1732400000000 implements MigrationInterface {
  name = 'CreateGateway1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway.api_client (
        id serial PRIMARY KEY,
        name varchar NOT NULL,
        role varchar NOT NULL,
        agency varchar,
        district_code varchar,
        key_hash varchar NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.api_client`);
  }
}
