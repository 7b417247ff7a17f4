import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { DateScalar } from '../../../shared/scalars';
import { PriceSurchargeService } from '../services/price-surcharge.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { ElectricitySurcharge, SewageFee } from '../types/price-surcharge.type';

const SNAPSHOTS = '@requires(fields: "envHalfYearSnapshots { periodEnd color consecutiveRed }")';

@Resolver(() => CreditEnterprise)
export class PriceSurchargeResolver {
  constructor(private readonly prices: PriceSurchargeService) {}

  @FieldResolver(() => SewageFee, {
    nullable: true,
    description: 'Sewage-fee surcharge for the half-year containing `asOf` (default today); null when not rated or the deciding snapshot is still ahead.',
  })
  @Directive(SNAPSHOTS)
  sewageFee(
    @Ctx() ctx: HubContext,
    @Root() enterprise: CreditEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<SewageFee | null> {
    return this.prices.sewageFeeOf(ctx, enterprise, asOf ?? today());
  }

  @FieldResolver(() => ElectricitySurcharge, {
    nullable: true,
    description: 'Differential electricity surcharge for the half-year containing `asOf` (default today); null as for sewageFee.',
  })
  @Directive(SNAPSHOTS)
  electricitySurcharge(
    @Ctx() ctx: HubContext,
    @Root() enterprise: CreditEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<ElectricitySurcharge | null> {
    return this.prices.electricitySurchargeOf(ctx, enterprise, asOf ?? today());
  }
}
