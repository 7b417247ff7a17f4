import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import type { HubContext } from '../shared/context';
import type { Department } from '../shared/database';
import { formatError } from '../shared/errors';
import { DateScalar, UsccScalar } from '../shared/scalars';
import { CachedLocalDataSource } from './local-data-source';

/**
 * The gateway's copy of the schema knows custom scalars only by name. Giving it our parsers makes a
 * malformed USCC or Date fail at the gateway, before any subgraph is asked, with BAD_USER_INPUT.
 */
function attachScalarParsers(schema: GraphQLSchema): void {
  for (const implementation of [UsccScalar, DateScalar]) {
    const type = schema.getType(implementation.name);
    if (type instanceof GraphQLScalarType) {
      type.parseValue = implementation.parseValue;
      type.parseLiteral = implementation.parseLiteral;
    }
  }
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** In-process subgraph schemas; a department missing here is called over HTTP at `remoteUrls`. */
  localSchemas: Partial<Record<Department, GraphQLSchema>>;
  remoteUrls?: Partial<Record<Department, string>>;
  introspection: boolean;
}

/** The Apollo Gateway over the static supergraph, and the Apollo Server that fronts it. */
export function createGatewayServer(options: GatewayOptions): ApolloServer<HubContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const local = options.localSchemas[name as Department];
      if (local) return new CachedLocalDataSource(local);
      return new RemoteGraphQLDataSource({ url: options.remoteUrls?.[name as Department] ?? url });
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => attachScalarParsers(apiSchema));
  return new ApolloServer<HubContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
  });
}
