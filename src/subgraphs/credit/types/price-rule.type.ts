import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar } from '../../../shared/scalars';
import { PriceKind } from './measure.type';

@ObjectType({ description: 'A differential-price rule (credit.price_surcharge, DOMAIN.md §6): the surcharge for a half-year whose deciding snapshot matches.' })
export class PriceSurchargeRule {
  @Field(() => PriceKind)
  priceKind: PriceKind;

  @Field(() => CreditColor)
  snapshotColor: CreditColor;

  @Field(() => Int, { description: 'For RED: how many RED snapshots in a row it needs (1 first time, 2 for the repeated-RED rate).' })
  minConsecutiveRed: number;

  @Field(() => String, { description: 'CNY per unit, an exact decimal string ("0.60").' })
  amount: string;

  @Field(() => String, { description: 'CNY/m3 or CNY/kWh.' })
  unit: string;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar, { description: 'A half-year is priced by the versions in force on its first day.' })
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive; null while in force.' })
  effectiveTo: string | null;
}

@InputType({
  description:
    'CREDIT_OFFICE: a new version of the surcharge for (priceKind, snapshotColor, minConsecutiveRed) from a day after today; the version in force then ends there. "0.00" ends a surcharge.',
})
export class SetPriceSurchargeInput {
  @Field(() => PriceKind)
  priceKind: PriceKind;

  @Field(() => CreditColor)
  snapshotColor: CreditColor;

  @Field(() => Int, { defaultValue: 0 })
  minConsecutiveRed: number;

  @Field(() => String, { description: 'CNY per unit, a decimal with at most 2 places ("1.00").' })
  amount: string;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;
}
