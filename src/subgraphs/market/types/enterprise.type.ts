import { Directive, Field, ObjectType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { MarketListing } from './market-listing.type';

/** Market supervision's part of the `Enterprise` entity: the registration. */
@ObjectType('Enterprise')
@Directive('@key(fields: "uscc")')
export class MarketEnterprise {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Administrative division code of the registration, e.g. 320706.' })
  districtCode: string;

  @Field(() => String, { nullable: true, description: 'ACTIVE, SUSPENDED, REVOKED or CANCELLED.' })
  registrationStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Industry code of GB/T 4754.' })
  industryCode: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentative: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentativeIdNumber: string | null;

  @Field(() => DateScalar, { nullable: true })
  registeredOn: string | null;

  @Field(() => [MarketListing], { nullable: true })
  marketListings?: MarketListing[];
}
