import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { DateScalar } from '../../../shared/scalars';
import { CreditRestrictionService } from '../services/credit-restriction.service';
import { CreditRestriction } from '../types/credit-restriction.type';
import { FinanceEnterprise } from '../types/finance-enterprise.type';

@Resolver(() => FinanceEnterprise)
export class CreditRestrictionResolver {
  constructor(private readonly restrictions: CreditRestrictionService) {}

  @FieldResolver(() => CreditRestriction, { nullable: true, description: "The bank's answer on `asOf` (default today)." })
  @Directive('@requires(fields: "envColorNow { color from until } creditListingFacts { listType documentNo listedOn removedOn }")')
  creditRestriction(
    @Ctx() ctx: HubContext,
    @Root() enterprise: FinanceEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<CreditRestriction | null> {
    return this.restrictions.restrictionOf(ctx, enterprise, asOf ?? today());
  }
}
