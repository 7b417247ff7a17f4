import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { log } from './logging';

/** The error codes of CONTRACT.md; the only values `extensions.code` ever takes. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  // A department's subgraph process cannot be reached; `extensions.department` names it.
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A domain error: something the caller can act on. Its message is shown as is, so it must name
 * what is wrong and never carry SQL, stack traces or data the caller may not see.
 */
export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'HubError';
  }
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  new HubError('BAD_USER_INPUT', message, extensions);
export const notFound = (message: string) => new HubError('NOT_FOUND', message);
export const forbidden = (message = 'not allowed for this caller') => new HubError('FORBIDDEN', message);
export const unauthenticated = (message: string) => new HubError('UNAUTHENTICATED', message);

/** HTTP answers of what fronts a department's process that mean "not there" (proxy, load balancer). */
export const UNAVAILABLE_HTTP_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** A department served as its own process cannot be reached (refused, reset, or an UNAVAILABLE_HTTP_STATUSES answer). */
export const departmentUnavailable = (department: string) =>
  new HubError('SERVICE_UNAVAILABLE', `the ${department} department is unavailable: its part of the answer is missing`, { department });

/** Seconds a caller is told to wait (Retry-After) when the hub's database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The hub's own database cannot be reached (down, restarting, out of connections): retryable, HTTP 503. */
export const databaseUnavailable = () =>
  new HubError('SERVICE_UNAVAILABLE', 'the database is unavailable: retry later', { retryAfter: DATABASE_RETRY_AFTER_SECONDS });

/** Socket errors of a connection that is refused, reset or cut. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** SQLSTATEs that mean "the server is not there for you now", not "your statement is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/**
 * pg and TypeORM sometimes say so in words only, and an error that crossed the gateway (a subgraph's,
 * rebuilt from its message) has lost its code. TypeORM hands a query runner's connection back to the
 * pool when the server ends it; the request's next statement on that runner fails "already released".
 */
const CONNECTION_MESSAGES =
  /Connection terminated|query runner was already released|Query runner already released|terminating connection due to administrator command|Client has encountered a connection error|Connection is not established|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery)|too many clients already|\b(connect ECONNREFUSED|read ECONNRESET|write EPIPE)\b/i;

/**
 * Whether `error` (or what it wraps: GraphQL's originalError, TypeORM's driverError, AggregateError's
 * errors) means the database is unreachable — connection exceptions (SQLSTATE class 08), the server
 * shutting down or starting (57P01–57P03), too many clients (53300), a refused, reset or cut socket —
 * as opposed to a statement that failed. Such a failure is the hub's outage, shown as
 * SERVICE_UNAVAILABLE with Retry-After, never as INTERNAL.
 */
export function isConnectionFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current) || seen.size > 16) continue;
    seen.add(current);
    const { code, message, originalError, driverError, errors, cause } = current as {
      code?: unknown;
      message?: unknown;
      originalError?: unknown;
      driverError?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    pending.push(originalError, driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return false;
}

const KNOWN = new Set<string>(ERROR_CODES);

/**
 * The serving pools' PostgreSQL `statement_timeout` (HUB_STATEMENT_TIMEOUT_MS), recorded where the pools
 * are made (shared/database.ts) so that the refusal of a statement that ran past it can name the limit.
 */
export const statementTimeLimit: { ms?: number } = {};

/** PostgreSQL's query_canceled: `statement_timeout` ran out (or an operator cancelled the statement). */
const QUERY_CANCELED = '57014';

/** Whether a PostgreSQL statement was cancelled, through TypeORM's QueryFailedError and graphql-js's and the gateway's wrappers. */
function statementCancelled(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    const candidate = current as { code?: unknown; driverError?: { code?: unknown }; originalError?: unknown };
    if (candidate.code === QUERY_CANCELED || candidate.driverError?.code === QUERY_CANCELED) return true;
    current = candidate.originalError;
  }
  return false;
}

/**
 * Among a department's errors (a hub-internal fact asked through SubjectFacts): a statement cancelled by
 * the time limit, in-process (the pg error in the chain) or in a department served apart (its answer
 * already mapped, `extensions.setting`); that refusal, to be thrown as the asking request's own, or null.
 */
export function statementTimeoutAmong(errors: readonly unknown[]): HubError | null {
  const timedOut = errors.some(
    (error) => statementCancelled(error) || (error as { extensions?: { setting?: unknown } } | null)?.extensions?.setting === 'HUB_STATEMENT_TIMEOUT_MS',
  );
  return timedOut ? statementTimedOut() : null;
}

/**
 * A request whose statement ran past the time limit asked for more than the hub answers at once: the
 * caller's to narrow (QUERY_TOO_COMPLEX, like the request deadline in gateway/request-deadline.ts), never INTERNAL.
 */
function statementTimedOut(): HubError {
  const ms = statementTimeLimit.ms;
  return new HubError(
    'QUERY_TOO_COMPLEX',
    `a database statement of this request ran past the statement time limit${ms ? ` of ${ms} ms` : ''} (HUB_STATEMENT_TIMEOUT_MS); ask for less at once (a shorter period, a smaller page, a narrower filter)`,
    ms ? { setting: 'HUB_STATEMENT_TIMEOUT_MS', limit: ms, unit: 'ms', timeoutMs: ms } : { setting: 'HUB_STATEMENT_TIMEOUT_MS' },
  );
}

/** Codes of Apollo and graphql-js that mean "the request is wrong", shown to the caller as BAD_USER_INPUT. */
const CALLER_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Finds the code a domain error carried, through the wrappers of the gateway and Apollo Server. */
function innermostCode(error: unknown): string | undefined {
  let current: unknown = error;
  let code: string | undefined;
  for (let depth = 0; current && depth < 8; depth++) {
    const ext = (current as { extensions?: { code?: unknown } }).extensions;
    if (ext && typeof ext.code === 'string' && KNOWN.has(ext.code)) code = ext.code;
    current = (current as { originalError?: unknown }).originalError;
  }
  return code;
}

/**
 * The one mapping from any error to what the caller sees (DESIGN.md convention 7):
 * domain codes pass through, request-shape errors become BAD_USER_INPUT, an unreachable database
 * becomes SERVICE_UNAVAILABLE (retryable: the gateway answers 503 with Retry-After), everything else
 * is masked as INTERNAL and logged with its detail.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const outerCode = formatted.extensions?.code as string | undefined;
  const domainCode = innermostCode(error) ?? (outerCode && KNOWN.has(outerCode) ? outerCode : undefined);
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formatted.extensions ?? {})) {
    if (key !== 'stacktrace' && key !== 'exception' && key !== 'serviceName') extensions[key] = value;
  }
  if (domainCode && domainCode !== 'INTERNAL') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code: domainCode } };
  }
  if (statementCancelled(error)) {
    const refusal = statementTimedOut();
    log.warn('statement time limit reached', { path: formatted.path, detail: String((error as Error)?.message ?? error) });
    return { message: refusal.message, locations: formatted.locations, path: formatted.path, extensions: { ...refusal.extensions } };
  }
  if (outerCode && CALLER_ERRORS.has(outerCode)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (isConnectionFailure(error)) {
    log.warn('database unavailable', { path: formatted.path, detail: formatted.message });
    const unavailable = databaseUnavailable();
    return { message: unavailable.message, path: formatted.path, extensions: { ...unavailable.extensions } };
  }
  log.error('internal error', { message: formatted.message, path: formatted.path, detail: String((error as Error)?.stack ?? error) });
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
}
