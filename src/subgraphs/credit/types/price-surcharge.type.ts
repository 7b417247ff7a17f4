import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../shared/paging/page-info.type';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { CreditEnterprise } from './credit-enterprise.type';

@ObjectType({ description: 'The price as first decided, when the deciding snapshot was corrected after it was stored (an objection upheld later; DOMAIN.md §10).' })
export class SurchargeCorrection {
  @Field(() => String, { description: 'The surcharge per unit as first decided, from the snapshot as taken.' })
  originalSurcharge: string;

  @Field(() => String)
  originalBasis: string;

  @Field(() => DateScalar, { description: 'The day of the correction; the corrected surcharge applies to what is billed from then.' })
  correctedOn: string;

  @Field(() => Int, { description: 'Whole months of the half-year that ended before the correction, billed at the original surcharge.' })
  monthsBilled: number;

  @Field(() => String, { nullable: true, description: 'Those months, YYYY-MM-DD/YYYY-MM-DD; null when none.' })
  billedPeriod: string | null;

  @Field(() => String, {
    description: 'Original minus corrected surcharge per unit (m³ or kWh), an exact decimal: owed back to the subject for every unit billed in billedPeriod when positive, owed by it when negative.',
  })
  differencePerUnit: string;
}

@ObjectType({ description: 'The sewage treatment fee surcharge for the half-year containing the asked date (DOMAIN.md §6).' })
export class SewageFee {
  @Field(() => String, { description: 'CNY per m³ on top of the normal fee, an exact decimal string ("0.60"); "0.00" is the normal fee.' })
  surchargePerCubicMetre: string;

  @Field(() => String, { description: 'The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD.' })
  period: string;

  @Field(() => String, { description: 'The snapshot colour and day that decide it, and the legal basis.' })
  basis: string;

  @Field(() => Boolean, {
    description: 'True while the deciding half-year snapshot has not been stored: the colour was derived and a back-dated event may still change the amount.',
  })
  provisional: boolean;

  @Field(() => SurchargeCorrection, { nullable: true, description: 'Set when the deciding snapshot was corrected after it was stored: the original price and the difference owed for the months already billed.' })
  correction: SurchargeCorrection | null;
}

@ObjectType({ description: 'The differential electricity price surcharge for the half-year containing the asked date (DOMAIN.md §6).' })
export class ElectricitySurcharge {
  @Field(() => String, { description: 'CNY per kWh, an exact decimal string ("0.05"); "0.00" is the normal price.' })
  surchargePerKwh: string;

  @Field(() => String, { description: 'The half-year it applies to, YYYY-MM-DD/YYYY-MM-DD.' })
  period: string;

  @Field(() => String)
  basis: string;

  @Field(() => Boolean, { description: 'As for SewageFee.provisional.' })
  provisional: boolean;

  @Field(() => SurchargeCorrection, { nullable: true, description: 'As for SewageFee.correction.' })
  correction: SurchargeCorrection | null;
}

@ObjectType({ description: 'A subject on the half-year price list: its surcharges for the half-year (as sewageFee and electricitySurcharge answer them) and the deciding snapshot.' })
export class PriceSurchargeEntry {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => CreditEnterprise, { description: 'The subject, for its name and other fields the caller may read.' })
  enterprise: CreditEnterprise;

  @Field(() => String, { description: 'The half-year, YYYY-MM-DD/YYYY-MM-DD.' })
  period: string;

  @Field(() => DateScalar, { description: 'The deciding snapshot day (the last day of the half-year before).' })
  snapshotDay: string;

  @Field(() => CreditColor)
  snapshotColor: CreditColor;

  @Field(() => Int, { description: 'RED snapshots in a row ending with the deciding one.' })
  consecutiveRed: number;

  @Field(() => SewageFee)
  sewageFee: SewageFee;

  @Field(() => ElectricitySurcharge)
  electricitySurcharge: ElectricitySurcharge;

  @Field(() => Boolean, { description: 'True while the deciding snapshot has not been stored (derived colour).' })
  provisional: boolean;
}

@ObjectType()
export class PriceSurchargeEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => PriceSurchargeEntry)
  node: PriceSurchargeEntry;
}

@ObjectType({ description: 'The half-year price list, paged by code.' })
export class PriceSurchargeConnection {
  @Field(() => [PriceSurchargeEdge])
  edges: PriceSurchargeEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Subjects on the whole list (in the caller\'s row scope).' })
  totalCount: number;
}
