import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
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

/**
 * `subjectColorsBetweenColumns`: the rated subjects with one of the asked colours on some day of a
 * window (in no particular order), row i of each list being one subject; `colorBits` has bit k set when the subject
 * had the k-th colour asked (in the order asked) on some day of it. One answer serves every colour
 * set a caller needs (a set's subjects: those whose bits meet the set's bits), as lists of scalars
 * that cross federation without a resolver per item. Served only to the hub.
 */
@ObjectType()
@Directive('@inaccessible')
export class SubjectColorsBetweenColumns {
  @Field(() => [UsccScalar])
  usccs: string[];

  @Field(() => [Int])
  colorBits: number[];
}

/**
 * `subjectColorPeriodsColumns`: the stored colour periods (the one colour source) of the subjects
 * asked, row i of each list being one period, by subject and start. Served only to the hub.
 */
@ObjectType()
@Directive('@inaccessible')
export class SubjectColorPeriodsColumns {
  @Field(() => [UsccScalar])
  usccs: string[];

  @Field(() => [CreditColor])
  colors: CreditColor[];

  @Field(() => [DateScalar])
  froms: string[];

  @Field(() => [DateScalar], { nullable: 'items', description: 'Exclusive; null while the period lasts.' })
  untils: (string | null)[];
}
