import 'reflect-metadata';
import { closeHubDatabases, openHubDatabases } from '../../gateway/databases';
import { withDatabase } from '../with-database';

/** `ecocredit migrate`: applies pending migrations of every schema (idempotent). */
export async function run(): Promise<number> {
  await withDatabase(async (url) => {
    const sources = await openHubDatabases(url, { migrate: true, poolSize: 1 });
    await closeHubDatabases(sources);
  });
  console.log('migrations are up to date');
  return 0;
}
