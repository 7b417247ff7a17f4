import { HubError } from '../shared/errors';

/**
 * `work`, or QUERY_TOO_COMPLEX once `ms` have passed (HUB_REQUEST_TIMEOUT_MS): the caller gets a
 * clear answer instead of waiting on a request the hub will not finish in time. JavaScript cannot
 * cancel `work`; it goes on until its SQL ends, which `statement_timeout` bounds on every pool.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HubError('QUERY_TOO_COMPLEX', `the request did not finish within its time budget of ${ms} ms; ask for less at once`, { timeoutMs: ms })),
      ms,
    );
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
