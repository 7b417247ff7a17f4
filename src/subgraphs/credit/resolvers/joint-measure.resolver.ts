import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { DateScalar } from '../../../shared/scalars';
import { JointMeasureService } from '../services/joint-measure.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { AppliedMeasure } from '../types/measure.type';

@Resolver(() => CreditEnterprise)
export class JointMeasureResolver {
  constructor(private readonly measures: JointMeasureService) {}

  @FieldResolver(() => [AppliedMeasure], {
    nullable: true,
    description: 'The joint rewards and punishments that apply on `asOf` (default today), and why. Banks and utilities see their own measures only.',
  })
  @Directive('@requires(fields: "envColorTimeline { color from until } marketListingFacts { listType authority documentNo listedOn removedOn }")')
  jointMeasures(
    @Ctx() ctx: HubContext,
    @Root() enterprise: CreditEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<AppliedMeasure[]> {
    return this.measures.measuresOf(ctx, enterprise, asOf ?? today());
  }
}
