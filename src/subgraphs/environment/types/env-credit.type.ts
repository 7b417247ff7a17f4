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
