import 'reflect-metadata';
import { closeHubDatabases, openHubDatabases } from '../../hub/databases';
import type { SchemaOwner } from '../../shared/database';
import type { CommandArgs } from '../command-args';
import { withDatabase } from '../with-database';

/** `ecocredit migrate [owner]`: applies pending migrations of every schema, or of one (idempotent). */
export async function run({ positionals }: CommandArgs): Promise<number> {
  const owner = positionals[0] as SchemaOwner | undefined;
  await withDatabase(async (url) => {
    const sources = await openHubDatabases(url, { migrate: true, poolSize: 1, owners: owner ? [owner] : undefined });
    await closeHubDatabases(sources);
  });
  console.log(owner ? `migrations of ${owner} are up to date` : 'migrations are up to date');
  return 0;
}
