import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../shared/config';
import { startEmbeddedPostgres } from '../shared/embedded-postgres';
import { log } from '../shared/logging';
import { closeHubDatabases, openHubDatabases } from '../gateway/databases';
import { seedDemoData } from '../gateway/demo-seed';
import { demoKeysBanner, startHub } from '../gateway/hub';
import { emitSchema } from './emit-schema';
import { importFeed, ImportRefused, summaryLine } from './import/import.command';
import { FEEDS } from './import/feeds';

const usage = () => `Usage: ecocredit <command> [options]

Commands:
  start [gateway|environment|market|credit|finance]
                     Start the hub (everything in one process by default) on PORT (4000).
                     Without DATABASE_URL it runs an embedded PostgreSQL under ./.data with demo data.
  migrate            Apply pending migrations of every schema to DATABASE_URL (or the embedded database).
  seed [--enterprises N]
                     Seed the demo city (N enterprises, default 560) into an empty database.
  import <feed> <file> [--format csv|jsonl] [--encoding utf8|gb18030] [--rejects <path>]
                     Apply a data feed; bad rows go to the rejects file. Feeds: ${Object.keys(FEEDS).join(', ')}.
  emit-schema        Regenerate schema/ (subgraph SDLs, supergraph, API schema).

Options:
  -h, --help         Show help for a command.

Environment: DATABASE_URL, PORT, HUB_DEMO, HUB_DATA_DIR, NODE_ENV, REDIS_URL, LOG_LEVEL (see README).`;

const COMMAND_HELP: Record<string, string> = {
  start: 'Usage: ecocredit start [gateway|environment|market|credit|finance]\n\nStarts the hub. With no argument (or "gateway") the gateway serves all four subgraphs in-process.',
  migrate: 'Usage: ecocredit migrate\n\nApplies pending migrations of the gateway and every department schema. Idempotent.',
  seed: 'Usage: ecocredit seed [--enterprises N]\n\nSeeds the demo city into an empty database (N enterprises, default 560). Does nothing when data exists.',
  import: `Usage: ecocredit import <feed> <file> [--format csv|jsonl] [--encoding utf8|gb18030] [--rejects <path>] [--accept-invalid-codes <file>]

Applies the good rows of a feed file and writes bad rows to the rejects file (default <file>.rejects.csv:
original line number, the row, the reason). The last line printed is "imported N, rejected M, unchanged K".
Exit 0 when the file was processed (even with rejects); non-zero when it could not be (unreadable file,
unknown feed, missing required column): then nothing is applied.
--accept-invalid-codes names a file of historical USCCs (one per line) accepted despite a failing check
character; every use is logged.

Feeds:
${Object.entries(FEEDS).map(([name, feed]) => `  ${name.padEnd(18)} ${feed.description}`).join('\n')}`,
  'emit-schema': 'Usage: ecocredit emit-schema\n\nWrites schema/subgraphs/<department>.graphql, schema/supergraph.graphql and schema/api.graphql.',
};

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  try {
    return await work(config.databaseUrl ?? embedded!.url);
  } finally {
    await embedded?.stop();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    console.log(usage());
    return command ? 0 : 1;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      enterprises: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      rejects: { type: 'string' },
      'accept-invalid-codes': { type: 'string' },
    },
  });
  if (values.help) {
    console.log(COMMAND_HELP[command] ?? usage());
    return 0;
  }
  switch (command) {
    case 'start': {
      const role = positionals[0] ?? 'gateway';
      if (role !== 'gateway') {
        console.error(`"start ${role}": running a department as its own process is not available yet; use "start" (all in one process).`);
        return 2;
      }
      const config = loadConfig();
      const hub = await startHub({ config });
      console.log(`ecocredit hub: ${hub.url}  (health: http://localhost:${hub.port}/healthz)`);
      if (config.demo) console.log(demoKeysBanner());
      const shutdown = async () => {
        await hub.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return -1;
    }
    case 'migrate':
      await withDatabase(async (url) => {
        const sources = await openHubDatabases(url, { migrate: true, poolSize: 1 });
        await closeHubDatabases(sources);
      });
      console.log('migrations are up to date');
      return 0;
    case 'seed': {
      const size = Number(values.enterprises ?? 560);
      if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
        console.error(`--enterprises must be a whole number from 1 to 1000000, got "${values.enterprises}"`);
        return 2;
      }
      await withDatabase(async (url) => {
        const sources = await openHubDatabases(url, { migrate: true, poolSize: 2 });
        try {
          const seeded = await seedDemoData(sources, size);
          console.log(seeded ? `seeded ${size} demo enterprises` : 'database already has registrations: nothing seeded');
        } finally {
          await closeHubDatabases(sources);
        }
      });
      return 0;
    }
    case 'import': {
      const [feed, file] = positionals;
      if (!feed || !file) {
        console.error(COMMAND_HELP.import);
        return 2;
      }
      if (!FEEDS[feed]) {
        console.error(`unknown feed "${feed}"; feeds: ${Object.keys(FEEDS).join(', ')}`);
        return 2;
      }
      if (values.format !== undefined && values.format !== 'csv' && values.format !== 'jsonl') {
        console.error(`--format must be csv or jsonl, got "${values.format}"`);
        return 2;
      }
      const encoding = values.encoding ?? 'utf8';
      if (encoding !== 'utf8' && encoding !== 'gb18030') {
        console.error(`--encoding must be utf8 or gb18030, got "${encoding}"`);
        return 2;
      }
      return withDatabase(async (url) => {
        const sources = await openHubDatabases(url, { migrate: true, poolSize: 2 });
        try {
          const summary = await importFeed(sources, feed, file, {
            format: values.format as 'csv' | 'jsonl' | undefined,
            encoding,
            rejectsPath: values.rejects,
            acceptInvalidCodesPath: values['accept-invalid-codes'],
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
          await closeHubDatabases(sources);
        }
      });
    }
    case 'emit-schema': {
      const written = await emitSchema();
      console.log(`wrote ${written.join(', ')}`);
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n\n${usage()}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    log.error('command failed', { detail: String((error as Error)?.stack ?? error) });
    console.error(`error: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  },
);
