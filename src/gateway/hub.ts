import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { generateSubgraphSecret, secretKey } from '../shared/auth/subgraph-token';
import type { HubConfig } from '../shared/config';
import type { HubContext } from '../shared/context';
import { createSnapshotDataSource, type Department } from '../shared/database';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../shared/embedded-postgres';
import { log } from '../shared/logging';
import type { BuiltSubgraph, SubgraphName } from '../shared/subgraph';
import { SUBGRAPHS } from '../subgraphs';
import { buildAdminSubgraph } from './admin';
import { AuditRecorder } from './audit-recorder';
import { noticeRoute } from '../subgraphs/environment';
import { closeHubDatabases, openHubDatabases, type HubDataSources } from './databases';
import { seedDemoData } from './demo-seed';
import { createGatewayServer } from './gateway';
import { createHttpServer } from './http-server';
import { createRateLimiter } from './rate-limiter';
import { ApiClientService, DEMO_CLIENTS } from './services/api-client.service';
import { AuditTrailService } from './services/audit-trail.service';
import { JwtIssuerService } from './services/jwt-issuer.service';
import { createSubgraphExecutor } from './services/subgraph-executor.service';
import { FederatedSubjectFacts } from './services/subject-facts.service';
import { defaultSubgraphUrl, fieldOwners, readCommittedSupergraph } from './supergraph';
import { UsccOverrideService } from './services/uscc-override.service';

export interface Hub {
  url: string;
  port: number;
  databaseUrl: string;
  sources: HubDataSources;
  /** Whether each query is answered from one read snapshot (not on the embedded database). */
  consistentReads: boolean;
  /** The pool that lends each query its read snapshot (null without consistent reads). */
  snapshotSource: DataSource | null;
  apollo: ApolloServer<HubContext>;
  clients: ApiClientService;
  audit: AuditTrailService;
  /** The gateway → subgraph signing secret (generated per process unless HUB_SUBGRAPH_SECRET is set). */
  subgraphSecret: string;
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
  /**
   * Departments served by their own processes (`ecocredit start <department>`), called over HTTP at
   * HUB_SUBGRAPH_URLS or their default ports. Default: those named in HUB_SUBGRAPH_URLS (none).
   */
  remote?: readonly Department[];
  /**
   * Answer each query from one read snapshot (ReadSnapshot). Default: yes, except on the embedded
   * database, which serves one transaction at a time (a held snapshot would stall every other request).
   */
  consistentReads?: boolean;
}

export interface GatewayServices {
  clients: ApiClientService;
  audit: AuditTrailService;
}

/**
 * Builds every subgraph of the supergraph: the departments' over their DataSources (all, or those
 * named in `only`) and the gateway's own admin subgraph.
 */
export async function buildSubgraphs(
  sources: Pick<HubDataSources, Department | 'gateway'>,
  services: GatewayServices = { clients: new ApiClientService(sources.gateway), audit: new AuditTrailService(sources.gateway) },
  only?: readonly Department[],
): Promise<BuiltSubgraph[]> {
  const departments = SUBGRAPHS.filter((subgraph) => !only || only.includes(subgraph.name));
  return Promise.all([...departments.map((subgraph) => subgraph.build(sources[subgraph.name])), buildAdminSubgraph(services)]);
}

/**
 * Starts the hub: database (embedded when no URL), migrations, demo data in demo mode, the
 * subgraphs in-process behind the gateway (departments listed in HUB_SUBGRAPH_URLS are called over
 * HTTP instead, with signed tokens), and the HTTP server.
 */
export async function startHub(options: StartHubOptions): Promise<Hub> {
  const { config } = options;
  if (config.production && config.demo) {
    throw new Error('refusing to start: demo mode (HUB_DEMO or no DATABASE_URL) is not allowed with NODE_ENV=production');
  }
  const remote = options.remote ?? (Object.keys(config.subgraphUrls) as Department[]);
  const remoteUrls: Partial<Record<SubgraphName, string>> = {};
  for (const department of remote) remoteUrls[department] = config.subgraphUrls[department] ?? defaultSubgraphUrl(department);
  if (remote.length > 0 && !config.subgraphSecret) {
    throw new Error('refusing to start: subgraphs over HTTP need HUB_SUBGRAPH_SECRET, shared with the subgraph processes');
  }
  const subgraphSecret = config.subgraphSecret ?? generateSubgraphSecret();
  let embedded: EmbeddedPostgres | undefined;
  const databaseUrl = config.databaseUrl ?? (embedded = await startEmbeddedPostgres(config.dataDir)).url;
  let sources: HubDataSources | undefined;
  const consistentReads = options.consistentReads ?? !embedded;
  const snapshotSource = consistentReads ? createSnapshotDataSource({ url: databaseUrl, poolSize: 10 }) : null;
  const rateLimiter = createRateLimiter({ redisUrl: config.redisUrl, ...config.rateLimit });
  try {
    sources = await openHubDatabases(databaseUrl, { migrate: true, poolSize: embedded ? 2 : 10 });
    await snapshotSource?.initialize();
    const clients = new ApiClientService(sources.gateway);
    const audit = new AuditTrailService(sources.gateway);
    if (config.demo) {
      await clients.ensureDemoClients();
      if (options.seedDemo ?? true) await seedDemoData(sources, options.demoSize);
    } else if (config.production && (await clients.hasActiveDemoClients())) {
      throw new Error('refusing to start: demo API keys are active; revoke them before running with NODE_ENV=production');
    }
    const local = SUBGRAPHS.map((subgraph) => subgraph.name).filter((name) => !remote.includes(name));
    const subgraphs = await buildSubgraphs(sources, { clients, audit }, local);
    const localSchemas: Partial<Record<SubgraphName, GraphQLSchema>> = {};
    for (const subgraph of subgraphs) localSchemas[subgraph.name] = subgraph.schema;
    const secret = secretKey(subgraphSecret);
    const subjectFacts = new FederatedSubjectFacts(createSubgraphExecutor({ localSchemas, remoteUrls, secret }));
    const supergraphSdl = options.supergraphSdl ?? readCommittedSupergraph();
    const recorder = new AuditRecorder(audit, fieldOwners(supergraphSdl));
    let apiSchema: GraphQLSchema | undefined;
    const apollo = createGatewayServer({
      supergraphSdl,
      localSchemas,
      remoteUrls,
      subgraphSecret: secret,
      schemaHints: config.schemaHints,
      plugins: [recorder.plugin()],
      onApiSchema: (schema) => (apiSchema = schema),
    });
    await apollo.start();
    const readySources = sources;
    const server: Server = createHttpServer({
      apollo,
      clients,
      jwt: JwtIssuerService.fromConfig(config.jwt),
      maxBodyBytes: config.maxBodyBytes,
      limits: config.limits,
      apiSchema: () => apiSchema,
      rateLimiter,
      audit: recorder,
      subjectFacts,
      snapshotSource,
      routes: [noticeRoute(readySources.environment)],
      usccOverrides: new UsccOverrideService(readySources.gateway),
      ready: async () => {
        const pools = [...Object.values(readySources), ...(snapshotSource ? [snapshotSource] : [])];
        await Promise.all(pools.map((dataSource) => dataSource.query('SELECT 1')));
        await Promise.all(
          Object.values(remoteUrls).map(async (url) => {
            const response = await fetch(url.replace(/\/graphql$/, '/healthz'));
            if (!response.ok) throw new Error(`${url} is not healthy`);
          }),
        );
        return true;
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://localhost:${port}/graphql`;
    log.info('ecocredit hub listening', { url, demo: config.demo, database: embedded ? 'embedded PGlite' : 'DATABASE_URL', remote });
    return {
      url,
      port,
      databaseUrl,
      sources,
      consistentReads: snapshotSource !== null,
      snapshotSource,
      apollo,
      clients,
      audit,
      subgraphSecret,
      async stop() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await apollo.stop();
        await rateLimiter.close();
        await closeHubDatabases(readySources);
        await snapshotSource?.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await rateLimiter.close();
    if (sources) await closeHubDatabases(sources);
    if (snapshotSource?.isInitialized) await snapshotSource.destroy();
    await embedded?.stop();
    throw error;
  }
}

export function demoKeysBanner(): string {
  return ['Demo API keys (Authorization: Bearer <key>):', ...DEMO_CLIENTS.map((c) => `  ${c.key.padEnd(28)} ${c.role}${c.districtCode ? ` (district ${c.districtCode})` : ''}`)].join('\n');
}
