import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { AnnualReportService } from '../services/annual-report.service';
import { AnnualSupervisionReport } from '../types/annual-report.type';

@Resolver()
export class AnnualReportResolver {
  constructor(private readonly reports: () => AnnualReportService) {}

  @Query(() => AnnualSupervisionReport, { description: 'ENV_ADMIN, CREDIT_OFFICE: the yearly summary of credit supervision for `year`, every figure with the subjects behind it.' })
  annualSupervisionReport(@Ctx() ctx: HubContext, @Arg('year', () => Int) year: number): Promise<AnnualSupervisionReport> {
    return this.reports().build(ctx.principal, year);
  }
}
