import { BrokenCircuitError, CircuitState, circuitBreaker, ConsecutiveBreaker, handleAll, type CircuitBreakerPolicy } from 'cockatiel';
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a fetch sends: a method, plain headers and a text body. */
export interface DepartmentRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Why a fetch did not count as an answer: it is what the circuit counts. */
class NoAnswer extends Error {}

/** The exchange was not over within the time limit (its socket is dropped). */
class TimedOut extends Error {}

/**
 * Every fetch this process sends to another department's process, with a time limit on the whole
 * exchange, inside one circuit breaker per department (cockatiel) that opens after
 * `failuresToOpen` failures in a row, then lets one probe through after `halfOpenAfterMs` and closes
 * when it is answered. A failure of any kind (refused, reset, timed out, open circuit, or a 502/503/504
 * from what fronts the department) is thrown as SERVICE_UNAVAILABLE naming the department, so the
 * caller keeps the other departments' parts. Any other answer, errors included, is the department's
 * and goes back as it is. One instance per process: the gateway's fetches and the department → department
 * fact calls of that process share the circuit of each department.
 */
export class DepartmentCalls {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  /**
   * node:http with kept-alive connections rather than the global fetch: fetch's WHATWG streams,
   * Request/Response objects and per-chunk writes took about a quarter of a distributed gateway's
   * CPU in a profile (issue 22); a department's answer is read whole anyway. Sockets are reused
   * across fetches (one TCP connection per concurrent fetch, not per fetch); an idle one does not keep
   * the process alive (the agent unrefs it).
   */
  private readonly agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

  constructor(readonly options: DepartmentCallOptions) {}

  /** The circuit's state for `department` (closed when it was never called). */
  circuitOf(department: string): CircuitState {
    return this.breakers.get(department)?.state ?? CircuitState.Closed;
  }

  async fetch(department: string, url: string, init: DepartmentRequest): Promise<DepartmentAnswer> {
    try {
      return await this.breakerOf(department).execute(async () => {
        const answer = await this.send(url, init).catch((error: unknown) => {
          throw error instanceof TimedOut ? error : new NoAnswer(describe(error));
        });
        if (UNAVAILABLE_HTTP_STATUSES.has(answer.status)) throw new NoAnswer(`HTTP ${answer.status}`);
        return answer;
      });
    } catch (error) {
      const detail =
        error instanceof BrokenCircuitError
          ? 'circuit open'
          : error instanceof TimedOut
            ? `no answer within ${this.options.timeoutMs} ms`
            : describe(error);
      log.warn('department unavailable', { department, url, detail });
      throw departmentUnavailable(department);
    }
  }

  /**
   * One exchange: the request written at once, the whole answer read, within the time limit: at the
   * limit the promise is rejected (whatever the socket does) and the request destroyed, which drops
   * its socket. One timer per fetch, not an AbortController and a timeout policy around it: those
   * cost a distributed gateway about 5% of its CPU (issue 22).
   */
  private send(url: string, init: DepartmentRequest): Promise<DepartmentAnswer> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') return Promise.reject(new Error(`unsupported protocol ${target.protocol}`));
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    return new Promise<DepartmentAnswer>((resolve, reject) => {
      const options = { method: init.method ?? 'GET', headers, agent: this.agents[secure ? 'https:' : 'http:'] };
      const request = (secure ? httpsRequest : httpRequest)(target, options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('the answer was cut off')));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      const timer = setTimeout(() => {
        reject(new TimedOut());
        request.destroy();
      }, this.options.timeoutMs);
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      request.on('error', fail);
      request.end(body);
    });
  }

  private breakerOf(department: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(department);
    if (!breaker) {
      breaker = circuitBreaker(handleAll, { halfOpenAfter: this.options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.options.failuresToOpen) });
      breaker.onBreak(() => log.warn('department circuit open', { department, halfOpenAfterMs: this.options.halfOpenAfterMs }));
      breaker.onHalfOpen(() => log.info('department circuit half-open', { department }));
      breaker.onReset(() => log.info('department circuit closed', { department }));
      this.breakers.set(department, breaker);
    }
    return breaker;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  const message = (error as Error)?.message ?? String(error);
  return cause ? `${message} (${cause})` : message;
}
