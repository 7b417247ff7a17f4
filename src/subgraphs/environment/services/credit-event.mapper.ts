import type { IsoDate } from '../../../shared/dates';
import type { CreditEventEntity } from '../entities/credit-event.entity';
import type { CreditEvent, PenaltySeverity } from '../types/credit-event.type';

/** The day an event was voided, in the hub's calendar (UTC, like `today()`). */
export function voidedOn(event: CreditEventEntity): IsoDate | null {
  return event.voidedAt ? new Date(event.voidedAt).toISOString().slice(0, 10) : null;
}

/** The GraphQL view of a stored event. */
export function toCreditEvent(row: CreditEventEntity): CreditEvent {
  return {
    id: String(row.id),
    type: row.type,
    occurredOn: row.occurredOn,
    servedOn: row.servedOn ?? null,
    points: row.points,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    decisionNo: row.decisionNo,
    description: row.description,
    knownOn: row.knownOn,
    voided: row.voidedAt !== null,
    voidReason: row.voidReason,
    voidedOn: voidedOn(row),
    publicUntil: row.publicityUntil ?? null,
    simpleProcedure: row.simpleProcedure,
    severity: row.severity as PenaltySeverity | null,
    severityReason: row.severityReason,
    entryDelayWorkingDays: row.entryDelayWorkingDays,
    recordedLate: row.recordedLate,
  };
}
