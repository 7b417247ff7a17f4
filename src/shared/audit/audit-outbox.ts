import type { DataSource, EntityManager } from 'typeorm';
import type { HubContext } from '../context';
import { AuditOutboxEntity } from './audit-outbox.entity';

/**
 * Writes the audit record of the client mutation `ctx` is executing into the department's outbox,
 * through `manager`, i.e. inside the mutation's own transaction (writeTransaction calls it last):
 * the write and its record commit together, or neither does. Nothing is written outside a client
 * mutation (`ctx.mutationField` null: seeding, imports, reads' side writes), which the request-level
 * audit or the CLI's log covers. True when it wrote a record.
 */
export async function recordWriteInOutbox(ctx: HubContext, manager: EntityManager): Promise<boolean> {
  if (!ctx.mutationField) return false;
  const { principal } = ctx;
  await manager.getRepository(AuditOutboxEntity).insert({
    requestId: ctx.requestId,
    clientId: principal.clientId,
    clientName: principal.clientName,
    role: principal.role,
    agency: principal.agency ?? null,
    districtCode: principal.districtCode ?? null,
    purpose: principal.purpose ?? null,
    field: ctx.mutationField,
    usccs: [...ctx.touchedUsccs].sort(),
  });
  return true;
}

/**
 * The channel a process that wrote outbox rows outside a request (`ecocredit import`, `seed`,
 * `clients`) notifies once it is done, so that a running gateway chains them at once
 * (AuditOutboxListener) rather than at its next mutation or start.
 */
export const AUDIT_OUTBOX_CHANNEL = 'ecocredit_audit_outbox';

/** Tells a listening gateway that outbox rows wait. Best effort: without a listener they wait for its next start. */
export async function notifyAuditWriter(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT pg_notify($1, $2)', [AUDIT_OUTBOX_CHANNEL, '']);
}
