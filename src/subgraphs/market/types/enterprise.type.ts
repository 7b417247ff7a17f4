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

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether districtCode is one of the city's districts; false flags a registration whose division code names another city (DOMAIN.md §10).",
  })
  districtInCity: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the name begins with =, +, -, @, a tab or a carriage return, which a spreadsheet reads as a formula: such a name is accepted as registered and flagged here; the hub's CSV files write it as text with a leading ' (docs/security.md).",
  })
  nameLooksLikeFormula: boolean | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE, SUSPENDED, REVOKED or CANCELLED.' })
  registrationStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Industry code of GB/T 4754.' })
  industryCode: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentative: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentativeIdNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Type of entity as registered, e.g. 有限责任公司.' })
  enterpriseType: string | null;

  @Field(() => String, { nullable: true, description: 'Registered capital in CNY, an exact decimal string such as "5000000.00".' })
  registeredCapital: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Founding (registration) date.' })
  registeredOn: string | null;

  @Field(() => String, { nullable: true, description: 'Registered address.' })
  address: string | null;

  @Field(() => [MarketListing], { nullable: true })
  marketListings?: MarketListing[];

  /** The same entries for other departments' `@requires` (gateway only): every caller's answer may depend on them. */
  @Field(() => [MarketListing], { nullable: true })
  @Directive('@inaccessible')
  marketListingFacts?: MarketListing[];
}
