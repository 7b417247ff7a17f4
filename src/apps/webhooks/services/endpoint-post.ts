import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, isPublicAddress, literalAddress } from '../endpoint-guard';

export interface PostResult {
  /** The HTTP status, or null when no answer came (refused address, connection error, timeout). */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** What a failed attempt's error says, by Node's error code: never an address (see `deliveryError`). */
const FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the endpoint',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'endpoint unreachable',
  ENETUNREACH: 'endpoint unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name could not be resolved (temporary DNS failure)',
  EPIPE: 'connection closed by the endpoint',
  EPROTO: 'TLS handshake failed',
};

const ADDRESS_LIKE = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\[?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:%\w+)?\]?(?::\d+)?/gi;

/**
 * The text recorded for a failed attempt, which the subscriber reads in its delivery log: Node's
 * own messages name the address connected to ("connect ECONNREFUSED 10.0.0.7:443"), which would
 * tell an outsider what the hub's internal names resolve to. Known codes get a fixed text; any other
 * message keeps its words with every address-like token replaced.
 */
export function deliveryError(error: NodeJS.ErrnoException): string {
  const known = error.code ? FAILURES[error.code] : undefined;
  if (known) return `${known} (${error.code})`;
  return error.message.replace(ADDRESS_LIKE, '[address]');
}

/**
 * POSTs a webhook body with node:http(s) rather than fetch: `lookup` is checked on the connection
 * itself (guardedLookup), redirects are not followed (a 3xx is a failure: an endpoint may not bounce
 * deliveries elsewhere), and the answer's body is discarded unread.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: { timeoutMs: number; allowPrivate: boolean }): Promise<PostResult> {
  const started = Date.now();
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  // Node connects to a literal address without calling `lookup`: it is checked here, on every
  // attempt, not only when the subscription was made.
  const literal = literalAddress(target);
  if (literal !== null && !options.allowPrivate && !isPublicAddress(literal)) {
    return Promise.resolve({ status: null, error: 'the endpoint is a private, loopback or reserved address (EADDRNOTALLOWED)', durationMs: 0 });
  }
  return new Promise<PostResult>((resolve) => {
    const finish = (status: number | null, error: string | null) => {
      clearTimeout(timer);
      resolve({ status, error, durationMs: Date.now() - started });
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'ecocredit-hub-webhooks/1' },
        lookup: guardedLookup(options.allowPrivate),
      },
      (response) => {
        response.resume();
        response.on('end', () => finish(response.statusCode ?? null, null));
        response.on('error', (error) => finish(response.statusCode ?? null, deliveryError(error)));
      },
    );
    // The whole attempt, not only an idle socket, is bounded.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('error', (error) => finish(null, deliveryError(error)));
    req.end(body);
  });
}
