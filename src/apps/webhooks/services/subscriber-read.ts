import type { Principal } from '../../../shared/auth/principal';

/**
 * Reads subjects as a subscriber, through the gateway (the permission table, row scope and federation
 * as for any request of that principal) with `enterprises(usccs:)`: one answer per code, in order,
 * null for a subject outside the subscriber's scope. The relay reads a batch's subjects in one such
 * call per subscriber, so its statements do not grow with the number of subjects.
 */
export type SubscriberRead = (principal: Principal, query: string, variables: { usccs: string[]; before?: string; known?: string; on?: string }) => Promise<(Record<string, unknown> | null)[]>;

/**
 * Any read through the gateway as `principal` (the permission table, row scope and federation as for
 * a request), answering its data; an answer with errors is thrown (the job asking retries later).
 */
export type HubRead = (principal: Principal, query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Codes per read: within the gateway's list limit for one request. */
export const READ_CHUNK = 500;

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
