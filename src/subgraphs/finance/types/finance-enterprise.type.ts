import { Directive, Field, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../../shared/scalars';
import { RequiredCreditListing, RequiredCurrentColorPeriod } from './required-facts.type';

/**
 * Finance's part of the `Enterprise` entity. The current colour period and the credit listings are
 * other departments' data, supplied by the gateway through `@requires`.
 */
@ObjectType('Enterprise')
@Directive('@key(fields: "uscc")')
export class FinanceEnterprise {
  @Field(() => UsccScalar)
  uscc: string;

  /** Null when the subject is not rated (or not in the caller's scope). */
  @Field(() => RequiredCurrentColorPeriod, { nullable: true })
  @Directive('@external')
  envColorNow?: RequiredCurrentColorPeriod | null;

  // The credit office's gateway-only copy of `creditListings`: a caller who may not read the
  // listings (UTILITY, ENV_OFFICER) must not get a FORBIDDEN error from the gateway's @requires fetch.
  @Field(() => [RequiredCreditListing], { nullable: true })
  @Directive('@external')
  creditListingFacts?: RequiredCreditListing[] | null;
}
