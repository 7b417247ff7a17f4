import { Directive, Field, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../../shared/scalars';
import { ResponsiblePerson } from '../../../shared/responsible-person';
import { RequiredColorPeriod, RequiredHalfYearSnapshot, RequiredMarketListing } from './required-facts.type';

/**
 * The credit office's part of the `Enterprise` entity. The colour timeline, the half-year snapshots
 * and market supervision's list entries are other departments' data, supplied by the gateway
 * through `@requires` (never read from their tables).
 */
@ObjectType('Enterprise')
@Directive('@key(fields: "uscc")')
export class CreditEnterprise {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => [RequiredColorPeriod], { nullable: true })
  @Directive('@external')
  envColorTimeline?: RequiredColorPeriod[] | null;

  @Field(() => [RequiredHalfYearSnapshot], { nullable: true })
  @Directive('@external')
  envHalfYearSnapshots?: RequiredHalfYearSnapshot[] | null;

  @Field(() => [RequiredMarketListing], { nullable: true })
  @Directive('@external')
  marketListingFacts?: RequiredMarketListing[] | null;

  @Field(() => [ResponsiblePerson], { nullable: true })
  @Directive('@external')
  envPenaltyPersons?: ResponsiblePerson[] | null;

  @Field(() => String, { nullable: true })
  @Directive('@external')
  legalRepresentativeIdFact?: string | null;
}
