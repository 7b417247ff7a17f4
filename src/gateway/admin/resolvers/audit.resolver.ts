import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { badInput } from '../../../shared/errors';
import { AuditTrailService } from '../../services/audit-trail.service';
import { AuditChainReport, AuditLogFilter, AuditRecord } from '../types/audit-record.type';

function instant(value: string | null | undefined, name: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput(`${name} "${value}" is not an ISO 8601 timestamp`);
  return date;
}

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditTrailService) {}

  @Query(() => [AuditRecord], { description: 'ENV_ADMIN: the audit trail, newest first; a department: who read its data.' })
  async auditLog(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
  ): Promise<AuditRecord[]> {
    const rows = await this.audit.searchAs(ctx, { ...filter, from: instant(filter?.from, 'from'), to: instant(filter?.to, 'to') }, limit ?? 100);
    return rows.map((row) => ({ ...row, id: String(row.id), at: row.at.toISOString() }));
  }

  @Query(() => AuditChainReport, { description: 'ENV_ADMIN: recomputes the hash chain and reports the first broken record.' })
  verifyAuditChain(): Promise<AuditChainReport> {
    return this.audit.verifyChain();
  }
}
