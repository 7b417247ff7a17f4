import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../shared/context';

/**
 * A 503 answer whose errors say when to retry (`extensions.retryAfter`, seconds: the database being
 * unavailable, see shared/errors.ts) carries the HTTP `Retry-After` header with the longest of them,
 * so that clients and proxies retry on their own. Registered after the plugins that set the status
 * (the gateway's unavailable-status plugin), whose hooks run first.
 */
export function retryAfterHeaderPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.http.status !== 503) return;
          const seconds = (response.body.singleResult.errors ?? [])
            .map((error) => error.extensions?.retryAfter)
            .filter((value): value is number => typeof value === 'number' && value > 0);
          if (seconds.length > 0) response.http.headers.set('retry-after', String(Math.max(...seconds)));
        },
      };
    },
  };
}
