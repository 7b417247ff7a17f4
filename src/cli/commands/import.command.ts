import 'reflect-metadata';
import { notifyAuditWriter } from '../../shared/audit/audit-outbox';
import { closeHubDatabases, openHubDatabases } from '../../hub/databases';
import type { FeedEncoding, FeedFormat } from '../../shared/import/feed-reader';
import { importFeed, ImportRefused, summaryLine } from '../import/import.command';
import type { CommandArgs } from '../command-args';
import { boundHeapGrowth } from '../heap-growth';
import { withDatabase } from '../with-database';
import { Client } from 'pg';
import { loadConfig } from '../../shared/config';
import { DEPARTMENTS } from '../../shared/database';

/**
 * Why this database cannot take an import, or null. An import applies a feed in its department's
 * schema and asks the other departments' facts of their schemas in the same database (and records
 * admitted codes in the gateway's): it needs one database holding every schema. With the departments
 * on their own databases (HUB_SUBGRAPH_URLS set, and the database lacking schemas), it is refused
 * before anything is written, rather than creating empty schemas beside the department's own and
 * answering from them (docs/operations.md, "Departments on their own databases").
 */
async function ownDatabaseRefusal(url: string, subgraphUrls: Record<string, string>): Promise<string | null> {
  if (Object.keys(subgraphUrls).length === 0) return null;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const wanted = ['gateway', ...DEPARTMENTS];
    const { rows } = await client.query<{ name: string }>('SELECT nspname AS name FROM pg_namespace WHERE nspname = ANY($1)', [wanted]);
    const missing = wanted.filter((schema) => !rows.some((row) => row.name === schema));
    if (missing.length === 0) return null;
    return (
      `ecocredit import needs one database holding every schema, and this DATABASE_URL lacks ${missing.join(', ')} ` +
      '(HUB_SUBGRAPH_URLS is set: the departments run on their own databases). Importing into a department\'s own database ' +
      'is not supported yet; nothing was applied. Import into an all-in-one database (every schema, HUB_SUBGRAPH_URLS unset), ' +
      'or record the rows through a gateway\'s GraphQL API; see docs/operations.md, "Departments on their own databases".'
    );
  } finally {
    await client.end();
  }
}

/** `ecocredit import <feed> <file> [...]` (the dispatcher has checked the feed name, format and encoding). */
export async function run({ positionals, values }: CommandArgs): Promise<number> {
  const [feed, file] = positionals;
  const encoding = (values.encoding ?? 'utf8') as FeedEncoding;
  boundHeapGrowth();
  return withDatabase(async (url) => {
    const refusal = await ownDatabaseRefusal(url, loadConfig().subgraphUrls);
    if (refusal) {
      console.error(`error: ${refusal}`);
      return 1;
    }
    const sources = await openHubDatabases(url, { migrate: true, poolSize: 2 });
    try {
      const summary = await importFeed(sources, feed, file, {
        format: values.format as FeedFormat | undefined,
        encoding,
        rejectsPath: values.rejects as string | undefined,
        acceptInvalidCodesPath: values['accept-invalid-codes'] as string | undefined,
        batchSize: values['batch-size'] === undefined ? undefined : Number(values['batch-size']),
      });
      if (summary.rejected > 0) console.log(`rejected rows written to ${summary.rejectsPath}`);
      console.log(summaryLine(summary));
      return 0;
    } catch (error) {
      if (error instanceof ImportRefused) {
        console.error(`error: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      // What this command committed waits in the audit outboxes: a running gateway chains it now.
      await notifyAuditWriter(sources.gateway).catch(() => undefined);
      await closeHubDatabases(sources);
    }
  });
}
