import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';
import { MeasureKind, MeasureNature, MeasureTriggerKind, PriceKind } from './measure.type';

@InputType({
  description:
    'CREDIT_OFFICE: a new version of a measure from `effectiveFrom` on. A version of the same code in force that day ends there; earlier history stays.',
})
export class DefineMeasureInput {
  @Field(() => String, { description: 'Upper-case code, e.g. BANK_CREDIT_RESTRICTION.' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => MeasureNature)
  nature: MeasureNature;

  @Field(() => MeasureKind)
  kind: MeasureKind;

  @Field(() => MeasureTriggerKind)
  triggerKind: MeasureTriggerKind;

  @Field(() => [String])
  triggerValues: string[];

  @Field(() => String)
  implementingAgency: string;

  @Field(() => String, { description: 'BANK, UTILITY, ENVIRONMENT, MARKET_SUPERVISION, …' })
  agencyKind: string;

  @Field(() => PriceKind, { nullable: true, description: 'Makes it a price measure, following the half-year snapshot (see Measure.priceKind).' })
  priceKind?: PriceKind | null;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo?: string | null;
}
