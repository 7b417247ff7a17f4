import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
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
  /**
   * The DataSources whose `audit_outbox` this request's writes filled (writeTransaction adds them):
   * the gateway chains those outboxes after the mutation instead of polling every department's.
   * Only complete when every department runs in this process (see AuditRecorder).
   */
  auditOutboxesWritten: Set<DataSource>;
}

export function createContext(
  principal: Principal,
  requestId: string,
  subjectFacts: SubjectFacts | null = null,
  snapshot: ReadSnapshot = ReadSnapshot.none(),
): HubContext {
  return { principal, requestId, loaders: new Map(), touchedUsccs: new Set(), subjectFacts, snapshot, mutationField: null, auditOutboxesWritten: new Set() };
}

/**
 * Who a write the hub makes outside any request acts as: `ecocredit <command>` run by the
 * operator's login (`cli:<user>`), or the hub's own start-up (`hub:<name>`, the demo seed). They
 * act with the bureau's authority (the operator holds the database's credentials anyway).
 */
export function operatorPrincipal(command: string, purpose: string | null = null): Principal {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown'; // a container user without a passwd entry
  }
  return { clientId: `cli:${user}`, clientName: `ecocredit ${command}`, role: 'ENV_ADMIN', agency: null, districtCode: null, purpose };
}

/**
 * The context of writes made outside a request (the command line, the demo seed): a request id of
 * its own (`cli:<uuid>`), and `field` naming the command in the audit records of its writes
 * (`Command.clients.create`), as a mutation's root field does for a request, so that every committed
 * write is in the audit trail, whoever made it (writeTransaction, recordWriteInOutbox).
 */
export function commandContext(principal: Principal, field: string, subjectFacts: SubjectFacts | null = null, requestId = `cli:${randomUUID()}`): HubContext {
  return { ...createContext(principal, requestId, subjectFacts), mutationField: field };
}
