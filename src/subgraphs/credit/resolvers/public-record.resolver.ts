import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DEFAULT_LIST_PAGE } from '../../../shared/paging/cursor';
import type { HubContext } from '../../../shared/context';
import { PublicRecordService } from '../services/public-record.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { DishonestDebtorRecord, PenaltyRecord, PenaltyRecordConnection } from '../types/public-record.type';

@Resolver(() => CreditEnterprise)
export class PublicRecordResolver {
  constructor(private readonly records: PublicRecordService) {}

  @FieldResolver(() => [PenaltyRecord], { nullable: true, description: 'Administrative penalties from every agency, in the 双公示 format, oldest first.' })
  publicPenaltyRecords(@Ctx() ctx: HubContext, @Root() enterprise: CreditEnterprise): Promise<PenaltyRecord[]> {
    return this.records.penaltiesOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => PenaltyRecordConnection, { nullable: true, description: 'publicPenaltyRecords a page at a time (oldest first); `first` at most 1000.' })
  publicPenaltyRecordsConnection(
    @Ctx() ctx: HubContext,
    @Root() enterprise: CreditEnterprise,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_LIST_PAGE }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<PenaltyRecordConnection> {
    return this.records.penaltiesPage(ctx, enterprise.uscc, first, after);
  }

  @FieldResolver(() => [DishonestDebtorRecord], { nullable: true, description: 'Court dishonest-debtor records (失信被执行人), current and removed.' })
  dishonestDebtorRecords(@Ctx() ctx: HubContext, @Root() enterprise: CreditEnterprise): Promise<DishonestDebtorRecord[]> {
    return this.records.dishonestDebtorRecordsOf(ctx, enterprise.uscc);
  }
}
