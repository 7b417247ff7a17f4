import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The sewage treatment fee surcharge for the half-year containing the asked date (DOMAIN.md §6).' })
export class SewageFee {
  @Field(() => String, { description: 'CNY per m³ on top of the normal fee, an exact decimal string ("0.60"); "0.00" is the normal fee.' })
  surchargePerCubicMetre: string;

  @Field(() => String, { description: 'The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD.' })
  period: string;

  @Field(() => String, { description: 'The snapshot colour and day that decide it, and the legal basis.' })
  basis: string;
}

@ObjectType({ description: 'The differential electricity price surcharge for the half-year containing the asked date (DOMAIN.md §6).' })
export class ElectricitySurcharge {
  @Field(() => String, { description: 'CNY per kWh, an exact decimal string ("0.05"); "0.00" is the normal price.' })
  surchargePerKwh: string;

  @Field(() => String, { description: 'The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD.' })
  period: string;

  @Field(() => String)
  basis: string;
}
