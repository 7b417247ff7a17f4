import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { log } from './logging';
import { operationLabel, requestDuration, requestsInFlight, requestsTotal } from './metrics';

/** The header that carries a request's id: accepted from the caller, returned in the answer, sent to subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept when it is 8–128 characters of letters, digits and `._:-` (UUIDs, trace ids). */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** The caller's `x-request-id` when well-formed, else a new UUID (never a value that could forge log lines). */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const value = headers[REQUEST_ID_HEADER];
  const offered = Array.isArray(value) ? value[0] : value;
  return offered && WELL_FORMED_REQUEST_ID.test(offered) ? offered : randomUUID();
}

const MAX_LOGGED_OPERATION_NAME = 200;

/** What a handler learns about a request while serving it; logged and counted when the answer is sent. */
export interface RequestObservation {
  /** Set before the answer's headers are written (a subgraph replaces it with the id of the gateway's signed token). */
  requestId: string;
  /** The GraphQL operation name (null = anonymous, or not a GraphQL request). */
  operation: string | null;
  role: string | null;
  clientId: string | null;
  /** `extensions.code` of every error in the answer. */
  errorCodes: string[];
  /** Whether this request is a GraphQL operation (counted in the request metrics). */
  graphql: boolean;
}

/**
 * Starts observing one request: sets the `x-request-id` response header and, when the answer has been
 * sent (or the connection dropped), writes one JSON log line (request id, operation, role, client,
 * status, duration, error codes) and, for GraphQL operations, the request counter and latency
 * histogram. `service` names the process kind (`gateway`, `market`, ...).
 */
export function observeRequest(service: string, request: IncomingMessage, response: ServerResponse): RequestObservation {
  const startedAt = process.hrtime.bigint();
  const observation: RequestObservation = { requestId: requestIdFrom(request.headers), operation: null, role: null, clientId: null, errorCodes: [], graphql: false };
  response.setHeader(REQUEST_ID_HEADER, observation.requestId);
  requestsInFlight.inc({ service });
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    requestsInFlight.dec({ service });
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const errorCodes = [...new Set(observation.errorCodes)].sort();
    const completed = response.writableFinished;
    log.info('request', {
      service,
      requestId: observation.requestId,
      method: request.method,
      path: (request.url ?? '/').split('?')[0],
      // The caller's name, as sent (JSON-escaped by the logger), cut to a length a log line can carry.
      operation: observation.operation?.slice(0, MAX_LOGGED_OPERATION_NAME) ?? null,
      role: observation.role,
      clientId: observation.clientId,
      status: completed ? response.statusCode : null,
      durationMs: Math.round(seconds * 1000 * 10) / 10,
      errorCodes,
      ...(completed ? {} : { aborted: true }),
    });
    if (!observation.graphql) return;
    const operation = operationLabel(observation.operation);
    const outcome = !completed ? 'ABORTED' : (errorCodes[0] ?? (response.statusCode >= 400 ? 'HTTP_' + response.statusCode : 'ok'));
    requestsTotal.inc({ operation, role: observation.role ?? 'UNKNOWN', outcome });
    requestDuration.observe({ operation, outcome }, seconds);
  };
  response.once('finish', finish);
  response.once('close', finish);
  return observation;
}
