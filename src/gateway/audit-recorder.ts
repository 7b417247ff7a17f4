import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../shared/context';
import { log } from '../shared/logging';
import { usccProblem } from '../shared/uscc';
import type { OperationSummary } from './operation-guard';
import type { AuditEntry, AuditOutcome, AuditTrailService } from './services/audit-trail.service';

/**
 * Root fields that read subject data: recorded even when they end up touching none (denied, unknown
 * codes, a draw whose services do not report the subjects it lists).
 */
const SUBJECT_ROOT_FIELDS = new Set(['enterprise', 'enterprises', 'inspectionDraw', 'measureSubjects', 'measureSubjectsConnection', 'searchEnterprises', 'creditNotice']);

/** An 18-character token shaped like a USCC (checked with `usccProblem` before it is recorded). */
const USCC_IN_TEXT = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g;

/** The request-level audit record of an operation and its outcome. */
function entryOf(ctx: HubContext, operation: OperationSummary, departments: Set<string>, result: { outcome: AuditOutcome; errorCodes: string[] }): AuditEntry {
  return {
    at: new Date(),
    requestId: ctx.requestId,
    principal: ctx.principal,
    operation,
    departments: [...departments].sort(),
    usccs: [...ctx.touchedUsccs],
    ...result,
  };
}

/**
 * Collects, per request, what the audit trail needs (the operation from the guard, the outcome from
 * Apollo, the USCCs from the services). A read's record is written before the answer leaves: a read
 * whose record cannot be written is answered INTERNAL instead of with data. A mutation's writes carry
 * their own records (the owners' outboxes, the gateway's for its admin mutations; see `finishWrite`).
 */
export class AuditRecorder {
  // Keyed by request id: Apollo hands plugins a shallow copy of the context, not our object.
  private readonly operations = new Map<string, OperationSummary>();
  private readonly outcomes = new Map<string, { outcome: AuditOutcome; errorCodes: string[] }>();

  constructor(
    private readonly audit: AuditTrailService,
    /** `Type.field` → owning departments (supergraph.ts fieldOwners). */
    private readonly owners: Map<string, string[]>,
    /**
     * True when every department runs in this process: a mutation's context then names every outbox
     * its writes filled (HubContext.auditOutboxesWritten). A department served over HTTP fills its
     * outbox out of this context's sight, so then every outbox is taken after each mutation.
     */
    private readonly writesSeenInContext: boolean,
  ) {}

  noteOperation(ctx: HubContext, operation: OperationSummary): void {
    this.operations.set(ctx.requestId, operation);
  }

  /** The outcome of a request Apollo did not serve (an HTTP route such as `/notices/<number>`). */
  noteOutcome(ctx: HubContext, outcome: AuditOutcome, errorCodes: string[] = []): void {
    this.outcomes.set(ctx.requestId, { outcome, errorCodes });
  }

  /** Apollo plugin: records each request's outcome and error codes. */
  plugin(): ApolloServerPlugin<HubContext> {
    const outcomes = this.outcomes;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, response }) {
            if (response.body.kind !== 'single') return;
            const { data, errors } = response.body.singleResult;
            const errorCodes = [...new Set((errors ?? []).map(({ extensions }) => (typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL')))].sort();
            const outcome: AuditOutcome = !errors?.length ? 'OK' : data ? 'PARTIAL' : 'FAILED';
            outcomes.set(contextValue.requestId, { outcome, errorCodes });
          },
        };
      },
    };
  }

  /**
   * Writes the request's record (keyed by `ctx.requestId`, the id of the request log line and the
   * `x-request-id` header) when it read or wrote subject data; resolves once stored, with the
   * request's outcome and error codes (for the request log).
   */
  async finish(ctx: HubContext): Promise<{ outcome: AuditOutcome; errorCodes: string[] }> {
    const operation = this.operations.get(ctx.requestId);
    const result = this.outcomes.get(ctx.requestId) ?? { outcome: 'FAILED' as const, errorCodes: [] };
    this.forget(ctx);
    if (!operation) return result;
    const readsSubjects =
      ctx.touchedUsccs.size > 0 || operation.type === 'mutation' || operation.topLevelFields.some((field) => SUBJECT_ROOT_FIELDS.has(field));
    if (!readsSubjects) return result;
    const departments = new Set(operation.coordinates.flatMap((coordinate) => this.owners.get(coordinate) ?? []));
    if (operation.type === 'mutation') {
      await this.finishWrite(ctx, operation, departments, result);
      return result;
    }
    await this.audit.record(entryOf(ctx, operation, departments, result));
    return result;
  }

  /**
   * A mutation's committed writes were recorded in their owners' outboxes (a department's, or the
   * gateway's for the admin mutations), in their transactions: they are taken into the chain now, and whatever this fails to take (the chain
   * writer's database down) the next pass takes. Only an attempt that did not fully succeed gets a
   * request-level record of its own (who tried what, refused with which codes). Neither may turn
   * the answer of a committed write into a failure: errors are logged, not thrown.
   */
  private async finishWrite(ctx: HubContext, operation: OperationSummary, departments: Set<string>, result: { outcome: AuditOutcome; errorCodes: string[] }): Promise<void> {
    const taking = this.audit.takeOutboxes(this.writesSeenInContext ? ctx.auditOutboxesWritten : undefined).catch((error: unknown) => log.warn('audit outbox not taken yet; the next pass takes it', { requestId: ctx.requestId, detail: String(error) }));
    // In one process the answer waits for its records to be chained. With departments over HTTP it does
    // not: the records are durable in the departments' outboxes already, and a stalled department must
    // not hold the answer of a write another department committed (the timer's pass takes them).
    if (this.writesSeenInContext) await taking;
    if (result.outcome === 'OK') return;
    await this.audit.record(entryOf(ctx, operation, departments, result)).catch((error: unknown) => log.error('audit record of a refused write could not be stored', { requestId: ctx.requestId, detail: String(error) }));
  }

  /**
   * A mutation answered from its Idempotency-Key (`replayedAnswer`): nothing ran, so no department
   * wrote a record, yet the caller is shown the first answer again, possibly under another stated
   * purpose (`x-access-purpose`) than the first request's. It gets a request-level record of its own:
   * this request's principal and purpose, the operation named "<name> (Idempotency-Key replay)", and
   * the subjects the replayed answer names (USCCs found in it). Stored before the answer leaves, like
   * a read's record.
   */
  async recordReplay(ctx: HubContext, operation: OperationSummary, replayedAnswer: string): Promise<void> {
    for (const candidate of replayedAnswer.match(USCC_IN_TEXT) ?? []) if (usccProblem(candidate) === null) ctx.touchedUsccs.add(candidate);
    const departments = new Set(operation.coordinates.flatMap((coordinate) => this.owners.get(coordinate) ?? []));
    const replay: OperationSummary = { ...operation, name: `${operation.name ?? 'mutation'} (Idempotency-Key replay)` };
    await this.audit.record(entryOf(ctx, replay, departments, { outcome: 'OK', errorCodes: [] }));
  }

  /** Drops what was collected for a request that ends without `finish`. */
  forget(ctx: HubContext): void {
    this.operations.delete(ctx.requestId);
    this.outcomes.delete(ctx.requestId);
  }
}
