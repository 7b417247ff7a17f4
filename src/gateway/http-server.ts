import { HeaderMap, type ApolloServer } from '@apollo/server';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { SubjectFacts } from '../shared/auth/subject-scope';
import type { OperationLimits } from '../shared/config';
import { createContext, type HubContext } from '../shared/context';
import { databaseUnavailable, HubError, isConnectionFailure, type ErrorCode } from '../shared/errors';
import type { HttpRoute, RouteTools } from '../shared/http-route';
import { log } from '../shared/logging';
import { metricsAnswer } from '../shared/metrics';
import { ReadSnapshot } from '../shared/read-snapshot';
import type { Readiness } from '../shared/readiness';
import { observeRequest, type RequestObservation } from '../shared/request-log';
import type { AuditRecorder } from './audit-recorder';
import type { Authenticator } from './authentication';
import { guardOperation, type OperationSummary } from './operation-guard';
import type { RateLimiter } from './rate-limiter';
import { withDeadline } from './request-deadline';
import { withAdmittedOverrides } from '../shared/uscc-overrides';
import type { UsccOverrideService } from './services/uscc-override.service';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, IdempotencyService, type IdempotencyClaim } from './services/idempotency.service';

export interface HttpDependencies {
  apollo: ApolloServer<HubContext>;
  /** Credentials → principal, with failed attempts limited per address. */
  authenticator: Authenticator;
  maxBodyBytes: number;
  limits: OperationLimits;
  /** Deadline of one GraphQL request (HUB_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** The client-facing schema, once the gateway loaded it (for the cost estimate). */
  apiSchema: () => GraphQLSchema | undefined;
  rateLimiter: RateLimiter;
  audit: AuditRecorder;
  /** Idempotency-Key on mutations. */
  idempotency: IdempotencyService;
  /** Row-scope facts for scoped callers (ENV_OFFICER, PUBLIC). */
  subjectFacts: SubjectFacts;
  /** Lends each query its read snapshot (ReadSnapshot). */
  snapshotSource: DataSource;
  /** Each dependency (database, remote subgraphs, Redis) and its state; `ready` only when all are up. */
  readiness: () => Promise<Readiness>;
  /** Throws while a part this process runs itself is down (/healthz 503); see answerProbe. */
  health?: () => Promise<void>;
  /** The process is shutting down (HttpDrain): probes still answer, any other request is refused with 503. */
  draining?: () => boolean;
  /** Extra GET routes (`/notices/<number>`), tried before the 404. */
  routes?: HttpRoute[];
  /** Codes admitted despite a failing check character; a request naming one is parsed in their scope. */
  usccOverrides?: UsccOverrideService;
  /** `/graphiql` is served: a browser opening `/graphql` is sent there. */
  graphiql?: boolean;
  /** Who may read `/metrics` on this port (HUB_METRICS_TOKEN, production). */
  metrics: MetricsAccess;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, QUERY_TOO_COMPLEX: 400, SERVICE_UNAVAILABLE: 503 };

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/** A GraphQL-shaped error answer for failures before GraphQL runs (never a stack trace). */
function sendError(
  response: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
  extensions: Record<string, unknown> = {},
): void {
  sendJson(response, status, { errors: [{ message, extensions: { ...extensions, code } }] }, headers);
}

/** A HubError as its HTTP answer; one that says when to retry (`extensions.retryAfter`) carries Retry-After. */
function sendHubError(response: ServerResponse, error: HubError, observation: RequestObservation): void {
  const { code, ...extensions } = error.extensions as { code: ErrorCode; retryAfter?: unknown };
  observation.errorCodes.push(code);
  const headers = typeof extensions.retryAfter === 'number' ? { 'retry-after': String(extensions.retryAfter) } : undefined;
  sendError(response, HTTP_STATUS[code] ?? 400, code, error.message, headers, extensions);
}

/** A failure before or after GraphQL runs (credentials, idempotency, audit) because the database is unreachable is the hub's outage: 503, retryable. */
function asHubError(error: unknown): HubError | undefined {
  if (error instanceof HubError) return error;
  if (isConnectionFailure(error)) {
    log.warn('database unavailable', { detail: String((error as Error)?.message ?? error) });
    return databaseUnavailable();
  }
  return undefined;
}

/** PUBLIC callers share one principal: they are limited per address instead. */
function rateKey(context: HubContext, request: IncomingMessage): string {
  return context.principal.role === 'PUBLIC' ? `public:${request.socket.remoteAddress ?? 'unknown'}` : context.principal.clientId;
}

class BodyTooLarge extends Error {}

/**
 * Reads the body up to `limit` bytes. Past the limit the rest is read and thrown away (never kept in
 * memory) so that the caller still receives its 400 answer instead of a reset connection; a Content-Length
 * over the limit is refused before anything is read.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      request.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

async function handleGraphql(deps: HttpDependencies, request: IncomingMessage, response: ServerResponse, observation: RequestObservation): Promise<void> {
  observation.graphql = true;
  // Every refusal before GraphQL runs is logged and counted with its code.
  const refuse = (...args: Parameters<typeof sendError>) => {
    observation.errorCodes.push(args[2]);
    sendError(...args);
  };
  if (request.method === 'GET' && deps.graphiql && /\btext\/html\b/.test(String(request.headers.accept ?? ''))) {
    // A person opening the endpoint in a browser: the explorer is where it can be used.
    response.writeHead(302, { location: '/graphiql' });
    response.end();
    return;
  }
  if (request.method !== 'POST') {
    refuse(response, 405, 'BAD_USER_INPUT', 'use POST with a JSON body {query, variables, operationName}', { allow: 'POST' });
    return;
  }
  let raw: string;
  try {
    raw = await readBody(request, deps.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      refuse(response, 400, 'BAD_USER_INPUT', `request body is over the limit of ${deps.maxBodyBytes} bytes`, { connection: 'close' });
    } else {
      refuse(response, 400, 'BAD_USER_INPUT', 'request body could not be read');
    }
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    refuse(response, 400, 'BAD_USER_INPUT', 'request body is not valid JSON');
    return;
  }
  if (Array.isArray(body)) {
    refuse(response, 400, 'BAD_USER_INPUT', 'batched requests are not supported: send one operation per request');
    return;
  }
  if ((body as { extensions?: { persistedQuery?: unknown } } | null)?.extensions?.persistedQuery !== undefined) {
    // Automatic persisted queries would let a client store documents in the hub's cache unguarded.
    sendError(response, 400, 'BAD_USER_INPUT', 'persisted queries are not supported: send the query text in "query" without extensions.persistedQuery');
    return;
  }
  if (!body || typeof body !== 'object' || typeof (body as { query?: unknown }).query !== 'string' || !(body as { query: string }).query.trim()) {
    refuse(response, 400, 'BAD_USER_INPUT', 'request body must be a JSON object with a non-empty "query" string');
    return;
  }
  const { operationName: namedOperation } = body as { operationName?: unknown };
  if (typeof namedOperation === 'string') observation.operation = namedOperation;
  let context: HubContext;
  let operation: OperationSummary | null;
  let admitted: ReadonlySet<string> = new Set();
  try {
    const principal = await deps.authenticator.authenticate(request);
    observation.role = principal.role;
    observation.clientId = principal.clientId;
    context = createContext(principal, observation.requestId, deps.subjectFacts, new ReadSnapshot(deps.snapshotSource));
    // Limits before anything runs: over-rate callers first, then over-sized operations.
    const rate = await deps.rateLimiter.hit(rateKey(context, request));
    if (!rate.allowed) {
      refuse(response, 429, 'RATE_LIMITED', `too many requests; retry after ${rate.retryAfterSeconds} s`, { 'retry-after': String(rate.retryAfterSeconds) }, {
        retryAfter: rate.retryAfterSeconds,
      });
      return;
    }
    const { query, variables, operationName } = body as { query: string; variables?: unknown; operationName?: unknown };
    admitted = (await deps.usccOverrides?.admittedIn(query, variables)) ?? admitted;
    operation = withAdmittedOverrides(admitted, () =>
      guardOperation({ query, variables, operationName: typeof operationName === 'string' ? operationName : undefined }, deps.limits, deps.apiSchema()),
    );
  } catch (error) {
    const hubError = asHubError(error);
    if (hubError) {
      sendHubError(response, hubError, observation);
      return;
    }
    throw error;
  }
  // A mutation with an Idempotency-Key runs once per key and body (IdempotencyService).
  let claim: IdempotencyClaim | null = null;
  try {
    const key = IdempotencyService.keyOf(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key !== null && operation?.type === 'mutation') claim = await deps.idempotency.claim(context.principal.clientId, key, raw);
  } catch (error) {
    const hubError = asHubError(error);
    if (hubError) {
      sendHubError(response, hubError, observation);
      return;
    }
    throw error;
  }
  if (claim?.kind === 'replay') {
    // The first request's answer; nothing runs, but showing it again is audited with this request's
    // principal and purpose (AuditRecorder.recordReplay) before it leaves.
    if (operation) {
      observation.operation = operation.name;
      try {
        await deps.audit.recordReplay(context, operation, claim.body);
      } catch (error) {
        const hubError = asHubError(error);
        if (hubError) {
          sendHubError(response, hubError, observation);
          return;
        }
        throw error;
      }
    }
    response.writeHead(claim.status, { 'content-type': 'application/json; charset=utf-8', [IDEMPOTENT_REPLAY_HEADER]: 'true' });
    response.end(claim.body);
    return;
  }
  const running = claim;
  if (operation) {
    observation.operation = operation.name;
    deps.audit.noteOperation(context, operation);
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let result: Awaited<ReturnType<typeof deps.apollo.executeHTTPGraphQLRequest>>;
  // Codes on the override list are accepted by the USCC scalar only inside this request's scope.
  const execution = withAdmittedOverrides(admitted, () =>
    deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => context,
    }),
  );
  try {
    result = await withDeadline(execution, deps.requestTimeoutMs);
  } catch (error) {
    // Past the deadline the execution still runs: once it ends, what it read or wrote is audited
    // and its snapshot released.
    void execution
      .then(
        async (late) => {
          if (running) await keepAnswer(running, late);
          await deps.audit.finish(context);
        },
        async () => {
          await running?.release();
          deps.audit.forget(context);
        },
      )
      .catch((failure: unknown) => log.error('audit record of a request past its deadline failed', { detail: String(failure) }))
      .finally(() => context.snapshot.release());
    throw error;
  }
  // The audit record is stored before the answer leaves (a failure here answers INTERNAL, no data).
  const { errorCodes } = await deps.audit.finish(context);
  observation.errorCodes.push(...errorCodes);
  if (running) {
    await keepAnswer(running, result).catch((error: unknown) =>
      log.error('the answer of an Idempotency-Key could not be stored; a retry waits until the key is abandoned', { requestId: context.requestId, detail: String(error) }),
    );
  }
  const responseHeaders: Record<string, string> = {};
  for (const [name, value] of result.headers) responseHeaders[name] = value;
  response.writeHead(result.status ?? 200, responseHeaders);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
  } else {
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }
}

/**
 * Stores a mutation's answer under its Idempotency-Key; an answer that is not one to repeat (a
 * server error, a streamed body) frees the key instead, so a retry runs.
 */
async function keepAnswer(claim: Extract<IdempotencyClaim, { kind: 'run' }>, result: Awaited<ReturnType<ApolloServer<HubContext>['executeHTTPGraphQLRequest']>>): Promise<void> {
  const status = result.status ?? 200;
  if (result.body.kind === 'complete' && status < 500) await claim.complete(status, result.body.string);
  else await claim.release();
}

/**
 * Who may read `/metrics` on a serving port. The figures tell request rates, error codes and the
 * departments' health, so in production they are not public: with `token` (HUB_METRICS_TOKEN) set the
 * request must present it as `Authorization: Bearer <token>` (in every mode); in production without a
 * token the serving port refuses them all, and a scraper reads the keyless listener on the private
 * address HUB_METRICS_ADDRESS (`metricsListener`). Outside production without a token it is open.
 */
export interface MetricsAccess {
  token: string | undefined;
  production: boolean;
}

/** Why this request may not read `/metrics` (null: it may). The key is compared in constant time. */
export function metricsRefusal(request: IncomingMessage, access: MetricsAccess): string | null {
  if (access.token === undefined) {
    return access.production ? 'metrics are not served on this port in production: set HUB_METRICS_TOKEN, or read them on HUB_METRICS_ADDRESS' : null;
  }
  const presented = /^Bearer (.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1]?.trim() ?? '';
  const expected = createHash('sha256').update(access.token).digest();
  const given = createHash('sha256').update(presented).digest();
  return timingSafeEqual(expected, given) && presented.length > 0 ? null : 'metrics need the metrics key: Authorization: Bearer <HUB_METRICS_TOKEN>';
}

/**
 * The keyless `/metrics` listener of HUB_METRICS_ADDRESS (`host:port`): refused unless the host is a
 * literal loopback or private address (not a wildcard, not a name that might resolve elsewhere), so
 * that only the deployment's own network reaches it. Answers nothing but `/metrics`.
 */
export async function metricsListener(address: string): Promise<Server> {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address);
  const host = match?.[1] ?? '';
  if (!match || !isIP(host)) throw new Error(`HUB_METRICS_ADDRESS "${address}" must be host:port with a literal IP address, e.g. 127.0.0.1:9464 or 10.0.3.7:9464`);
  const range = ipaddr.process(host).range();
  if (!['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat'].includes(range)) {
    throw new Error(`HUB_METRICS_ADDRESS "${address}" is not a private or loopback address (${range}): metrics are served keyless there, so only a private address is accepted`);
  }
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      sendJson(response, 404, { errors: [{ message: 'only GET /metrics is served here', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    metricsAnswer().then(
      ({ contentType, body }) => {
        response.writeHead(200, { 'content-type': contentType });
        response.end(body);
      },
      () => sendJson(response, 500, { errors: [{ message: 'metrics could not be read', extensions: { code: 'INTERNAL' } }] }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(match[2]), host, () => resolve());
  });
  return server;
}

/**
 * Sent with every answer of the gateway but the probes (`createHttpServer`); `writeHead` with its own
 * `content-security-policy` (the pages, reports, notices) replaces the default, and each of those
 * includes `frame-ancestors 'none'` itself. X-Frame-Options for browsers that predate CSP level 2.
 */
export const NO_FRAMING_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
};

/**
 * Answers the probes every process serves (`/healthz`, `/readyz`, `/metrics`); false for any other path.
 * `/healthz` says whether this process can serve: 503 while a part it runs itself is down (`health`
 * throws: the embedded database it supervises, being restarted), 200 otherwise, draining included.
 * Dependencies it does not run (DATABASE_URL, departments, Redis) are `/readyz`'s: restarting the
 * process would not bring them back.
 */
export async function answerProbe(
  request: IncomingMessage,
  response: ServerResponse,
  readiness: () => Promise<Readiness>,
  health?: () => Promise<void>,
  metrics: MetricsAccess = { token: undefined, production: false },
): Promise<boolean> {
  if (request.method !== 'GET') return false;
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/healthz') {
    const failure = await health?.().then(
      () => undefined,
      (error: unknown) => (error as Error)?.message ?? String(error),
    );
    sendJson(response, failure ? 503 : 200, failure ? { status: 'down', error: failure } : { status: 'ok' });
  } else if (path === '/readyz') {
    const state = await readiness();
    sendJson(response, state.status === 'ready' ? 200 : 503, state);
  } else if (path === '/metrics') {
    const refusal = metricsRefusal(request, metrics);
    if (refusal) {
      sendJson(response, 401, { errors: [{ message: refusal, extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer realm="metrics"' });
      return true;
    }
    const { contentType, body } = await metricsAnswer();
    response.writeHead(200, { 'content-type': contentType });
    response.end(body);
  } else {
    return false;
  }
  return true;
}

/**
 * The gateway's HTTP surface: `/graphql`, the probes (`/healthz`, `/readyz`, `/metrics`), and the
 * extra routes. Every request but a probe gets a request id (`x-request-id`) and one log line.
 */
export function createHttpServer(deps: HttpDependencies): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    let observation: RequestObservation | undefined;
    const work = async () => {
      if (await answerProbe(request, response, deps.readiness, deps.health, deps.metrics)) return;
      observation = observeRequest('gateway', request, response);
      const observed = observation;
      // No answer of the hub may be framed by another site (clickjacking): every page, document and
      // API answer says so; a page with its own Content-Security-Policy repeats frame-ancestors.
      for (const [name, value] of Object.entries(NO_FRAMING_HEADERS)) response.setHeader(name, value);
      if (deps.draining?.()) {
        observed.errorCodes.push('SERVICE_UNAVAILABLE');
        sendError(response, 503, 'SERVICE_UNAVAILABLE', 'this hub process is shutting down: retry (another instance answers)', { 'retry-after': '1' }, { retryAfter: 1 });
        return;
      }
      if (path === '/graphql') return handleGraphql(deps, request, response, observed);
      const tools: RouteTools = {
        principal: async () => {
          const principal = await deps.authenticator.authenticate(request);
          observed.role = principal.role;
          observed.clientId = principal.clientId;
          return createContext(principal, observed.requestId, deps.subjectFacts);
        },
        vouchedFor: (principal) => {
          observed.role = principal.role;
          observed.clientId = principal.clientId;
          return createContext(principal, observed.requestId, deps.subjectFacts);
        },
        readerNow: (minted) => deps.authenticator.readerNow(minted),
        limitRate: async (ctx) => {
          const rate = await deps.rateLimiter.hit(rateKey(ctx, request));
          if (!rate.allowed) throw new HubError('RATE_LIMITED', `too many requests; retry after ${rate.retryAfterSeconds} s`, { retryAfter: rate.retryAfterSeconds });
        },
        audit: async (ctx, coordinate) => {
          const name = `${request.method} ${path}`;
          const [, field] = coordinate.split('.');
          const hash = createHash('sha256').update(name).digest('hex');
          deps.audit.noteOperation(ctx, { name, hash, type: 'query', topLevelFields: [field], coordinates: [coordinate] });
          deps.audit.noteOutcome(ctx, 'OK');
          await deps.audit.finish(ctx);
        },
      };
      for (const route of deps.routes ?? []) {
        if (await route(request, response, tools)) return;
      }
      observed.errorCodes.push('NOT_FOUND');
      sendError(response, 404, 'NOT_FOUND', `no route ${request.method} ${path}`);
    };
    work().catch((error: unknown) => {
      const observed = observation ?? observeRequest('gateway', request, response);
      const hubError = asHubError(error);
      if (hubError) {
        if (!response.headersSent) sendHubError(response, hubError, observed);
        else response.end();
        return;
      }
      log.error('request failed', { path, requestId: observed.requestId, detail: String((error as Error)?.stack ?? error) });
      observed.errorCodes.push('INTERNAL');
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', 'internal error');
      else response.end();
    });
  });
}
