import type { QueryRunner } from 'typeorm';

/**
 * A department's rules version: one counter row, bumped by a statement trigger on every change to
 * its rule tables (policies, catalogues), in the changing transaction. Readers cache the tables per
 * version (src/shared/rules-cache.ts). Used by migrations as they were written: change it only by
 * adding a new function, never by editing this one.
 */
export async function createRulesVersion(q: QueryRunner, schema: string, tables: string[]): Promise<void> {
  await q.query(`CREATE TABLE ${schema}.rules_version (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), version bigint NOT NULL)`);
  await q.query(`INSERT INTO ${schema}.rules_version (version) VALUES (1)`);
  await q.query(`
    CREATE FUNCTION ${schema}.bump_rules_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE ${schema}.rules_version SET version = version + 1;
      RETURN NULL;
    END $$`);
  for (const table of tables) {
    await q.query(
      `CREATE TRIGGER ${table}_bumps_rules_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${schema}.${table}
         FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.bump_rules_version()`,
    );
  }
}

export async function dropRulesVersion(q: QueryRunner, schema: string, tables: string[]): Promise<void> {
  for (const table of tables) await q.query(`DROP TRIGGER ${table}_bumps_rules_version ON ${schema}.${table}`);
  await q.query(`DROP FUNCTION ${schema}.bump_rules_version()`);
  await q.query(`DROP TABLE ${schema}.rules_version`);
}

/**
 * Makes a version counter's bump also notify `ecocredit_versions` (src/shared/version-watch.ts) with
 * `<topic>:<new version>`, in the changing transaction: the notification is delivered when it
 * commits, and never for a rollback. Processes that listen drop their cached copies then, instead of
 * reading the counter on every request. `counter` is the one-row table, `bump` its trigger function.
 */
export async function notifyVersionBumps(q: QueryRunner, counter: string, bump: string, topic: string): Promise<void> {
  await q.query(`
    CREATE OR REPLACE FUNCTION ${bump}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      bumped bigint;
    BEGIN
      UPDATE ${counter} SET version = version + 1 RETURNING version INTO bumped;
      PERFORM pg_notify('ecocredit_versions', '${topic}:' || bumped);
      RETURN NULL;
    END $$`);
}

/** The bump as it was before notifyVersionBumps (for a migration's `down`). */
export async function silentVersionBumps(q: QueryRunner, counter: string, bump: string): Promise<void> {
  await q.query(`
    CREATE OR REPLACE FUNCTION ${bump}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE ${counter} SET version = version + 1;
      RETURN NULL;
    END $$`);
}
