import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { DateScalar } from '../../../shared/scalars';
import { PriceRuleService } from '../services/price-rule.service';
import { PriceSurchargeRule, SetPriceSurchargeInput } from '../types/price-rule.type';

/** The surcharge table (credit.price_surcharge): published with its legal basis, changed from a future day. */
@Resolver()
export class PriceRuleResolver {
  constructor(private readonly rules: PriceRuleService) {}

  @Query(() => [PriceSurchargeRule], { description: 'The differential-price rules in force on `asOf` (default today).' })
  priceSurchargeRules(@Ctx() ctx: HubContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string): Promise<PriceSurchargeRule[]> {
    return this.rules.rulesOn(ctx, asOf ?? today());
  }

  @Mutation(() => PriceSurchargeRule, { description: 'CREDIT_OFFICE: a new version of a surcharge from a day after today (audited).' })
  setPriceSurcharge(@Ctx() ctx: HubContext, @Arg('input', () => SetPriceSurchargeInput) input: SetPriceSurchargeInput): Promise<PriceSurchargeRule> {
    return this.rules.set(ctx, input);
  }
}
