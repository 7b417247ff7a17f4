import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLScalarType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { SUBGRAPH_TOKEN_HEADER, signSubgraphToken, TOUCHED_USCCS_EXTENSION } from '../shared/auth/subgraph-token';
import type { HubContext } from '../shared/context';
import { formatError } from '../shared/errors';
import { DateScalar, UsccScalar } from '../shared/scalars';
import { CachedLocalDataSource } from './local-data-source';
import type { SubgraphName } from '../shared/subgraph';

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

/** graphql-js validation messages end with hints at the schema ("Did you mean ...?"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * The one error mapping (shared/errors.ts), and outside demo mode no schema hints: suggestions
 * would let a caller map fields it cannot introspect.
 */
export function gatewayFormatError(schemaHints: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const mapped = formatError(formatted, error);
    return schemaHints ? mapped : { ...mapped, message: mapped.message.replace(SUGGESTION, '') };
  };
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** In-process subgraph schemas; a subgraph missing here is called over HTTP at `remoteUrls`. */
  localSchemas: Partial<Record<SubgraphName, GraphQLSchema>>;
  remoteUrls?: Partial<Record<SubgraphName, string>>;
  /** Signs the principal for subgraphs called over HTTP (HUB_SUBGRAPH_SECRET). */
  subgraphSecret: Uint8Array;
  /** Introspection and suggestions. */
  schemaHints: boolean;
  plugins?: ApolloServerPlugin<HubContext>[];
  /** Called with the client-facing schema whenever it (re)loads (the operation guard needs it). */
  onApiSchema?: (schema: GraphQLSchema) => void;
}

/**
 * A subgraph over HTTP: each fetch carries a short-lived token with the caller's principal, signed by
 * the gateway; the subgraph verifies it and trusts nothing else.
 */
class SignedRemoteDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    url: string,
    private readonly secret: Uint8Array,
  ) {
    super({ url });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<HubContext>) {
    // Only a client's operation has a caller to forward (the static supergraph needs no schema fetches or health checks).
    if (!('incomingRequestContext' in options) || !options.context.principal) throw new Error('no principal to forward to the subgraph');
    const { request, context } = options;
    request.http?.headers.set(SUBGRAPH_TOKEN_HEADER, await signSubgraphToken(context.principal, context.requestId, this.secret));
  }

  /** The subjects the subgraph's fetch touched join the request's, for its audit record. */
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<HubContext>['didReceiveResponse']>>[0]) {
    const touched: unknown = response.extensions?.[TOUCHED_USCCS_EXTENSION];
    if (Array.isArray(touched)) for (const uscc of touched) if (typeof uscc === 'string') context.touchedUsccs.add(uscc);
    return response;
  }
}

/**
 * Queries read from one snapshot (ReadSnapshot), mutations do not; the snapshot ends when the answer
 * is complete, before it is sent.
 */
function readSnapshotPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation) contextValue.snapshot.begin(operation.operation);
        },
        async willSendResponse({ contextValue }) {
          await contextValue.snapshot.release();
        },
      };
    },
  };
}

/** The Apollo Gateway over the static supergraph, and the Apollo Server that fronts it. */
export function createGatewayServer(options: GatewayOptions): ApolloServer<HubContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const local = options.localSchemas[name as SubgraphName];
      if (local) return new CachedLocalDataSource(local);
      return new SignedRemoteDataSource(options.remoteUrls?.[name as SubgraphName] ?? url ?? '', options.subgraphSecret);
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    attachScalarParsers(apiSchema);
    options.onApiSchema?.(apiSchema);
  });
  return new ApolloServer<HubContext>({
    gateway,
    formatError: gatewayFormatError(options.schemaHints),
    includeStacktraceInErrorResponses: false,
    introspection: options.schemaHints,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    plugins: [readSnapshotPlugin(), ...(options.plugins ?? [])],
  });
}
