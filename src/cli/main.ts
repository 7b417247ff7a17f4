import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../shared/config';
import { startEmbeddedPostgres } from '../shared/embedded-postgres';
import { log } from '../shared/logging';
import { closeHubDatabases, openHubDatabases } from '../gateway/databases';
import { demoKeysBanner, startHub } from '../gateway/hub';
import { ApiClientService } from '../gateway/services/api-client.service';
import { startSubgraphServer } from '../gateway/subgraph-server';
import { DEPARTMENTS, type Department } from '../shared/database';
import { emitSchema } from './emit-schema';
import { importFeed, ImportRefused, summaryLine } from './import/import.command';
import { FEEDS } from './import/feeds';

const usage = () => `Usage: ecocredit <command> [options]

Commands:
  start [gateway|environment|market|credit|finance]
                     Start the hub (everything in one process by default) on PORT (4000).
                     Without DATABASE_URL it runs an embedded PostgreSQL under ./.data with demo data.
                     "gateway" alone calls the departments over HTTP; "<department>" serves one of them.
  clients create|rotate|revoke|list
                     Manage partner API keys (stored as hashes; a new key is printed once).
  migrate            Apply pending migrations of every schema to DATABASE_URL (or the embedded database).
  seed [--enterprises N] [--events-per-subject K]
                     Seed a fictional province (N enterprises, default 560, up to 1000000) into an empty database.
  import <feed> <file> [--format csv|jsonl] [--encoding utf8|gb18030] [--rejects <path>]
                     Apply a data feed; bad rows go to the rejects file. Feeds: ${Object.keys(FEEDS).join(', ')}.
  emit-schema        Regenerate schema/ (subgraph SDLs, supergraph, API schema).

Options:
  -h, --help         Show help for a command.

Environment: DATABASE_URL, PORT, HUB_DEMO, HUB_DATA_DIR, NODE_ENV, REDIS_URL, LOG_LEVEL, HUB_SUBGRAPH_SECRET,
HUB_SUBGRAPH_URLS, HUB_JWT_*, HUB_MAX_*, HUB_RATE_* (see README).`;

const COMMAND_HELP: Record<string, string> = {
  start: [
    'Usage: ecocredit start [gateway|environment|market|credit|finance]',
    '',
    'With no argument: the gateway with all four departments in one process.',
    '"gateway": the gateway alone; each department is called over HTTP at HUB_SUBGRAPH_URLS',
    '  (environment=http://...,market=...) or its default port (4001-4004), with tokens signed by HUB_SUBGRAPH_SECRET.',
    '"<department>": that department\'s subgraph alone, on PORT or its default port; needs DATABASE_URL and',
    '  HUB_SUBGRAPH_SECRET, and answers only requests signed by the gateway.',
  ].join('\n'),
  clients: [
    'Usage: ecocredit clients <action> [options]',
    '',
    '  list                                  every client (id, role, agency, district, state)',
    '  create --name N --role R [--agency A] [--district D] [--expires ISO-8601]',
    '                                        issues a client and prints its key once',
    '  rotate <id>                           replaces the key (the old one stops working) and prints the new one',
    '  revoke <id>                           revokes the key for good',
  ].join('\n'),
  migrate: 'Usage: ecocredit migrate\n\nApplies pending migrations of the gateway and every department schema. Idempotent.',
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

/** `ecocredit clients ...`: the same ApiClientService as the GraphQL mutations. */
async function clientsCommand(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const [action, id] = positionals;
  if (!action || !['list', 'create', 'rotate', 'revoke'].includes(action)) {
    console.error(COMMAND_HELP.clients);
    return 2;
  }
  if ((action === 'rotate' || action === 'revoke') && !/^\d+$/.test(id ?? '')) {
    console.error(`"clients ${action}" needs the client's numeric id (see "clients list")`);
    return 2;
  }
  return withDatabase(async (url) => {
    const sources = await openHubDatabases(url, { migrate: true, poolSize: 1 });
    try {
      const clients = new ApiClientService(sources.gateway);
      const describe = (c: { id: number; name: string; role: string; agency: string | null; districtCode: string | null; revokedAt: Date | null; expiresAt: Date | null; isDemo: boolean }) =>
        [c.id, c.role, c.name, c.agency ?? '-', c.districtCode ?? '-', c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : c.expiresAt ? `expires ${c.expiresAt.toISOString()}` : 'active', c.isDemo ? 'demo' : ''].join('\t');
      switch (action) {
        case 'list':
          for (const client of await clients.list()) console.log(describe(client));
          return 0;
        case 'create': {
          if (typeof values.name !== 'string' || typeof values.role !== 'string') {
            console.error('"clients create" needs --name and --role');
            return 2;
          }
          const expiresAt = typeof values.expires === 'string' ? new Date(values.expires) : null;
          if (expiresAt && Number.isNaN(expiresAt.getTime())) {
            console.error(`--expires "${values.expires}" is not an ISO 8601 timestamp`);
            return 2;
          }
          const { client, key } = await clients.create({
            name: values.name,
            role: values.role,
            agency: typeof values.agency === 'string' ? values.agency : null,
            districtCode: typeof values.district === 'string' ? values.district : null,
            expiresAt,
          });
          console.log(describe(client));
          console.log(`key (shown once): ${key}`);
          return 0;
        }
        case 'rotate': {
          const { client, key } = await clients.rotate(Number(id));
          console.log(describe(client));
          console.log(`new key (shown once; the old one no longer works): ${key}`);
          return 0;
        }
        default:
          console.log(describe(await clients.revoke(Number(id))));
          return 0;
      }
    } finally {
      await closeHubDatabases(sources);
    }
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    console.log(usage());
    return command ? 0 : 1;
  }
  // Parses its own options (a negative --enterprises must get its range error, not parseArgs').
  if (command === 'seed') return (await import('./seed.command')).seedCommand(rest);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      rejects: { type: 'string' },
      'accept-invalid-codes': { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      district: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(COMMAND_HELP[command] ?? usage());
    return 0;
  }
  switch (command) {
    case 'start': {
      const role = positionals[0];
      const config = loadConfig();
      if (role && (DEPARTMENTS as readonly string[]).includes(role)) {
        const server = await startSubgraphServer({ department: role as Department, config, port: process.env.PORT ? config.port : undefined });
        console.log(`ecocredit ${role} subgraph: ${server.url} (answers only requests signed by the gateway)`);
        const stop = async () => {
          await server.stop();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return -1;
      }
      if (role && role !== 'gateway') {
        console.error(`unknown service "${role}": use gateway, ${DEPARTMENTS.join(', ')}\n\n${COMMAND_HELP.start}`);
        return 2;
      }
      const hub = await startHub({ config, remote: role === 'gateway' ? DEPARTMENTS : undefined });
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
    case 'clients':
      return clientsCommand(positionals, values);
    case 'migrate':
      await withDatabase(async (url) => {
        const sources = await openHubDatabases(url, { migrate: true, poolSize: 1 });
        await closeHubDatabases(sources);
      });
      console.log('migrations are up to date');
      return 0;
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
