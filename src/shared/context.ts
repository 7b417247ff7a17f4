import type DataLoader from 'dataloader';
import type { Principal } from './auth/principal';
import type { SubjectFacts } from './auth/subject-scope';
import { ReadSnapshot } from './read-snapshot';

/**
 * What every resolver receives. Built once per request by the gateway; in-process subgraphs share
 * it, subgraphs reached over HTTP rebuild it from the gateway's signed token.
 */
export interface HubContext {
  principal: Principal;
  requestId: string;
  /** Per-request DataLoaders, keyed by `<department>:<name>`; never shared between requests. */
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /** USCCs this request touched, for the audit trail. */
  touchedUsccs: Set<string>;
  /** Other departments' facts for row scope (district, rated); null = scoped callers see nothing. */
  subjectFacts: SubjectFacts | null;
  /** The request's consistent read (see ReadSnapshot); loaders read through `readManager(ctx, …)`. */
  snapshot: ReadSnapshot;
  /**
   * The root mutation field being executed (`Mutation.recordCreditEvent`), set around each mutation
   * resolver by the subgraph (federation.ts); its writes' audit records name it. Null otherwise.
   */
  mutationField: string | null;
}

export function createContext(
  principal: Principal,
  requestId: string,
  subjectFacts: SubjectFacts | null = null,
  snapshot: ReadSnapshot = ReadSnapshot.none(),
): HubContext {
  return { principal, requestId, loaders: new Map(), touchedUsccs: new Set(), subjectFacts, snapshot, mutationField: null };
}
