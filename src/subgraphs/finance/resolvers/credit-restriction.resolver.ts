import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { CreditRestrictionService } from '../services/credit-restriction.service';
import { CreditRestriction } from '../types/credit-restriction.type';
import { FinanceEnterprise } from '../types/finance-enterprise.type';

/** What finance reads of a list entry: its dates in force, and the days the hub learnt of them (for `knownOn`). */
const LISTING = '{ listType documentNo listedOn removedOn recordedOn removalRecordedOn }';

@Resolver(() => FinanceEnterprise)
export class CreditRestrictionResolver {
  constructor(private readonly restrictions: CreditRestrictionService) {}

  @FieldResolver(() => CreditRestriction, {
    nullable: true,
    description:
      "The bank's answer on `asOf` (default today, or `knownOn` when given). With `knownOn`, what the hub answered on that day: the colour as then known (envCredit(knownOn:)), list entries and removals the hub learnt of later left out.",
  })
  // Issue 11 (list precedence): market supervision's entries, beside the credit office's.
  @Directive(`@requires(fields: "envColorNow { color from until } creditListingFacts ${LISTING} marketListingFacts ${LISTING}")`)
  creditRestriction(
    @Ctx() ctx: HubContext,
    @Root() enterprise: FinanceEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<CreditRestriction | null> {
    return this.restrictions.restrictionOf(ctx, enterprise, asOf ?? undefined, knownOn ?? undefined);
  }
}
