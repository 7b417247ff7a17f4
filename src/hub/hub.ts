import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { generateSubgraphSecret, secretKey } from '../shared/auth/subgraph-token';
import type { SubjectFacts } from '../shared/auth/subject-scope';
import { loadConfig, type HubConfig } from '../shared/config';
import { commandContext, operatorPrincipal, type HubContext } from '../shared/context';
import { createSnapshotDataSource, DEPARTMENTS, type Department } from '../shared/database';
import { attachEmbeddedPostgres, type EmbeddedPostgres } from '../shared/embedded-postgres';
import { HttpDrain } from '../shared/graceful-shutdown';
import { log } from '../shared/logging';
import { observePools } from '../shared/metrics';
import { closeParkedSnapshots, ReadSnapshot } from '../shared/read-snapshot';
import { cachedCheck, checkReadiness, databaseCheck, subgraphCheck, type DependencyCheck } from '../shared/readiness';
import { retryWhileUnavailable, waitForDatabase } from '../shared/wait-for-database';
import type { BuiltSubgraph, SubgraphName } from '../shared/subgraph';
import { SUBGRAPHS } from '../subgraphs';
import { buildAdminSubgraph } from '../gateway/admin';
import { loadAuditKey } from '../gateway/audit-key';
import { AuditOutboxListener } from '../gateway/audit-outbox-listener';
import { VersionWatch } from '../shared/version-watch';
import { AuditRecorder } from '../gateway/audit-recorder';
import { Authenticator } from '../gateway/authentication';
import { clientErrorStatusPlugin } from '../gateway/client-error-status';
import { priceListRoute } from '../subgraphs/credit';
import { noticeRoute, startHalfYearSnapshotJob, type HalfYearSnapshotJob } from '../subgraphs/environment';
import { localDepartment, remoteDepartment, type DepartmentLink } from '../gateway/department-link';
import { departmentReads } from '../gateway/department-routes';
import { retryAfterHeaderPlugin } from '../gateway/retry-after-header';
import { CreditListType } from '../shared/list-types';
import { exportRoute } from '../apps/exports/export.route';
import { ExportService } from '../apps/exports/export.service';
import { closeHubDatabases, outboxSources, openHubDatabases, type HubDataSources } from './databases';
import { seedDemoData } from './demo-seed';
import { createGatewayServer } from '../gateway/gateway';
import { createHttpServer, metricsListener } from '../gateway/http-server';
import { schemaFileRoute } from '../gateway/schema-file.route';
import { webPagesRoute } from '../apps/pages/web-pages';
import { createRateLimiter } from '../gateway/rate-limiter';
import { ApiClientService, DEMO_CLIENTS } from '../gateway/services/api-client.service';
import { AuditCheckpointFile } from '../gateway/services/audit-checkpoints.service';
import { AuditTrailService } from '../gateway/services/audit-trail.service';
import { IdempotencyService } from '../gateway/services/idempotency.service';
import { JwtIssuerService } from '../gateway/services/jwt-issuer.service';
import { createSubgraphExecutor, type SubgraphExecutor } from '../gateway/services/subgraph-executor.service';
import { FederatedSubjectFacts } from '../gateway/services/subject-facts.service';
import { fieldOwners, readCommittedSupergraph } from '../gateway/supergraph';
import { departmentUrls } from '../gateway/topology';
import { DepartmentCalls } from '../gateway/department-calls';
import { UsccOverrideService } from '../gateway/services/uscc-override.service';
import { inProcessApi, LateBoundApi, type HubApi } from '../gateway/hub-api';
import { AnnualReportService, CreditReportService, loadReportSigningKey, reportOperations, reportRoute, type ReportServices } from '../apps/reports';
import {
  createWebhookServices,
  SecretBox,
  WebhookDeliveryService,
  WebhookDispatcher,
  WebhookRelayService,
  WebhookRetentionService,
  TimedMeasureChanges,
  TimedRestrictionChanges,
  webhookOperations,
  type HubRead,
  type SubjectsWithTriggers,
  type SubscriberRead,
  type WebhookServices,
} from '../apps/webhooks';

/**
 * How often a failed audit outbox pass is retried; and how often the outboxes of departments on their
 * own databases are taken (their writes' NOTIFY does not reach this database, and rows written beside
 * them, by a gateway that died before taking them or by their command line, have no mutation here to
 * take them).
 */
const OUTBOX_RETRY_MS = 5_000;
/** How often idempotency keys past their 24 hours are deleted. */
const KEY_PURGE_MS = 60 * 60 * 1000;

export interface Hub {
  url: string;
  port: number;
  databaseUrl: string;
  sources: HubDataSources;
  /** The pool that lends each query its read snapshot (ReadSnapshot). */
  snapshotSource: DataSource;
  apollo: ApolloServer<HubContext>;
  clients: ApiClientService;
  audit: AuditTrailService;
  /** Credit reports (信用报告) and the yearly summary (总结报告): the CLI's `report` command uses them. */
  reports: ReportServices;
  /** CSV exports (`/exports/<view>.csv`, `ecocredit export`). */
  exports: ExportService;
  /** The change-notification dispatcher of this process; null when HUB_WEBHOOKS=0. */
  webhooks: WebhookDispatcher | null;
  /** The gateway → subgraph signing secret (generated per process unless HUB_SUBGRAPH_SECRET is set). */
  subgraphSecret: string;
  /**
   * Graceful: stops accepting connections, lets in-flight requests finish (up to
   * HUB_SHUTDOWN_TIMEOUT_MS, then closes the rest), then closes Apollo, Redis and the pools.
   */
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
   * their HUB_SUBGRAPH_URLS entries (the start is refused when one is missing). Default: those named
   * in HUB_SUBGRAPH_URLS (none).
   */
  remote?: readonly Department[];
}

export interface GatewayServices {
  clients: ApiClientService;
  audit: AuditTrailService;
  /** Credit reports and the yearly summary, once the hub runs (they execute its API). */
  reports?: () => ReportServices;
  webhooks: WebhookServices;
}

/**
 * Builds every subgraph of the supergraph: the departments' over their DataSources (all, or those
 * named in `only`) and the gateway's own admin subgraph.
 */
export async function buildSubgraphs(
  sources: Pick<HubDataSources, Department | 'gateway'>,
  // Without a hub (schema emission, the CLI's facts) the admin subgraph never writes or verifies records: any key will do.
  services: GatewayServices = {
    clients: new ApiClientService(sources.gateway),
    audit: new AuditTrailService(sources.gateway, randomBytes(32), null, outboxSources(sources)),
    // Never writes or signs without a hub: any key will do.
    webhooks: createWebhookServices(sources.gateway, loadConfig(), new SecretBox(randomBytes(32))),
  },
  only?: readonly Department[],
): Promise<BuiltSubgraph[]> {
  const departments = SUBGRAPHS.filter((subgraph) => !only || only.includes(subgraph.name));
  return Promise.all([...departments.map((subgraph) => subgraph.build(sources[subgraph.name])), buildAdminSubgraph(services, [reportOperations(services.reports), webhookOperations(services.webhooks)])]);
}

/**
 * Other departments' facts for a process that runs department services without a gateway (the CLI
 * import): every subgraph in-process over `sources`, built on first use.
 */
export function localSubjectFacts(sources: HubDataSources): SubjectFacts {
  let executor: Promise<SubgraphExecutor> | undefined;
  const build = async () => {
    const localSchemas: Partial<Record<SubgraphName, GraphQLSchema>> = {};
    for (const subgraph of await buildSubgraphs(sources)) localSchemas[subgraph.name] = subgraph.schema;
    return createSubgraphExecutor({ localSchemas, remoteUrls: {}, secret: secretKey(generateSubgraphSecret()) });
  };
  return new FederatedSubjectFacts(async (...args) => (await (executor ??= build()))(...args));
}

/**
 * Starts the hub: database (embedded when no URL), migrations, demo data in demo mode, the
 * subgraphs in-process behind the gateway (departments listed in HUB_SUBGRAPH_URLS are called over
 * HTTP instead, with signed tokens), and the HTTP server. A configured database that is not up yet is
 * waited for (back-off, up to HUB_DB_WAIT_MS).
 */
export async function startHub(options: StartHubOptions): Promise<Hub> {
  const { config } = options;
  if (config.production && config.demo) {
    throw new Error('refusing to start: demo mode (HUB_DEMO or no DATABASE_URL) is not allowed with NODE_ENV=production');
  }
  const remote = options.remote ?? (Object.keys(config.subgraphUrls) as Department[]);
  const remoteUrls: Partial<Record<SubgraphName, string>> = departmentUrls(config.subgraphUrls, remote, 'the gateway');
  if (remote.length > 0 && !config.subgraphSecret) {
    throw new Error('refusing to start: subgraphs over HTTP need HUB_SUBGRAPH_SECRET, shared with the subgraph processes');
  }
  const subgraphSecret = config.subgraphSecret ?? generateSubgraphSecret();
  const local = SUBGRAPHS.map((subgraph) => subgraph.name).filter((name) => !remote.includes(name));
  const auditKey = loadAuditKey(config);
  const reportKey = loadReportSigningKey(config);
  let embedded: EmbeddedPostgres | undefined;
  const databaseUrl = config.databaseUrl ?? (embedded = await attachEmbeddedPostgres(config.dataDir, { serverDir: config.embeddedServerDir })).url;
  let sources: HubDataSources | undefined;
  const snapshotSource = createSnapshotDataSource({ url: databaseUrl, poolSize: 10, statementTimeoutMs: config.timeouts.statementMs });
  const rateLimiter = createRateLimiter({ redisUrl: config.redisUrl, ...config.rateLimit });
  const authFailures = createRateLimiter({ redisUrl: config.redisUrl, ...config.authFailureLimit, prefix: 'ecocredit:auth-failures:' });
  let unobservePools = () => {};
  let stopCheckpoints = async () => {};
  let outboxListener: AuditOutboxListener | undefined;
  let versionWatch: VersionWatch | undefined;
  let snapshotJob: HalfYearSnapshotJob | undefined;
  let webhooks: WebhookDispatcher | null = null;
  try {
    const waitLimit = { limitMs: config.databaseWaitMs };
    if (!embedded) await waitForDatabase(databaseUrl, waitLimit);
    // Up is not always usable: a server out of connections (53300) or restarting refuses a pool
    // opened just after; each pool is retried with back-off instead of ending the start.
    // Departments in their own processes own their schemas on their own DATABASE_URL: only the
    // gateway's and the in-process departments' are opened (and migrated) here.
    sources = await retryWhileUnavailable(
      'opening the hub databases',
      () =>
        openHubDatabases(databaseUrl, {
          migrate: true,
          poolSize: 10,
          statementTimeoutMs: config.timeouts.statementMs,
          owners: remote.length > 0 ? ['gateway', ...local] : undefined,
        }),
      waitLimit,
    );
    const openSources = sources;
    const secret = secretKey(subgraphSecret);
    // One circuit per department for this process: the gateway's fetches, its links to the departments
    // and the in-process departments' fact calls.
    const departmentCalls = new DepartmentCalls(config.subgraphCalls);
    const links = Object.fromEntries(
      DEPARTMENTS.map((department) => [
        department,
        local.includes(department) ? localDepartment(department, openSources[department]) : remoteDepartment(department, remoteUrls[department]!, secret, departmentCalls),
      ]),
    ) as Record<Department, DepartmentLink>;
    await retryWhileUnavailable('opening the snapshot pool', () => snapshotSource.initialize(), waitLimit);
    unobservePools = observePools({ ...sources, snapshot: snapshotSource });
    // Credentials and rule tables are cached until their version is notified, not read per request.
    versionWatch = new VersionWatch(databaseUrl, [...Object.values(sources), snapshotSource]);
    await versionWatch.start();
    const clients = new ApiClientService(sources.gateway);
    const remoteOutboxes = Object.fromEntries(remote.map((department) => [department, links[department].auditOutbox()]));
    const audit = new AuditTrailService(sources.gateway, auditKey, new AuditCheckpointFile(config.audit.checkpointFile, auditKey), {
      ...outboxSources(sources),
      ...remoteOutboxes,
    });
    // Rows a stopped process or a failed pass left in the outboxes are taken on start and on a timer.
    const idempotency = new IdempotencyService(sources.gateway, config.timeouts.requestMs);
    // Outbox rows a stopped process left are taken on start, those a failed pass left on the timer;
    // otherwise each mutation takes them, and an idle hub sends no statement of its own.
    const takeOutboxes = () => void audit.takeOutboxes().catch((error: unknown) => log.warn('audit outboxes not taken', { detail: String(error) }));
    const purgeKeys = () => void idempotency.purgeExpired().catch((error: unknown) => log.warn('expired idempotency keys not purged', { detail: String(error) }));
    takeOutboxes();
    purgeKeys();
    const outboxTimer = setInterval(() => (audit.behind || remote.length > 0) && takeOutboxes(), OUTBOX_RETRY_MS).unref();
    // Rows the command line writes beside a running hub (imports, seeds, clients) are taken when it notifies.
    outboxListener = new AuditOutboxListener(databaseUrl, takeOutboxes);
    await outboxListener.start();
    const purgeTimer = setInterval(purgeKeys, KEY_PURGE_MS).unref();
    if (config.demo) {
      await clients.ensureDemoClients(commandContext(operatorPrincipal('start'), 'Command.start.demoClients'));
      // Departments on their own databases are seeded there (`ecocredit seed --department <name>`).
      if ((options.seedDemo ?? true) && remote.length === 0) await seedDemoData(sources, options.demoSize);
    } else {
      // The demo keys are public (CONTRACT.md): outside demo mode they stop working, for every process at once.
      const revoked = await clients.revokeDemoClients(commandContext(operatorPrincipal('start'), 'Command.start.revokeDemoClients'));
      if (revoked > 0) log.warn('demo API keys revoked: demo mode is off', { revoked });
    }
    // After the demo seed, so that the first check finds the seeded snapshots.
    if (local.includes('environment') && config.snapshotJobIntervalMs > 0) {
      snapshotJob = startHalfYearSnapshotJob(sources.environment, { intervalMs: config.snapshotJobIntervalMs });
    }
    // Reports execute the gateway's API, which exists once the gateway below has started.
    const reportApi = new LateBoundApi();
    const publicBase = { url: `http://localhost:${config.port}` };
    const factsOfReports: { bound?: FederatedSubjectFacts } = {};
    const reports: ReportServices = {
      // HUB_PUBLIC_URL, or the address this hub listens on (known once it listens, before any report is issued).
      credit: new CreditReportService(sources.gateway, reportApi, reportKey, { ...config.reports, publicUrl: () => config.reports.publicUrl ?? publicBase.url }),
      annual: new AnnualReportService(reportApi, () => factsOfReports.bound!),
    };
    const reportServices = () => reports;
    const secretBox = new SecretBox(auditKey);
    const webhookServices = createWebhookServices(sources.gateway, config, secretBox);
    const subgraphs = await buildSubgraphs(sources, { clients, audit, reports: reportServices, webhooks: webhookServices }, local);
    const localSchemas: Partial<Record<SubgraphName, GraphQLSchema>> = {};
    for (const subgraph of subgraphs) localSchemas[subgraph.name] = subgraph.schema;
    const subjectFacts = new FederatedSubjectFacts(createSubgraphExecutor({ localSchemas, remoteUrls, secret, calls: departmentCalls }));
    const supergraphSdl = options.supergraphSdl ?? readCommittedSupergraph();
    // With a department over HTTP, its writes fill its outbox out of the request context's sight.
    const recorder = new AuditRecorder(audit, fieldOwners(supergraphSdl), remote.length === 0);
    let apiSchema: GraphQLSchema | undefined;
    const apollo = createGatewayServer({
      supergraphSdl,
      localSchemas,
      remoteUrls,
      subgraphSecret: secret,
      departmentCalls,
      schemaHints: config.schemaHints,
      plugins: [recorder.plugin(), clientErrorStatusPlugin(), retryAfterHeaderPlugin()],
      onApiSchema: (schema) => (apiSchema = schema),
    });
    await apollo.start();
    const hubApi = (label: string) => inProcessApi({ apollo, subjectFacts, snapshotSource, recorder, label });
    reportApi.bind(hubApi('report'));
    factsOfReports.bound = subjectFacts;
    const readySources = sources;
    if (config.webhooks.enabled) {
      const read = hubApi('webhook-read');
      const changeOutboxes = Object.fromEntries(DEPARTMENTS.flatMap((department) => (links[department].changeOutbox() ? [[department, links[department].changeOutbox()!]] : [])));
      const relay = new WebhookRelayService(sources.gateway, changeOutboxes, subscriberReader(read));
      // The daily jobs run here (graphile-worker on the gateway's database, one run across
      // instances); what they read or write of a department goes over its link.
      const { environment, credit, finance } = links;
      const dispatcherOptions = {
        databaseUrl,
        config: config.webhooks,
        relay,
        delivery: new WebhookDeliveryService(sources.gateway, audit, config.webhooks, secretBox),
        refreshDueRatings: (day: string) => environment.call('ratings.refresh-due', { day }),
        timedMeasures: new TimedMeasureChanges(strictReader(read), (from, to) => credit.call('measures.change-days', { from, to }), relay, sources.gateway),
        timedRestrictions: new TimedRestrictionChanges(
          strictReader(read),
          (from, to) => finance.call('restrictions.change-days', { from, to }),
          subjectsWithTriggers(subjectFacts, credit),
          relay,
          sources.gateway,
        ),
        retention: new WebhookRetentionService(sources.gateway, config.webhooks.retentionDays),
      };
      webhooks = await retryWhileUnavailable('starting the webhook dispatcher', () => WebhookDispatcher.start(dispatcherOptions), waitLimit);
    }
    const dependencies: Record<string, DependencyCheck> = {
      database: databaseCheck([...Object.values(readySources), snapshotSource]),
    };
    // The supervised embedded server: down (and being restarted) is said at once, by name.
    if (embedded) dependencies['embedded-postgres'] = () => embedded.check();
    // Each department process answers (its /healthz), probed at most once a second however often /readyz is asked.
    for (const [name, url] of Object.entries(remoteUrls)) dependencies[`subgraph:${name}`] = cachedCheck(subgraphCheck(url));
    if (rateLimiter.ping) dependencies.redis = () => rateLimiter.ping!();
    const exports = new ExportService(hubApi('export'), recorder);
    // The notices and the price list CSV, read where their department runs (over its link when remote).
    const departmentReadsOfRoutes = departmentReads({
      links,
      local: {
        environment: local.includes('environment') ? readySources.environment : undefined,
        credit: local.includes('credit') ? readySources.credit : undefined,
      },
      retryAfterSeconds: Math.ceil(config.subgraphCalls.halfOpenAfterMs / 1000),
    });
    const drain = new HttpDrain(config.shutdownTimeoutMs);
    const server: Server = createHttpServer({
      apollo,
      authenticator: new Authenticator(clients, JwtIssuerService.fromConfig(config.jwt), authFailures),
      maxBodyBytes: config.maxBodyBytes,
      limits: { ...config.limits, introspection: config.schemaHints },
      requestTimeoutMs: config.timeouts.requestMs,
      apiSchema: () => apiSchema,
      rateLimiter,
      audit: recorder,
      idempotency,
      subjectFacts,
      snapshotSource,
      // The price list's own CSV route first: the generic exports answer every other /exports/<view>.csv.
      routes: [
        noticeRoute(departmentReadsOfRoutes.notices),
        reportRoute(reportServices, config.reports.bureau),
        priceListRoute(departmentReadsOfRoutes.priceList),
        exportRoute(exports),
        webPagesRoute({ graphiql: config.graphiql, schemaHints: config.schemaHints }),
        schemaFileRoute(() => apiSchema),
      ],
      graphiql: config.graphiql,
      metrics: { token: config.metrics.token, production: config.production },
      usccOverrides: new UsccOverrideService(readySources.gateway),
      readiness: () => checkReadiness(dependencies, drain.draining),
      health: embedded ? () => embedded.check() : undefined,
      draining: () => drain.draining,
    });
    drain.watch(server);
    const writeCheckpoint = () => audit.checkpoint().catch((error: unknown) => log.error('audit checkpoint not written', { detail: String(error) }));
    const checkpoints = setInterval(() => void writeCheckpoint(), config.audit.checkpointIntervalMs);
    checkpoints.unref();
    stopCheckpoints = async () => {
      clearInterval(checkpoints);
      await writeCheckpoint();
    };
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, () => resolve());
    });
    // HUB_METRICS_ADDRESS: keyless /metrics on a private or loopback address only (metricsListener).
    const metricsServer = config.metrics.address ? await metricsListener(config.metrics.address) : undefined;
    const port = (server.address() as AddressInfo).port;
    publicBase.url = `http://localhost:${port}`;
    const url = `http://localhost:${port}/graphql`;
    log.info('ecocredit hub listening', { url, demo: config.demo, database: embedded ? `embedded PostgreSQL under ${config.dataDir}` : 'DATABASE_URL', remote });
    return {
      url,
      port,
      databaseUrl,
      sources,
      snapshotSource,
      apollo,
      clients,
      audit,
      reports,
      exports,
      webhooks,
      subgraphSecret,
      async stop() {
        await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
        await drain.drain();
        await webhooks?.stop().catch((error: unknown) => log.warn('webhook dispatcher did not stop cleanly', { detail: String(error) }));
        clearInterval(outboxTimer);
        clearInterval(purgeTimer);
        await outboxListener?.stop();
        await versionWatch?.stop();
        await snapshotJob?.stop();
        await audit.takeOutboxes().catch((error: unknown) => log.warn('audit outboxes not taken before stopping', { detail: String(error) }));
        await stopCheckpoints();
        await apollo.stop();
        await rateLimiter.close();
        await authFailures.close();
        unobservePools();
        await closeHubDatabases(readySources);
        await closeParkedSnapshots(snapshotSource);
        await snapshotSource.destroy();
        await embedded?.release();
      },
    };
  } catch (error) {
    await outboxListener?.stop();
    await versionWatch?.stop();
    await snapshotJob?.stop();
    await webhooks?.stop().catch(() => undefined);
    await stopCheckpoints();
    unobservePools();
    await rateLimiter.close();
    await authFailures.close();
    if (sources) await closeHubDatabases(sources);
    if (snapshotSource.isInitialized) await snapshotSource.destroy();
    await embedded?.release();
    throw error;
  }
}

/**
 * The subjects a restriction-table trigger concerns on some day of [from, to], for the dispatcher's
 * `restrictions_due` job: colours (environment) and market supervision's lists through hub-internal
 * federation, as the credit office learns the subjects of its measures; the credit office's own
 * designations from its service, as `measures_due` reads its catalogue.
 */
function subjectsWithTriggers(facts: FederatedSubjectFacts, credit: DepartmentLink): SubjectsWithTriggers {
  const creditLists: string[] = Object.values(CreditListType);
  return async ({ colors, listTypes }, from, to) => {
    const marketLists = listTypes.filter((type) => !creditLists.includes(type));
    const [colored, marketListed, designated] = await Promise.all([
      colors.length > 0 ? facts.coloredBetween(colors, from, to, ReadSnapshot.none()) : new Set<string>(),
      marketLists.length > 0 ? facts.marketListedBetween(marketLists, from, to, ReadSnapshot.none()) : new Set<string>(),
      credit.call('listings.designated-between', { listTypes: listTypes.filter((type) => creditLists.includes(type)), from, to }),
    ]);
    return [...colored, ...marketListed, ...designated];
  };
}

/** Any read of the dispatcher's jobs: an answer with an error is thrown, and the job is retried. */
function strictReader(api: HubApi): HubRead {
  return async (principal, query, variables) => {
    const { data, errors } = await api.execute<Record<string, unknown>>(principal, query, variables);
    if (errors.length) throw new Error(`reading as ${principal.clientName} failed: ${errors.map((error) => error.message).join('; ')}`);
    return data ?? {};
  };
}

/**
 * Reads subjects as a webhook subscriber, for the relay's messages. Errors of the infrastructure
 * (INTERNAL, SERVICE_UNAVAILABLE) are thrown so the relay retries the batch later; any other error
 * leaves its field null, as a partner would see it.
 */
function subscriberReader(api: HubApi): SubscriberRead {
  return async (principal, query, variables) => {
    const { data, errors } = await api.execute<Record<string, unknown>>(principal, query, variables);
    const failed = errors.find((error) => error.code === 'INTERNAL' || error.code === 'SERVICE_UNAVAILABLE');
    if (failed) throw new Error(`reading ${variables.usccs.length} subjects as ${principal.clientName} failed: ${failed.message}`);
    return (data?.enterprises as (Record<string, unknown> | null)[] | undefined) ?? variables.usccs.map(() => null);
  };
}

export function demoKeysBanner(): string {
  return ['Demo API keys (Authorization: Bearer <key>):', ...DEMO_CLIENTS.map((c) => `  ${c.key.padEnd(28)} ${c.role}${c.districtCode ? ` (district ${c.districtCode})` : ''}`)].join('\n');
}
