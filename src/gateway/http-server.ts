import { HeaderMap, type ApolloServer } from '@apollo/server';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { SubjectFacts } from '../shared/auth/subject-scope';
import type { OperationLimits } from '../shared/config';
import { createContext, type HubContext } from '../shared/context';
import { HubError, type ErrorCode } from '../shared/errors';
import type { HttpRoute, RouteTools } from '../shared/http-route';
import { log } from '../shared/logging';
import { ReadSnapshot } from '../shared/read-snapshot';
import type { AuditRecorder } from './audit-recorder';
import { authenticate } from './authentication';
import { guardOperation, type OperationSummary } from './operation-guard';
import type { RateLimiter } from './rate-limiter';
import type { ApiClientService } from './services/api-client.service';
import type { JwtIssuerService } from './services/jwt-issuer.service';
import { withAdmittedOverrides } from '../shared/uscc-overrides';
import type { UsccOverrideService } from './services/uscc-override.service';

export interface HttpDependencies {
  apollo: ApolloServer<HubContext>;
  clients: ApiClientService;
  /** The configured JWT issuer, if any. */
  jwt: JwtIssuerService | null;
  maxBodyBytes: number;
  limits: OperationLimits;
  /** The client-facing schema, once the gateway loaded it (for the cost estimate). */
  apiSchema: () => GraphQLSchema | undefined;
  rateLimiter: RateLimiter;
  audit: AuditRecorder;
  /** Row-scope facts for scoped callers (ENV_OFFICER, PUBLIC). */
  subjectFacts: SubjectFacts;
  /** Lends each query its read snapshot (ReadSnapshot); null = reads go to the pools (embedded database). */
  snapshotSource: DataSource | null;
  /** Resolves true when the database and every subgraph answer. */
  ready: () => Promise<boolean>;
  /** Extra GET routes (`/notices/<number>`), tried before the 404. */
  routes?: HttpRoute[];
  /** Codes admitted despite a failing check character; a request naming one is parsed in their scope. */
  usccOverrides?: UsccOverrideService;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, QUERY_TOO_COMPLEX: 400 };

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

function sendHubError(response: ServerResponse, error: HubError): void {
  const { code, ...extensions } = error.extensions as { code: ErrorCode };
  sendError(response, HTTP_STATUS[code] ?? 400, code, error.message, undefined, extensions);
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

async function handleGraphql(deps: HttpDependencies, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') {
    sendError(response, 405, 'BAD_USER_INPUT', 'use POST with a JSON body {query, variables, operationName}', { allow: 'POST' });
    return;
  }
  let raw: string;
  try {
    raw = await readBody(request, deps.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendError(response, 400, 'BAD_USER_INPUT', `request body is over the limit of ${deps.maxBodyBytes} bytes`, { connection: 'close' });
    } else {
      sendError(response, 400, 'BAD_USER_INPUT', 'request body could not be read');
    }
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    sendError(response, 400, 'BAD_USER_INPUT', 'request body is not valid JSON');
    return;
  }
  if (Array.isArray(body)) {
    sendError(response, 400, 'BAD_USER_INPUT', 'batched requests are not supported: send one operation per request');
    return;
  }
  if (!body || typeof body !== 'object' || typeof (body as { query?: unknown }).query !== 'string' || !(body as { query: string }).query.trim()) {
    sendError(response, 400, 'BAD_USER_INPUT', 'request body must be a JSON object with a non-empty "query" string');
    return;
  }
  let context: HubContext;
  let operation: OperationSummary | null;
  let admitted: ReadonlySet<string> = new Set();
  try {
    const principal = await authenticate(request.headers, deps.clients, deps.jwt);
    context = createContext(principal, randomUUID(), deps.subjectFacts, new ReadSnapshot(deps.snapshotSource));
    // Limits before anything runs: over-rate callers first, then over-sized operations.
    const rate = await deps.rateLimiter.hit(rateKey(context, request));
    if (!rate.allowed) {
      sendError(response, 429, 'RATE_LIMITED', `too many requests; retry after ${rate.retryAfterSeconds} s`, { 'retry-after': String(rate.retryAfterSeconds) }, {
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
    if (error instanceof HubError) {
      sendHubError(response, error);
      return;
    }
    throw error;
  }
  if (operation) deps.audit.noteOperation(context, operation);
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let result: Awaited<ReturnType<typeof deps.apollo.executeHTTPGraphQLRequest>>;
  try {
    result = await withAdmittedOverrides(admitted, () =>
      deps.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body },
        context: async () => context,
      }),
    );
  } catch (error) {
    deps.audit.forget(context);
    await context.snapshot.release();
    throw error;
  }
  // The audit record is stored before the answer leaves (a failure here answers INTERNAL, no data).
  await deps.audit.finish(context);
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

/** The gateway's HTTP surface: `/graphql`, `/healthz`, `/readyz`, and the extra routes. */
export function createHttpServer(deps: HttpDependencies): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const work = async () => {
      if (path === '/graphql') return handleGraphql(deps, request, response);
      if (path === '/healthz' && request.method === 'GET') return sendJson(response, 200, { status: 'ok' });
      if (path === '/readyz' && request.method === 'GET') {
        const ready = await deps.ready().catch(() => false);
        return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
      }
      const tools: RouteTools = {
        principal: async () => createContext(await authenticate(request.headers, deps.clients, deps.jwt), randomUUID(), deps.subjectFacts),
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
      sendError(response, 404, 'NOT_FOUND', `no route ${request.method} ${path}`);
    };
    work().catch((error: unknown) => {
      log.error('request failed', { path, detail: String((error as Error)?.stack ?? error) });
      if (error instanceof HubError) {
        if (!response.headersSent) sendHubError(response, error);
        return;
      }
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', 'internal error');
      else response.end();
    });
  });
}
