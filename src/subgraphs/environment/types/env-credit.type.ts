import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar } from '../../../shared/scalars';

@ObjectType({ description: 'The 12-point environmental credit rating on a date.' })
export class EnvCredit {
  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int, { nullable: true, description: 'The 12-point score; not every partner may see it.' })
  score: number | null;

  @Field(() => DateScalar, { description: 'The date this rating describes.' })
  ratedOn: string;
}

/**
 * A period of constant rating. Served only to the gateway (`@inaccessible`) so that other
 * departments can derive their answers for any date through `@requires`.
 */
@ObjectType()
@Directive('@shareable')
@Directive('@inaccessible')
export class ColorPeriod {
  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive; null while it lasts.' })
  until: string | null;
}

/**
 * Today's colour period as the materialised rating stores it: the colour, the day it began and the
 * day it may next change (exclusive; null = nothing scheduled). Served only to the gateway, so that
 * finance decides today's credit restriction without the full timeline. `color` and `from` are null
 * when the subject has no rating today.
 */
@ObjectType()
@Directive('@shareable')
@Directive('@inaccessible')
export class CurrentColorPeriod {
  @Field(() => CreditColor, { nullable: true })
  color: CreditColor | null;

  @Field(() => DateScalar, { nullable: true })
  from: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive; null while nothing is scheduled to change it.' })
  until: string | null;
}

/**
 * The colour on a half-year's last day (30 June, 31 December), which decides price surcharges for
 * the following half-year (DOMAIN.md §6). Served only to the gateway, for `@requires`.
 */
@ObjectType()
@Directive('@shareable')
@Directive('@inaccessible')
export class HalfYearSnapshot {
  @Field(() => DateScalar, { description: 'The snapshot day: YYYY-06-30 or YYYY-12-31.' })
  periodEnd: string;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int, { description: 'How many snapshots in a row, ending with this one, were RED.' })
  consecutiveRed: number;
}
