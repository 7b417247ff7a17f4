import type { EntityManager } from 'typeorm';
import type { HubContext } from '../context';
import { AuditOutboxEntity } from './audit-outbox.entity';

/**
 * Writes the audit record of the client mutation `ctx` is executing into the department's outbox,
 * through `manager`, i.e. inside the mutation's own transaction (writeTransaction calls it last):
 * the write and its record commit together, or neither does. Nothing is written outside a client
 * mutation (`ctx.mutationField` null: seeding, imports, reads' side writes), which the request-level
 * audit or the CLI's log covers.
 */
export async function recordWriteInOutbox(ctx: HubContext, manager: EntityManager): Promise<void> {
  if (!ctx.mutationField) return;
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
}
