import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, getOperationAST, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { SUBGRAPH_TOKEN_HEADER, secretKey, verifySubgraphToken } from '../shared/auth/subgraph-token';
import type { HubConfig } from '../shared/config';
import { createContext, type HubContext } from '../shared/context';
import { DocumentCache } from '../shared/document-cache';
import { createSchemaDataSource, migrateSchema, type Department } from '../shared/database';
import { formatError, HubError } from '../shared/errors';
import { HttpDrain } from '../shared/graceful-shutdown';
import { log } from '../shared/logging';
import { observePools } from '../shared/metrics';
import { closeParkedSnapshots, ReadSnapshot } from '../shared/read-snapshot';
import { cachedCheck, checkReadiness, databaseCheck, subgraphCheck, type DependencyCheck } from '../shared/readiness';
import { observeRequest, REQUEST_ID_HEADER, type RequestObservation } from '../shared/request-log';
import { retryWhileUnavailable, waitForDatabase } from '../shared/wait-for-database';
import { TOUCHED_USCCS_EXTENSION } from '../shared/auth/subgraph-token';
import { createReplayGuard } from '../shared/auth/token-replay';
import { startHalfYearSnapshotJob } from '../subgraphs/environment';
import { SUBGRAPHS } from '../subgraphs';
import { answerInternalCall, departmentProcedures, INTERNAL_PATH_PREFIX } from './department-link';
import { answerProbe } from './http-server';
import { createSubgraphExecutor } from './services/subgraph-executor.service';
import { FACT_DEPARTMENTS, FederatedSubjectFacts } from './services/subject-facts.service';
import { SUBGRAPH_PORTS } from './supergraph';
import { DepartmentCalls } from './department-calls';
import { departmentUrls, ownPort } from './topology';

export interface SubgraphServer {
  url: string;
  port: number;
  /** Graceful, as the gateway's: drain in-flight fetches (up to HUB_SHUTDOWN_TIMEOUT_MS), then close the pool. */
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  department: Department;
  config: HubConfig;
  /** Port to listen on (default: the port of its own HUB_SUBGRAPH_URLS entry, else its port of supergraph.ts; 0 = any). */
  port?: number;
  /** An open DataSource over the department's schema (tests); default: DATABASE_URL, migrated. */
  dataSource?: DataSource;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Runs one fetch of the gateway (parsed and validated once per distinct text, DocumentCache). A
 * query is answered from one snapshot of the department's data (the context's ReadSnapshot),
 * released before the answer is sent.
 */
async function executeWithSnapshot(
  schema: GraphQLSchema,
  documents: DocumentCache,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string; context: HubContext },
): Promise<ExecutionResult> {
  const parsed = documents.document(request.query);
  if ('errors' in parsed) return { errors: parsed.errors };
  const { document } = parsed;
  const { snapshot } = request.context;
  const operation = getOperationAST(document, request.operationName);
  if (operation) snapshot.begin(operation.operation);
  try {
    return await execute({
      schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: request.context,
    });
  } finally {
    await snapshot.release();
  }
}

/**
 * One department's subgraph as its own process (`ecocredit start <department>`). It answers only
 * requests carrying a valid gateway token (SUBGRAPH_TOKEN_HEADER, HS256 with HUB_SUBGRAPH_SECRET), for
 * this department and this body, used once (jti, in memory or Redis with REDIS_URL):
 * the principal comes from the token, never from plain headers, and shield and row scope apply as
 * in-process. Facts for row scope held by other departments are asked of their subgraphs, signed.
 */
export async function startSubgraphServer(options: StartSubgraphOptions): Promise<SubgraphServer> {
  const { department, config } = options;
  if (!config.subgraphSecret) throw new Error(`refusing to start ${department}: HUB_SUBGRAPH_SECRET must be set (the gateway signs with it)`);
  const secret = secretKey(config.subgraphSecret);
  const module = SUBGRAPHS.find((subgraph) => subgraph.name === department);
  if (!module) throw new Error(`unknown department "${department}"`);
  // The departments it asks for facts, from HUB_SUBGRAPH_URLS like the gateway: refused here, before any connection, when one is missing.
  const peers = departmentUrls(config.subgraphUrls, FACT_DEPARTMENTS.filter((other) => other !== department), department);
  let owned: DataSource | undefined;
  if (!options.dataSource) {
    if (!config.databaseUrl) throw new Error(`${department} as its own process needs DATABASE_URL`);
    await waitForDatabase(config.databaseUrl, { limitMs: config.databaseWaitMs });
    owned = createSchemaDataSource(module.database, { url: config.databaseUrl, statementTimeoutMs: config.timeouts.statementMs });
    const source = owned;
    await retryWhileUnavailable(`opening the ${department} database`, () => source.initialize(), { limitMs: config.databaseWaitMs });
    await retryWhileUnavailable(`migrating ${department}`, () => migrateSchema(source, department), { limitMs: config.databaseWaitMs });
  }
  const dataSource = options.dataSource ?? owned!;
  const { schema } = await module.build(dataSource);
  const documents = new DocumentCache(schema);
  // Three quarters of the fetch timeout: waiting on a stalled peer, the department still answers within
  // the gateway's own timeout, and the error names the peer, not this department.
  const calls = new DepartmentCalls({ ...config.subgraphCalls, timeoutMs: Math.round(config.subgraphCalls.timeoutMs * 0.75) });
  const facts = new FederatedSubjectFacts(createSubgraphExecutor({ localSchemas: { [department]: schema }, remoteUrls: peers, secret, calls }));

  const replay = createReplayGuard(config.redisUrl);
  // What the gateway's own work takes from this department's database (outboxes, daily jobs' reads, its routes' reads as a caller), signed.
  const internal = { department, procedures: departmentProcedures(department, dataSource, facts), secret, replay, maxBodyBytes: config.maxBodyBytes };
  const unobservePools = observePools({ [department]: dataSource });
  const drain = new HttpDrain(config.shutdownTimeoutMs);
  // Ready when its database and the departments it asks for facts answer (their /healthz, cached a second).
  const dependencies: Record<string, DependencyCheck> = { database: databaseCheck([dataSource]) };
  for (const [peer, url] of Object.entries(peers)) dependencies[`subgraph:${peer}`] = cachedCheck(subgraphCheck(url));
  const readiness = () => checkReadiness(dependencies, drain.draining);

  const handle = async (request: IncomingMessage, response: ServerResponse, observation: RequestObservation) => {
    const path = (request.url ?? '/').split('?')[0];
    const refuse = (status: number, code: string, message: string) => {
      observation.errorCodes.push(code);
      send(response, status, { errors: [{ message, extensions: { code } }] });
    };
    if (path.startsWith(INTERNAL_PATH_PREFIX)) return answerInternalCall(request, response, internal);
    if (path !== '/graphql' || request.method !== 'POST') return refuse(404, 'NOT_FOUND', 'POST /graphql');
    observation.graphql = true;
    const raw = await readBody(request, config.maxBodyBytes);
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = raw === null ? {} : (JSON.parse(raw) as typeof body);
    } catch {
      body = {};
    }
    const query = typeof body.query === 'string' ? body.query : null;
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const variables = (body.variables ?? undefined) as Record<string, unknown> | undefined;
    // The token is checked before anything else: it must be for this department and this very body.
    let verified: Awaited<ReturnType<typeof verifySubgraphToken>>;
    try {
      const token = request.headers[SUBGRAPH_TOKEN_HEADER];
      verified = await verifySubgraphToken(Array.isArray(token) ? token[0] : token, secret, {
        department,
        operation: { query: query ?? '', operationName, variables },
        replay,
      });
    } catch (error) {
      return refuse(401, 'UNAUTHENTICATED', error instanceof HubError ? error.message : 'not signed by the gateway');
    }
    // The signed id is the request's (the gateway's log line and audit record carry it), not the plain header.
    if (verified.requestId !== 'unknown') {
      observation.requestId = verified.requestId;
      response.setHeader(REQUEST_ID_HEADER, verified.requestId);
    }
    observation.role = verified.principal.role;
    observation.clientId = verified.principal.clientId;
    if (query === null) return refuse(400, 'BAD_USER_INPUT', 'a JSON body with a "query" string is required');
    if (operationName) observation.operation = operationName;
    const snapshot = new ReadSnapshot(dataSource);
    const context = createContext(verified.principal, observation.requestId, facts, snapshot);
    const result = await executeWithSnapshot(schema, documents, { query, variables, operationName, context });
    const errors = result.errors?.map((error: GraphQLError) => formatError(error.toJSON(), error));
    for (const error of errors ?? []) observation.errorCodes.push(typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL');
    // The subjects this fetch touched travel back to the gateway, whose audit record lists them.
    const extensions = context.touchedUsccs.size > 0 ? { [TOUCHED_USCCS_EXTENSION]: [...context.touchedUsccs] } : undefined;
    send(response, 200, { data: result.data ?? null, ...(errors ? { errors } : {}), ...(extensions ? { extensions } : {}) });
  };

  const server: Server = createServer((request, response) => {
    let observation: RequestObservation | undefined;
    const work = async () => {
      if (await answerProbe(request, response, readiness, undefined, { token: config.metrics.token, production: config.production })) return;
      observation = observeRequest(department, request, response);
      if (drain.draining) {
        // Probes still answer (HttpDrain); a new fetch goes elsewhere (the gateway reads 503 as this department unavailable).
        observation.errorCodes.push('SERVICE_UNAVAILABLE');
        response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
        response.end(JSON.stringify({ errors: [{ message: `the ${department} department is shutting down`, extensions: { code: 'SERVICE_UNAVAILABLE', department } }] }));
        return;
      }
      await handle(request, response, observation);
    };
    work().catch((error: unknown) => {
      log.error('subgraph request failed', { department, requestId: observation?.requestId, detail: String((error as Error)?.stack ?? error) });
      observation?.errorCodes.push('INTERNAL');
      if (!response.headersSent) send(response, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL' } }] });
      else response.end();
    });
  });
  drain.watch(server);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? ownPort(config.subgraphUrls, department) ?? SUBGRAPH_PORTS[department], () => resolve());
    });
  } catch (error) {
    unobservePools();
    await replay.close();
    if (owned?.isInitialized) await owned.destroy();
    throw error;
  }
  // The environment process stores the half-year snapshots itself (DOMAIN.md §10; one instance at a time).
  const snapshotJob = department === 'environment' && config.snapshotJobIntervalMs > 0 ? startHalfYearSnapshotJob(dataSource, { intervalMs: config.snapshotJobIntervalMs }) : undefined;
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  log.info('ecocredit subgraph listening', { department, url });
  return {
    url,
    port,
    async stop() {
      await drain.drain();
      await closeParkedSnapshots(dataSource);
      await snapshotJob?.stop();
      await replay.close();
      unobservePools();
      if (owned?.isInitialized) await owned.destroy();
    },
  };
}
