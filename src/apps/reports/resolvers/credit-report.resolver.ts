import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { CreditReportService } from '../services/credit-report.service';
import { CreditReport } from '../types/credit-report.type';

@Resolver()
export class CreditReportResolver {
  constructor(private readonly reports: () => CreditReportService) {}

  @Mutation(() => CreditReport, {
    description: 'ENV_ADMIN, CREDIT_OFFICE, MARKET_REGULATOR, BANK, PUBLIC_AGENCY: issue a signed credit report of a subject as of a date (default today), holding what the caller may read, for a purpose its role may state.',
  })
  issueCreditReport(
    @Ctx() ctx: HubContext,
    @Arg('uscc', () => UsccScalar) uscc: string,
    @Arg('purpose', () => String) purpose: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<CreditReport> {
    return this.reports().issue(ctx, { uscc, asOf: asOf ?? null, purpose });
  }

  @Query(() => CreditReport, { nullable: true, description: 'A report as issued; null when unknown or issued to another client (ENV_ADMIN and CREDIT_OFFICE read any).' })
  creditReport(@Ctx() ctx: HubContext, @Arg('number', () => String) number: string): Promise<CreditReport | null> {
    return this.reports().find(ctx, number);
  }
}
