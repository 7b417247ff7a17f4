import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { HubConfig } from '../shared/config';
import type { HubContext } from '../shared/context';
import type { Department } from '../shared/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../shared/embedded-postgres';
import { log } from '../shared/logging';
import type { BuiltSubgraph } from '../shared/subgraph';
import { SUBGRAPHS } from '../subgraphs';
import { noticeRoute } from '../subgraphs/environment';
import { closeHubDatabases, openHubDatabases, type HubDataSources } from './databases';
import { seedDemoData } from './demo-seed';
import { createGatewayServer } from './gateway';
import { createHttpServer } from './http-server';
import { ApiClientService, DEMO_CLIENTS } from './services/api-client.service';
import { readCommittedSupergraph } from './supergraph';

export interface Hub {
  url: string;
  port: number;
  databaseUrl: string;
  sources: HubDataSources;
  apollo: ApolloServer<HubContext>;
  clients: ApiClientService;
  stop(): Promise<void>;
}

export interface StartHubOptions {
  config: HubConfig;
  /** Seed the demo city on an empty database (default: in demo mode). */
  seedDemo?: boolean;
  /** Enterprises in the demo city (default 560). */
  demoSize?: number;
  /** Use this supergraph instead of the committed one (tests of composition). */
  supergraphSdl?: string;
}

/** Builds every department's subgraph over its DataSource. */
export async function buildSubgraphs(sources: Pick<HubDataSources, Department>): Promise<BuiltSubgraph[]> {
  return Promise.all(SUBGRAPHS.map((subgraph) => subgraph.build(sources[subgraph.name])));
}

/**
 * Starts the whole hub in one process: database (embedded when no URL), migrations, demo data in
 * demo mode, the four subgraphs in-process behind the gateway, and the HTTP server.
 */
export async function startHub(options: StartHubOptions): Promise<Hub> {
  const { config } = options;
  if (config.production && config.demo) {
    throw new Error('refusing to start: demo mode (HUB_DEMO or no DATABASE_URL) is not allowed with NODE_ENV=production');
  }
  let embedded: EmbeddedPostgres | undefined;
  const databaseUrl = config.databaseUrl ?? (embedded = await startEmbeddedPostgres(config.dataDir)).url;
  let sources: HubDataSources | undefined;
  try {
    sources = await openHubDatabases(databaseUrl, { migrate: true, poolSize: embedded ? 2 : 10 });
    const clients = new ApiClientService(sources.gateway);
    if (config.demo) {
      await clients.ensureDemoClients();
      if (options.seedDemo ?? true) await seedDemoData(sources, options.demoSize);
    } else if (config.production && (await clients.hasActiveDemoClients())) {
      throw new Error('refusing to start: demo API keys are active; revoke them before running with NODE_ENV=production');
    }
    const subgraphs = await buildSubgraphs(sources);
    const localSchemas: Partial<Record<Department, GraphQLSchema>> = {};
    for (const subgraph of subgraphs) localSchemas[subgraph.name] = subgraph.schema;
    const apollo = createGatewayServer({
      supergraphSdl: options.supergraphSdl ?? readCommittedSupergraph(),
      localSchemas,
      introspection: config.demo,
    });
    await apollo.start();
    const readySources = sources;
    const server: Server = createHttpServer({
      apollo,
      clients,
      maxBodyBytes: config.maxBodyBytes,
      routes: [noticeRoute(readySources.environment)],
      ready: async () => {
        await Promise.all(Object.values(readySources).map((dataSource) => dataSource.query('SELECT 1')));
        return true;
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://localhost:${port}/graphql`;
    log.info('ecocredit hub listening', { url, demo: config.demo, database: embedded ? 'embedded PGlite' : 'DATABASE_URL' });
    return {
      url,
      port,
      databaseUrl,
      sources,
      apollo,
      clients,
      async stop() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await apollo.stop();
        await closeHubDatabases(readySources);
        await embedded?.stop();
      },
    };
  } catch (error) {
    if (sources) await closeHubDatabases(sources);
    await embedded?.stop();
    throw error;
  }
}

export function demoKeysBanner(): string {
  return ['Demo API keys (Authorization: Bearer <key>):', ...DEMO_CLIENTS.map((c) => `  ${c.key.padEnd(28)} ${c.role}${c.districtCode ? ` (district ${c.districtCode})` : ''}`)].join('\n');
}
