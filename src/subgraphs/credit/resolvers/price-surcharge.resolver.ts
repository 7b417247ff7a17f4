import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { PriceSurchargeService } from '../services/price-surcharge.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { ElectricitySurcharge, PriceSurchargeConnection, SewageFee } from '../types/price-surcharge.type';

/** The deciding snapshots; shared with jointMeasures (price measures), so the two read the same facts. */
export const SNAPSHOT_FIELDS = 'envHalfYearSnapshots { periodEnd color consecutiveRed stored correctedOn originalColor originalConsecutiveRed }';
const SNAPSHOTS = `@requires(fields: "${SNAPSHOT_FIELDS}")`;

@Resolver(() => CreditEnterprise)
export class PriceSurchargeResolver {
  constructor(private readonly prices: PriceSurchargeService) {}

  @Query(() => PriceSurchargeConnection, {
    description:
      'UTILITY, CREDIT_OFFICE, ENV_ADMIN: everyone with a sewage-fee or electricity surcharge for a half-year ("2026-H2", or "2026-07-01/2026-12-31"), by code, with the deciding snapshot and basis; exactly what sewageFee and electricitySurcharge answer for each. Refused while the deciding snapshot day has not passed.',
  })
  priceSurcharges(
    @Ctx() ctx: HubContext,
    @Arg('period', () => String) period: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<PriceSurchargeConnection> {
    return this.prices.connection(ctx, period, first, after ?? null);
  }

  @FieldResolver(() => SewageFee, {
    nullable: true,
    description:
      'Sewage-fee surcharge for the half-year containing `asOf` (default today, or `knownOn` when given); null when not rated or the deciding snapshot is still ahead. With `knownOn`, what the hub answered that day: the snapshot version stored by then (corrections stored later left out; one not stored yet derived from the colour as then known), and null for a half-year whose snapshot day had not passed.',
  })
  @Directive(SNAPSHOTS)
  sewageFee(
    @Ctx() ctx: HubContext,
    @Root() enterprise: CreditEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<SewageFee | null> {
    return this.prices.sewageFeeOf(ctx, enterprise, asOf ?? undefined, knownOn ?? undefined);
  }

  @FieldResolver(() => ElectricitySurcharge, {
    nullable: true,
    description: 'Differential electricity surcharge for the half-year containing `asOf` (default today, or `knownOn` when given); null, and `knownOn`, as for sewageFee.',
  })
  @Directive(SNAPSHOTS)
  electricitySurcharge(
    @Ctx() ctx: HubContext,
    @Root() enterprise: CreditEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<ElectricitySurcharge | null> {
    return this.prices.electricitySurchargeOf(ctx, enterprise, asOf ?? undefined, knownOn ?? undefined);
  }
}
