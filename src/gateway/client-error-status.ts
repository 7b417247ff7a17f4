import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../shared/context';

/** Codes that mean the request itself is wrong (CONTRACT.md), not the hub. */
const CLIENT_ERROR_CODES = new Set(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']);

/**
 * A request that produced no data (null, or null for every field asked), only because of client errors (a resolver refusing an argument:
 * an over-long name, an id past the integer range), answers HTTP 400 like errors found before
 * execution, not 200. Partial answers keep 200: their data is still worth reading.
 */
export function clientErrorStatusPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // No data: nothing, or only nulls where the fields failed.
          if (!errors?.length || (data && Object.values(data).some((value) => value !== null))) return;
          if (errors.every((error) => CLIENT_ERROR_CODES.has(String(error.extensions?.code)))) response.http.status = 400;
        },
      };
    },
  };
}
