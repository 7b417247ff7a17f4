import { Field, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { MaskPersonalData } from '../../../shared/personal-data';
import { DateScalar } from '../../../shared/scalars';

export enum MeasureNature {
  REWARD = 'REWARD',
  PUNISHMENT = 'PUNISHMENT',
}
registerEnumType(MeasureNature, { name: 'MeasureNature' });

export enum MeasureKind {
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  MARKET = 'MARKET',
  INDUSTRY = 'INDUSTRY',
  SOCIAL = 'SOCIAL',
}
registerEnumType(MeasureKind, { name: 'MeasureKind', description: 'Administrative, market, industry or social measure (DOMAIN.md §5).' });

export enum MeasureTriggerKind {
  COLOR = 'COLOR',
  LISTING = 'LISTING',
}
registerEnumType(MeasureTriggerKind, {
  name: 'MeasureTriggerKind',
  description: 'COLOR: triggered by an environmental credit colour; LISTING: by an entry on a named credit-office or market list.',
});

export enum PriceKind {
  SEWAGE = 'SEWAGE',
  ELECTRICITY = 'ELECTRICITY',
}
registerEnumType(PriceKind, { name: 'PriceKind', description: 'SEWAGE: the sewage treatment fee surcharge (per m³); ELECTRICITY: the differential electricity price (per kWh).' });

@ObjectType({ description: 'A row of the joint rewards and punishments catalogue (DOMAIN.md §5).' })
export class Measure {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => MeasureNature)
  nature: MeasureNature;

  @Field(() => MeasureKind)
  kind: MeasureKind;

  @Field(() => MeasureTriggerKind)
  triggerKind: MeasureTriggerKind;

  @Field(() => [String], { description: 'Colours (GREEN … BLACK) or list types (SERIOUS_DISHONESTY, SERIOUS_ILLEGAL_DISHONEST, …).' })
  triggerValues: string[];

  @Field(() => String)
  implementingAgency: string;

  @Field(() => String, { description: 'BANK, UTILITY, ENVIRONMENT, …: which partners see and report on the measure.' })
  agencyKind: string;

  @Field(() => PriceKind, {
    nullable: true,
    description: 'Set for a price measure: it applies exactly when that surcharge for the half-year, decided by the half-year snapshot before it, is above the normal price (DOMAIN.md §6), not by today\'s colour.',
  })
  priceKind: PriceKind | null;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive; null while in force.' })
  effectiveTo: string | null;
}

@ObjectType({ description: 'A measure that applies to a subject on a date, and why.' })
export class AppliedMeasure {
  @Field(() => Measure)
  measure: Measure;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { description: 'The colour and its period, or the list entry with its document number, that triggers it.' })
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: 'Since when it applies without interruption.' })
  since: string | null;
}
