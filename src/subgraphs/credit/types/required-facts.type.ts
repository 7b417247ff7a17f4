import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { MarketListType } from '../../../shared/list-types';
import { DateScalar } from '../../../shared/scalars';

/** The environment's colour period, as the credit office receives it through `@requires`. */
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

/** The environment's half-year snapshot, as the credit office receives it through `@requires`. */
@ObjectType('HalfYearSnapshot')
@Directive('@shareable')
@Directive('@inaccessible')
export class RequiredHalfYearSnapshot {
  @Field(() => DateScalar)
  periodEnd: string;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int)
  consecutiveRed: number;

  /** False when derived (not stored yet): a price resting on it is provisional. */
  @Field(() => Boolean)
  stored: boolean;

  /** Set when a corrected version replaced the snapshot as taken; with the original values. */
  @Field(() => DateScalar, { nullable: true })
  correctedOn: string | null;

  @Field(() => CreditColor, { nullable: true })
  originalColor: CreditColor | null;

  @Field(() => Int, { nullable: true })
  originalConsecutiveRed: number | null;
}

/** Market supervision's list entry, as the credit office receives it through `@requires`. */
@ObjectType('MarketListing')
@Directive('@shareable')
export class RequiredMarketListing {
  @Field(() => MarketListType)
  listType: MarketListType;

  @Field(() => String)
  authority: string;

  @Field(() => String, { nullable: true })
  documentNo: string | null;

  @Field(() => DateScalar)
  listedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removedOn: string | null;

  /** The days the hub learnt of the entry and of its removal, for `jointMeasures(knownOn:)` (DOMAIN.md §10 known-on dates). */
  @Field(() => DateScalar)
  recordedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removalRecordedOn: string | null;
}
