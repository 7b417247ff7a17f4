import { createHash } from 'node:crypto';
import { printSchema, type GraphQLSchema } from 'graphql';
import { HubError } from '../shared/errors';
import type { HttpRoute } from '../shared/http-route';

/**
 * `GET /schema.graphql`: the API schema as SDL, for the partners' code generators and editors where
 * introspection is off (HUB_SCHEMA_HINTS=0, every deployment outside demo mode). Any authenticated
 * client may fetch it (every role but PUBLIC): a partner needs the whole schema to write its
 * operations, and what each role may read is enforced per field (docs/permissions.md), not hidden.
 * PUBLIC callers get 401: the schema is not published to anonymous visitors. The request counts
 * against the client's rate limit; it reads no subject data, so it is not audited.
 */
export function schemaFileRoute(apiSchema: () => GraphQLSchema | undefined): HttpRoute {
  let printed: { schema: GraphQLSchema; text: string; etag: string } | undefined;
  return async (request, response, tools) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/schema.graphql' || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const ctx = await tools.principal();
    if (ctx.principal.role === 'PUBLIC') {
      throw new HubError('UNAUTHENTICATED', 'the schema file is for API clients: send your API key (Authorization: Bearer <key>)');
    }
    await tools.limitRate(ctx);
    const schema = apiSchema();
    if (!schema) throw new HubError('SERVICE_UNAVAILABLE', 'the schema is not loaded yet; retry in a moment', { retryAfter: 1 });
    // Printed once per schema version (the gateway swaps the object when the supergraph changes).
    if (printed?.schema !== schema) {
      const text = printSchema(schema) + '\n';
      printed = { schema, text, etag: `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"` };
    }
    if (request.headers['if-none-match'] === printed.etag) {
      response.writeHead(304, { etag: printed.etag, 'cache-control': 'private, no-cache' });
      response.end();
      return true;
    }
    response.writeHead(200, {
      'content-type': 'application/graphql; charset=utf-8',
      'content-disposition': 'attachment; filename="ecocredit-hub.graphql"',
      'cache-control': 'private, no-cache',
      etag: printed.etag,
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : printed.text);
    return true;
  };
}
