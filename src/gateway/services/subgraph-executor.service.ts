import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { HUB_SYSTEM_PRINCIPAL } from '../../shared/auth/principal';
import { SUBGRAPH_TOKEN_HEADER, signSubgraphToken } from '../../shared/auth/subgraph-token';
import { createContext, type HubContext } from '../../shared/context';
import type { Department } from '../../shared/database';
import { statementTimeoutAmong } from '../../shared/errors';
import type { ReadSnapshot } from '../../shared/read-snapshot';
import type { DepartmentCalls } from '../department-calls';

/**
 * Runs one operation on one department's subgraph as the hub itself (HUB_SYSTEM_PRINCIPAL). An
 * in-process subgraph reads within `snapshot` (the asking request's), so the facts it answers agree
 * with the rest of that request's answer and no second connection is taken while the first is held.
 */
export type SubgraphExecutor = (
  department: Department,
  query: string,
  variables: Record<string, unknown>,
  snapshot?: ReadSnapshot,
  /** The request a hub-internal mutation runs for: the audit outboxes it fills are noted on it (HubContext.auditOutboxesWritten). */
  parent?: HubContext,
) => Promise<Record<string, unknown>>;

export interface SubgraphExecutorOptions {
  localSchemas: Partial<Record<Department, GraphQLSchema>>;
  /**
   * Where the departments not in this process are (HUB_SUBGRAPH_URLS; the process refused to start
   * without those it asks). Read at call time.
   */
  remoteUrls: Partial<Record<Department, string>>;
  /** Signs the system principal for remote subgraphs. */
  secret: Uint8Array;
  /** Time limit and circuit breaker per remote department (the process's one DepartmentCalls); needed only with remote departments. */
  calls?: DepartmentCalls;
}

/**
 * In-process subgraphs are executed directly (no HTTP hop); remote ones are called like the gateway
 * calls them, with a signed token, through the department's time limit and circuit breaker. Errors
 * are thrown (and masked as INTERNAL by the caller), except an unreachable, stalled or open-circuit
 * department: SERVICE_UNAVAILABLE naming it, as when the gateway calls it; and a statement over the
 * time limit: QUERY_TOO_COMPLEX naming it, as for the request's own statements.
 */
export function createSubgraphExecutor(options: SubgraphExecutorOptions): SubgraphExecutor {
  const documents = new Map<string, DocumentNode>();
  return async (department, query, variables, snapshot, parent) => {
    const schema = options.localSchemas[department];
    let result: { data?: Record<string, unknown> | null; errors?: readonly { message: string }[] };
    if (schema) {
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      const contextValue = createContext(HUB_SYSTEM_PRINCIPAL, randomUUID(), null, snapshot);
      if (parent) contextValue.auditOutboxesWritten = parent.auditOutboxesWritten;
      result = await execute({ schema, document, variableValues: variables, contextValue });
    } else {
      const url = options.remoteUrls[department];
      if (!url || !options.calls) throw new Error(`no subgraph "${department}" in this process and no URL for it in HUB_SUBGRAPH_URLS`);
      const token = await signSubgraphToken(HUB_SYSTEM_PRINCIPAL, randomUUID(), options.secret, { department, operation: { query, variables } });
      const answer = await options.calls.fetch(department, url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SUBGRAPH_TOKEN_HEADER]: token },
        body: JSON.stringify({ query, variables }),
      });
      result = JSON.parse(answer.body) as typeof result;
    }
    if (result.errors?.length || !result.data) {
      // A fact that ran past the statement time limit is the asking request's refusal, not an internal error.
      const timedOut = statementTimeoutAmong(result.errors ?? []);
      if (timedOut) throw timedOut;
      throw new Error(`subgraph ${department} failed: ${(result.errors ?? []).map((e) => e.message).join('; ')}`);
    }
    return result.data;
  };
}
