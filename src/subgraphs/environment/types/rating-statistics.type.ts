import { Field, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar } from '../../../shared/scalars';
import { EnvEnterprise } from './env-enterprise.type';

@ObjectType({ description: 'How many rated subjects had one colour on one day of a trend (zero counts included).' })
export class ColorTrendPoint {
  @Field(() => DateScalar, { description: 'The last day of a month, or the trend’s own date for its last point.' })
  on: string;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'A subject whose colour on `to` differs from its colour on `from`.' })
export class SubjectColorChange {
  @Field(() => EnvEnterprise)
  enterprise: EnvEnterprise;

  @Field(() => String, { description: 'District code of the rated subject.' })
  districtCode: string;

  @Field(() => CreditColor, { nullable: true, description: 'Null when the subject was not rated yet on `from`.' })
  colorBefore: CreditColor | null;

  @Field(() => CreditColor)
  colorAfter: CreditColor;
}
