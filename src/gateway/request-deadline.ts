import { HubError } from '../shared/errors';

/** Seconds a caller is told to wait (Retry-After) after a request ran out of its time budget. */
const RETRY_AFTER_SECONDS = 5;

/**
 * `work`, or SERVICE_UNAVAILABLE (HTTP 503, Retry-After) once `ms` have passed (HUB_REQUEST_TIMEOUT_MS):
 * the caller gets a clear answer instead of waiting on a request the hub will not finish in time. A
 * timeout says the hub is slow or something it waits on stalled, never that the request was too complex
 * (QUERY_TOO_COMPLEX is for limits the request itself breaks, found before it runs). A stalled
 * department costs a fetch timeout (HUB_SUBGRAPH_TIMEOUT_MS) and a partial answer well before this.
 * JavaScript cannot cancel `work`; it goes on until its SQL ends, which `statement_timeout` bounds on every pool.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HubError('SERVICE_UNAVAILABLE', `the request did not finish within its time budget of ${ms} ms; retry later or ask for less at once`, {
            timeoutMs: ms,
            retryAfter: RETRY_AFTER_SECONDS,
          }),
        ),
      ms,
    );
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
