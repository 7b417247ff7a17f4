import { Directive, Field, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../../shared/scalars';
import { RequiredColorPeriod, RequiredCreditListing } from './required-facts.type';

/**
 * Finance's part of the `Enterprise` entity. The colour timeline and the credit listings are other
 * departments' data, supplied by the gateway through `@requires`.
 */
@ObjectType('Enterprise')
@Directive('@key(fields: "uscc")')
export class FinanceEnterprise {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => [RequiredColorPeriod], { nullable: true })
  @Directive('@external')
  envColorTimeline?: RequiredColorPeriod[] | null;

  @Field(() => [RequiredCreditListing], { nullable: true })
  @Directive('@external')
  creditListings?: RequiredCreditListing[] | null;
}
