import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { HUB_SYSTEM_PRINCIPAL } from '../../shared/auth/principal';
import { SUBGRAPH_TOKEN_HEADER, signSubgraphToken } from '../../shared/auth/subgraph-token';
import { createContext, type HubContext } from '../../shared/context';
import type { Department } from '../../shared/database';
import { departmentUnavailable, statementTimeoutAmong, UNAVAILABLE_HTTP_STATUSES } from '../../shared/errors';
import type { ReadSnapshot } from '../../shared/read-snapshot';

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
  /** Read at call time (so a caller may fill it in after start-up); unnamed departments use `fallbackUrl`. */
  remoteUrls: Partial<Record<Department, string>>;
  fallbackUrl?: (department: Department) => string;
  /** Signs the system principal for remote subgraphs. */
  secret: Uint8Array;
}

/**
 * In-process subgraphs are executed directly (no HTTP hop); remote ones are called like the gateway
 * calls them, with a signed token. Errors are thrown (and masked as INTERNAL by the caller), except
 * an unreachable department: SERVICE_UNAVAILABLE naming it, as when the gateway calls it; and a
 * statement over the time limit: QUERY_TOO_COMPLEX naming it, as for the request's own statements.
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
      const url = options.remoteUrls[department] ?? options.fallbackUrl?.(department);
      if (!url) throw new Error(`no subgraph "${department}" in this process and no URL for it`);
      const token = await signSubgraphToken(HUB_SYSTEM_PRINCIPAL, randomUUID(), options.secret, { department, operation: { query, variables } });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SUBGRAPH_TOKEN_HEADER]: token },
        body: JSON.stringify({ query, variables }),
      }).catch(() => {
        throw departmentUnavailable(department);
      });
      if (UNAVAILABLE_HTTP_STATUSES.has(response.status)) throw departmentUnavailable(department);
      result = (await response.json()) as typeof result;
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
