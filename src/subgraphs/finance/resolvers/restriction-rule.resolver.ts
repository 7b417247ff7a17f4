import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { DateScalar } from '../../../shared/scalars';
import { RestrictionRuleService } from '../services/restriction-rule.service';
import { RestrictionRule, SetRestrictionRuleInput } from '../types/restriction-rule.type';

/** The bank restriction table (finance.restriction_rule): published with its legal basis, changed from a future day. */
@Resolver()
export class RestrictionRuleResolver {
  constructor(private readonly rules: RestrictionRuleService) {}

  @Query(() => [RestrictionRule], { description: 'The bank restriction rules in force on `asOf` (default today).' })
  restrictionRules(@Ctx() ctx: HubContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string): Promise<RestrictionRule[]> {
    return this.rules.rulesOn(ctx, asOf ?? today());
  }

  @Mutation(() => RestrictionRule, { nullable: true, description: 'CREDIT_OFFICE: a new version of a bank restriction rule from a day after today (audited); null when level NONE ended it.' })
  setRestrictionRule(@Ctx() ctx: HubContext, @Arg('input', () => SetRestrictionRuleInput) input: SetRestrictionRuleInput): Promise<RestrictionRule | null> {
    return this.rules.set(ctx, input);
  }
}
