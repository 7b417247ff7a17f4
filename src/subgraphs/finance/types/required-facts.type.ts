import { Directive, Field, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { CreditListType, MarketListType } from '../../../shared/list-types';
import { DateScalar } from '../../../shared/scalars';

/** The environment's colour period, as finance receives it through `@requires`. */
@ObjectType('ColorPeriod')
@Directive('@shareable')
@Directive('@inaccessible')
export class RequiredColorPeriod {
  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar, { nullable: true })
  until: string | null;
}

/**
 * The environment's current colour period (colour, since, next possible change), as finance receives
 * it through `@requires`: enough for a restriction on any date inside it.
 */
@ObjectType('CurrentColorPeriod')
@Directive('@shareable')
@Directive('@inaccessible')
export class RequiredCurrentColorPeriod {
  @Field(() => CreditColor, { nullable: true })
  color: CreditColor | null;

  @Field(() => DateScalar, { nullable: true })
  from: string | null;

  @Field(() => DateScalar, { nullable: true })
  until: string | null;
}

/** The credit office's designation, as finance receives it through `@requires`. */
@ObjectType('CreditListing')
@Directive('@shareable')
export class RequiredCreditListing {
  @Field(() => CreditListType)
  listType: CreditListType;

  @Field(() => String, { nullable: true })
  documentNo: string | null;

  @Field(() => DateScalar)
  listedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removedOn: string | null;

  @Field(() => DateScalar)
  recordedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removalRecordedOn: string | null;
}

/** Market supervision's list entry, as finance receives it through `@requires` (for list precedence and reward suspension). */
@ObjectType('MarketListing')
@Directive('@shareable')
export class RequiredMarketListing {
  @Field(() => MarketListType)
  listType: MarketListType;

  @Field(() => String, { nullable: true })
  documentNo: string | null;

  @Field(() => DateScalar)
  listedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removedOn: string | null;

  @Field(() => DateScalar)
  recordedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removalRecordedOn: string | null;
}
