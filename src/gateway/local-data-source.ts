import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, type GraphQLSchema } from 'graphql';
import { DocumentCache } from '../shared/document-cache';

/**
 * Calls an in-process subgraph. Unlike the stock LocalGraphQLDataSource it parses each distinct
 * operation once (a bounded LRU, DocumentCache) and does not re-validate it: the only caller is the
 * gateway, whose query planner generates these operations from the composed (already validated)
 * supergraph. The plans repeat, so the cache stays small in practice.
 */
export class CachedLocalDataSource implements GraphQLDataSource {
  private readonly documents: DocumentCache;

  constructor(
    private readonly schema: GraphQLSchema,
    maxCachedDocuments = 2_000,
  ) {
    this.documents = new DocumentCache(schema, { maxDocuments: maxCachedDocuments, validate: false });
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const parsed = this.documents.document(request.query ?? '');
    if ('errors' in parsed) throw parsed.errors[0];
    return execute({
      schema: this.schema,
      document: parsed.document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    });
  }
}
