import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@ObjectType({ description: 'The rating on a half-year’s last day (30 June, 31 December), which decides the next half-year’s price surcharges.' })
export class CreditSnapshot {
  @Field(() => DateScalar)
  periodEnd: string;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int, { nullable: true })
  score: number | null;

  @Field(() => Int, { description: 'How many snapshots in a row, ending with this one, were RED.' })
  consecutiveRed: number;

  @Field(() => Boolean, { description: 'True when taken and stored (immutable); false when derived because it has not been taken yet.' })
  stored: boolean;
}

/** One subject's snapshot on a half-year end, for the credit office's price list. Served only to the hub. */
@ObjectType()
@Directive('@inaccessible')
export class SubjectHalfYearSnapshot {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int)
  consecutiveRed: number;

  @Field(() => Boolean)
  stored: boolean;
}

@ObjectType({ description: 'The result of taking the half-year snapshot of every rated subject.' })
export class HalfYearSnapshotRun {
  @Field(() => DateScalar)
  periodEnd: string;

  @Field(() => Int, { description: 'Subjects rated on that day.' })
  subjects: number;

  @Field(() => Int, { description: 'Snapshots stored by this run.' })
  stored: number;

  @Field(() => Int, { description: 'Snapshots that were already stored and were left as they were.' })
  alreadyStored: number;

  @Field(() => Int)
  red: number;

  @Field(() => Int)
  black: number;
}
