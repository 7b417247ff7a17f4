import { BrokenCircuitError, CircuitState, circuitBreaker, ConsecutiveBreaker, handleAll, TaskCancelledError, timeout, TimeoutStrategy, wrap, type IPolicy } from 'cockatiel';
import { departmentUnavailable, UNAVAILABLE_HTTP_STATUSES } from '../shared/errors';
import { log } from '../shared/logging';

/** How a process calls departments served as their own processes (docs/configuration.md, "Departments as processes"). */
export interface DepartmentCallOptions {
  /** One fetch's time limit, from sending to the whole answer read (HUB_SUBGRAPH_TIMEOUT_MS). */
  timeoutMs: number;
  /** Consecutive failed fetches (refused, timed out, 502/503/504) that open a department's circuit (HUB_SUBGRAPH_BREAKER_FAILURES). */
  failuresToOpen: number;
  /** How long an open circuit refuses at once before one probe fetch may try again (HUB_SUBGRAPH_BREAKER_HALF_OPEN_MS). */
  halfOpenAfterMs: number;
}

/** A department's whole answer, read within the time limit (the caller parses it; nothing is left streaming). */
export interface DepartmentAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

/** Why a fetch did not count as an answer: it is what the circuit counts. */
class NoAnswer extends Error {}

/**
 * Every fetch this process sends to another department's process, through one policy per department
 * (cockatiel): a time limit on the whole exchange, inside a circuit breaker that opens after
 * `failuresToOpen` failures in a row, then lets one probe through after `halfOpenAfterMs` and closes
 * when it is answered. A failure of any kind (refused, reset, timed out, open circuit, or a 502/503/504
 * from what fronts the department) is thrown as SERVICE_UNAVAILABLE naming the department, so the
 * caller keeps the other departments' parts. Any other answer, errors included, is the department's
 * and goes back as it is. One instance per process: the gateway's fetches and the department → department
 * fact calls of that process share the circuit of each department.
 */
export class DepartmentCalls {
  private readonly policies = new Map<string, { policy: IPolicy; state: () => CircuitState }>();

  constructor(readonly options: DepartmentCallOptions) {}

  /** The circuit's state for `department` (closed when it was never called). */
  circuitOf(department: string): CircuitState {
    return this.policies.get(department)?.state() ?? CircuitState.Closed;
  }

  async fetch(department: string, url: string, init: RequestInit): Promise<DepartmentAnswer> {
    try {
      return await this.policyOf(department).execute(async ({ signal }) => {
        const response = await fetch(url, { ...init, signal }).catch((error: unknown) => {
          throw new NoAnswer(describe(error));
        });
        const body = await response.text().catch((error: unknown) => {
          throw new NoAnswer(describe(error));
        });
        if (UNAVAILABLE_HTTP_STATUSES.has(response.status)) throw new NoAnswer(`HTTP ${response.status}`);
        return { status: response.status, statusText: response.statusText, headers: response.headers, body };
      });
    } catch (error) {
      const detail =
        error instanceof BrokenCircuitError
          ? 'circuit open'
          : error instanceof TaskCancelledError
            ? `no answer within ${this.options.timeoutMs} ms`
            : describe(error);
      log.warn('department unavailable', { department, url, detail });
      throw departmentUnavailable(department);
    }
  }

  private policyOf(department: string) {
    let entry = this.policies.get(department);
    if (!entry) {
      const breaker = circuitBreaker(handleAll, { halfOpenAfter: this.options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.options.failuresToOpen) });
      breaker.onBreak(() => log.warn('department circuit open', { department, halfOpenAfterMs: this.options.halfOpenAfterMs }));
      breaker.onHalfOpen(() => log.info('department circuit half-open', { department }));
      breaker.onReset(() => log.info('department circuit closed', { department }));
      // Aggressive: the limit holds even if the fetch ignored its abort signal.
      entry = { policy: wrap(breaker, timeout(this.options.timeoutMs, TimeoutStrategy.Aggressive)), state: () => breaker.state };
      this.policies.set(department, entry);
    }
    return entry.policy;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  const message = (error as Error)?.message ?? String(error);
  return cause ? `${message} (${cause})` : message;
}
