import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { UsccScalar } from '../../../shared/scalars';

@ObjectType({ description: 'A historical annual rating on the older 100-point scale; never mixed into 12-point scores.' })
export class LegacyRating {
  @Field(() => Int)
  year: number;

  @Field(() => String, { description: 'ANNUAL_100: green ≥ 95, blue 80–94, yellow 64–79, red 40–63, black ≤ 39.' })
  scale: string;

  @Field(() => String, { description: 'Decimal string on the 100-point scale.' })
  score: string;

  @Field(() => CreditColor)
  color: string;

  @Field(() => String)
  source: string;
}

@InputType()
export class LegacyRatingInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => Int)
  year: number;

  @Field(() => String, { description: 'Decimal string 0–100, e.g. "86.5".' })
  score: string;

  @Field(() => CreditColor, { nullable: true, description: 'The grade recorded at the time; must agree with the score when given.' })
  color?: CreditColor | null;
}

@InputType()
export class ImportLegacyRatingsInput {
  @Field(() => String, { description: 'Where the ratings come from (document or archive reference).' })
  source: string;

  @Field(() => [LegacyRatingInput])
  ratings: LegacyRatingInput[];
}

@ObjectType()
export class ImportLegacyRatingsPayload {
  @Field(() => Int)
  imported: number;

  @Field(() => Int, { description: 'Rows already imported with the same score.' })
  unchanged: number;
}
