import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from '../endpoint-guard';

export interface PostResult {
  /** The HTTP status, or null when no answer came (refused address, connection error, timeout). */
  status: number | null;
  error: string | null;
  durationMs: number;
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
        response.on('error', (error) => finish(response.statusCode ?? null, error.message));
      },
    );
    // The whole attempt, not only an idle socket, is bounded.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('error', (error) => finish(null, error.message));
    req.end(body);
  });
}
