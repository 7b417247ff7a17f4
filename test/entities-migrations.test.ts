import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_SCHEMAS } from '../src/hub/databases';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  // The hub migrates every schema owner on start: its data sources see exactly what migrations built.
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

/**
 * Migrations are the truth of the database; entities must describe it exactly (types, lengths,
 * nullability, defaults, indexes, unique constraints, precision). TypeORM's schema builder computes
 * what `synchronize` would run to make the database match the entities: after a full migration that
 * must be nothing. When this fails, fix the entity decorator (the database is right) or add a new
 * migration (the entity is right); never edit an applied migration.
 */
describe('entities agree with migrations', () => {
  it.each(HUB_SCHEMAS.map((definition) => definition.owner))('schema %s: synchronize would run no statement', async (owner) => {
    const dataSource = hub.hub.sources[owner];
    const pending = await dataSource.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((query) => query.query.replace(/\s+/g, ' ').trim());
    expect(statements, `${owner}: entities differ from the migrated schema`).toEqual([]);
  });
});
