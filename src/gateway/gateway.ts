import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLScalarType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { SUBGRAPH_TOKEN_HEADER, signSubgraphToken, TOUCHED_USCCS_EXTENSION } from '../shared/auth/subgraph-token';
import type { HubContext } from '../shared/context';
import { departmentUnavailable, formatError, HubError, UNAVAILABLE_HTTP_STATUSES } from '../shared/errors';
import { subgraphFetches } from '../shared/metrics';
import { REQUEST_ID_HEADER } from '../shared/request-log';
import { DateScalar, DateTimeScalar, UsccScalar } from '../shared/scalars';
import type { DepartmentAnswer, DepartmentCalls } from './department-calls';
import { CachedLocalDataSource } from './local-data-source';
import { unavailableAnswer } from './missing-paths';
import type { SubgraphName } from '../shared/subgraph';

/**
 * The gateway's copy of the schema knows custom scalars only by name. Giving it our parsers makes a
 * malformed USCC, Date or DateTime fail at the gateway, before any subgraph is asked, with BAD_USER_INPUT.
 */
function attachScalarParsers(schema: GraphQLSchema): void {
  for (const implementation of [UsccScalar, DateScalar, DateTimeScalar]) {
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
  /** The time limit and circuit breaker of each fetch to a department over HTTP (shared with the process's fact calls). */
  departmentCalls: DepartmentCalls;
  /** Introspection and suggestions. */
  schemaHints: boolean;
  plugins?: ApolloServerPlugin<HubContext>[];
  /** Called with the client-facing schema whenever it (re)loads (the operation guard needs it). */
  onApiSchema?: (schema: GraphQLSchema) => void;
}

/**
 * A subgraph over HTTP: each fetch carries a short-lived token with the caller's principal, signed by
 * the gateway; the subgraph verifies it and trusts nothing else. The request id travels in the token
 * (the subgraph trusts only that copy) and in `x-request-id` for proxies' logs. Each fetch goes
 * through the department's time limit and circuit breaker (DepartmentCalls): a department that is
 * down or stalled costs at most one fetch timeout, and nothing once its circuit is open.
 */
class SignedRemoteDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    private readonly department: string,
    url: string,
    private readonly secret: Uint8Array,
    calls: DepartmentCalls,
  ) {
    // Through DepartmentCalls (node:http, kept-alive connections) instead of the default make-fetch-happen,
    // whose HTTP-cache and agent layers (made for npm's registry) took about a sixth of a distributed
    // gateway's CPU in a profile (issue 22); the departments' answers are never cached anyway. The
    // answer, already read whole, is handed back as it is: no WHATWG Response and stream around it.
    super({
      url,
      fetcher: async (target, init) => {
        const body = typeof init?.body === 'string' || init?.body === undefined ? init?.body : init.body.toString('utf8');
        return departmentResponse(target, await calls.fetch(department, target, { method: init?.method, headers: init?.headers, body }));
      },
    });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<HubContext>) {
    // Only a client's operation has a caller to forward (the static supergraph needs no schema fetches or health checks).
    if (!('incomingRequestContext' in options) || !options.context.principal) throw new Error('no principal to forward to the subgraph');
    const { request, context } = options;
    // One token per fetch, for this department and this operation only.
    const operation = { query: request.query ?? '', operationName: request.operationName, variables: request.variables };
    request.http?.headers.set(SUBGRAPH_TOKEN_HEADER, await signSubgraphToken(context.principal, context.requestId, this.secret, { department: this.department, operation }));
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /**
   * An unreachable department (refused, reset, timed out, its circuit open, or a 502/503/504 from what
   * fronts it; DepartmentCalls logged why) answers SERVICE_UNAVAILABLE naming it; the gateway keeps the
   * other departments' parts of the answer.
   */
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    if (!response || UNAVAILABLE_HTTP_STATUSES.has(response.status)) throw departmentUnavailable(this.department);
    throw error;
  }

  /**
   * A department that could not answer: SERVICE_UNAVAILABLE on each path this fetch would have filled
   * (the gateway keeps the other departments' parts), rather than thrown with no path.
   */
  override async process(options: GraphQLDataSourceProcessOptions<HubContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof HubError && error.extensions.code === 'SERVICE_UNAVAILABLE') return unavailableAnswer(error, options);
      throw error;
    }
  }

  /** The subjects the subgraph's fetch touched join the request's, for its audit record. */
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<HubContext>['didReceiveResponse']>>[0]) {
    const touched: unknown = response.extensions?.[TOUCHED_USCCS_EXTENSION];
    if (Array.isArray(touched)) for (const uscc of touched) if (typeof uscc === 'string') context.touchedUsccs.add(uscc);
    return response;
  }
}

/** The answer a RemoteGraphQLDataSource's fetcher returns (@apollo/utils.fetcher's FetcherResponse). */
type FetcherResponse = Awaited<ReturnType<NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>>>;

/** A department's answer, read whole, as the fetch answer RemoteGraphQLDataSource reads (status, headers, body). */
function departmentResponse(url: string, answer: DepartmentAnswer): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    statusText: answer.statusText,
    headers,
    text: async () => answer.body,
    json: async () => JSON.parse(answer.body) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(answer.body).buffer,
    clone: () => response,
  };
  return response;
}

/** Counts each fetch the gateway sends to a subgraph, by outcome (the `ecocredit_subgraph_fetches_total` metric). */
class MeasuredDataSource implements GraphQLDataSource<HubContext> {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<HubContext>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<HubContext>) {
    try {
      const response = await this.inner.process(options);
      // This department's own absence (SignedRemoteDataSource's answer), not one it reported of another department.
      const unavailable = !response.data && response.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE' && error.extensions.department === this.subgraph);
      subgraphFetches.inc({ subgraph: this.subgraph, outcome: unavailable ? 'unavailable' : response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (error) {
      const unavailable = error instanceof HubError && error.extensions.code === 'SERVICE_UNAVAILABLE';
      subgraphFetches.inc({ subgraph: this.subgraph, outcome: unavailable ? 'unavailable' : 'failed' });
      throw error;
    }
  }
}

/**
 * HTTP 503 with Retry-After when a department was unavailable and nothing could be answered (no data,
 * or every root field null: a mutation that needs the department wrote nothing); with any part answered
 * the status stays 200 and the error names the missing department.
 */
function unavailableStatusPlugin(retryAfterSeconds: number): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          const nothingAnswered = !data || Object.values(data).every((value) => value === null || value === undefined);
          if (!nothingAnswered) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds));
        },
      };
    },
  };
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
  // Apollo Gateway otherwise reports usage to Apollo's servers and probes cloud metadata endpoints
  // (169.254.169.254) on construction. The hub sends nothing off its machine: its networks are often
  // closed, and what partners ask is nobody else's business.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const local = options.localSchemas[name as SubgraphName];
      const remoteUrl = options.remoteUrls?.[name as SubgraphName];
      // Never the supergraph's placeholder address: HUB_SUBGRAPH_URLS is the one place that says where a department is.
      if (!local && !remoteUrl) throw new Error(`the ${name} subgraph is neither in this process nor named in HUB_SUBGRAPH_URLS`);
      const source = local ? new CachedLocalDataSource(local) : new SignedRemoteDataSource(name, remoteUrl!, options.subgraphSecret, options.departmentCalls);
      return new MeasuredDataSource(name, source);
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
    // The process drains itself on SIGTERM/SIGINT (graceful-shutdown.ts); Apollo's own handlers would stop mid-request.
    stopOnTerminationSignals: false,
    // Retry when the departments' circuits let a probe through again.
    plugins: [readSnapshotPlugin(), unavailableStatusPlugin(Math.ceil(options.departmentCalls.options.halfOpenAfterMs / 1000)), ...(options.plugins ?? [])],
  });
}
