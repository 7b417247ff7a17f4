import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Calls an in-process subgraph. Unlike the stock LocalGraphQLDataSource it parses each distinct
 * operation once and does not re-validate it: the only caller is the gateway, whose query planner
 * generates these operations from the composed (already validated) supergraph. The parse cache is
 * bounded; the plans repeat, so it stays small in practice.
 */
export class CachedLocalDataSource implements GraphQLDataSource {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly maxCachedDocuments = 2_000,
  ) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const source = request.query ?? '';
    let document = this.documents.get(source);
    if (!document) {
      document = parse(source);
      if (this.documents.size >= this.maxCachedDocuments) this.documents.clear();
      this.documents.set(source, document);
    }
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    });
    return result;
  }
}
