import type { ApolloServer } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '../shared/auth/principal';
import type { SubjectFacts } from '../shared/auth/subject-scope';
import { createContext, type HubContext } from '../shared/context';
import { ReadSnapshot } from '../shared/read-snapshot';
import type { AuditRecorder } from './audit-recorder';

export interface ApiError {
  message: string;
  path?: readonly (string | number)[];
  code: string;
}

export interface ApiAnswer<T> {
  data: T | null;
  errors: ApiError[];
}

/**
 * The hub's own client-facing GraphQL API, executed in-process under a given principal. Reports,
 * exports and the webhook jobs read through it rather than from tables: the gateway plans the query,
 * each department answers its part, and the permission layer (shield, row scope) decides what the
 * principal gets, exactly as it decides what the same principal would get over HTTP.
 */
export interface HubApi {
  execute<T>(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<ApiAnswer<T>>;
}

/**
 * The API of a running gateway: one read snapshot per execution, like a partner's query. Not audited
 * as a read of its own: the caller's request (a report's issuance, an export) is the audited one, or
 * the job audits what it does with the answer (a webhook delivery). `label` names the executions in
 * request ids (`report:<uuid>`).
 */
export function inProcessApi(options: { apollo: ApolloServer<HubContext>; subjectFacts: SubjectFacts; snapshotSource: DataSource; recorder: AuditRecorder; label: string }): HubApi {
  return {
    async execute<T>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<ApiAnswer<T>> {
      const ctx = createContext(principal, `${options.label}:${randomUUID()}`, options.subjectFacts, new ReadSnapshot(options.snapshotSource));
      try {
        const response = await options.apollo.executeOperation<T>({ query, variables }, { contextValue: ctx });
        if (response.body.kind !== 'single') throw new Error(`the hub API answered an incremental response to a ${options.label} query`);
        const { data, errors } = response.body.singleResult;
        return {
          data: (data ?? null) as T | null,
          errors: (errors ?? []).map((error) => ({ message: error.message, path: error.path, code: typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL' })),
        };
      } finally {
        // The plugin releases the snapshot when the answer is complete; again here (idempotent) so that no path leaks the connection.
        await ctx.snapshot.release();
        options.recorder.forget(ctx);
      }
    },
  };
}

/**
 * Reports are built by services that exist before the gateway does (they are resolvers of the
 * gateway's own subgraph, which the gateway composes): the API is bound once the gateway has started.
 */
export class LateBoundApi implements HubApi {
  private target: HubApi | null = null;

  bind(target: HubApi): void {
    this.target = target;
  }

  execute<T>(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<ApiAnswer<T>> {
    if (!this.target) throw new Error('the hub API is not started: reports need a running gateway');
    return this.target.execute<T>(principal, query, variables);
  }
}
