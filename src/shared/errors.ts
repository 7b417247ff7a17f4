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
 * domain codes pass through, request-shape errors become BAD_USER_INPUT, everything else is
 * masked as INTERNAL and logged with its detail.
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
  log.error('internal error', { message: formatted.message, path: formatted.path, detail: String((error as Error)?.stack ?? error) });
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
}
