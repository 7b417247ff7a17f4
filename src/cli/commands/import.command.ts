import 'reflect-metadata';
import { notifyAuditWriter } from '../../shared/audit/audit-outbox';
import { closeHubDatabases, openHubDatabases } from '../../gateway/databases';
import type { FeedEncoding, FeedFormat } from '../../shared/import/feed-reader';
import { importFeed, ImportRefused, summaryLine } from '../import/import.command';
import type { CommandArgs } from '../command-args';
import { boundHeapGrowth } from '../heap-growth';
import { withDatabase } from '../with-database';

/** `ecocredit import <feed> <file> [...]` (the dispatcher has checked the feed name, format and encoding). */
export async function run({ positionals, values }: CommandArgs): Promise<number> {
  const [feed, file] = positionals;
  const encoding = (values.encoding ?? 'utf8') as FeedEncoding;
  boundHeapGrowth();
  return withDatabase(async (url) => {
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
