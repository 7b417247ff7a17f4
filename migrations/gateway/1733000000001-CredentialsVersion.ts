import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `credentials_version` counts changes to `api_client`: a statement trigger bumps it in the changing
 * transaction (like the departments' rules_version), so every gateway process sees a revocation or
 * rotation on its next request and drops its cached lookups.
 */
export class CredentialsVersion1733000000001 implements MigrationInterface {
  name = 'CredentialsVersion1733000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.credentials_version (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), version bigint NOT NULL)`);
    await q.query(`INSERT INTO gateway.credentials_version (version) VALUES (1)`);
    await q.query(`
      CREATE FUNCTION gateway.bump_credentials_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE gateway.credentials_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER api_client_bumps_credentials_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gateway.api_client
         FOR EACH STATEMENT EXECUTE FUNCTION gateway.bump_credentials_version()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER api_client_bumps_credentials_version ON gateway.api_client`);
    await q.query(`DROP FUNCTION gateway.bump_credentials_version()`);
    await q.query(`DROP TABLE gateway.credentials_version`);
  }
}
