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

  @Field(() => Int, { description: '1 for the snapshot as taken, 2… for corrected versions (an objection upheld after it was taken); 0 when derived.' })
  version: number;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the latest correction; null when never corrected.' })
  correctedOn: string | null;

  @Field(() => CreditColor, { nullable: true, description: 'The colour as originally taken, when corrected since.' })
  originalColor: CreditColor | null;

  /** Hub-internal (the price answers' original decision); not a GraphQL field of this type. */
  originalConsecutiveRed: number | null;
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

  @Field(() => DateScalar, { nullable: true })
  correctedOn: string | null;

  @Field(() => CreditColor, { nullable: true })
  originalColor: CreditColor | null;

  @Field(() => Int, { nullable: true })
  originalConsecutiveRed: number | null;
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

/** A corrected snapshot among `SubjectHalfYearSnapshotColumns`: the row it belongs to and what was taken. Served only to the hub. */
@ObjectType()
@Directive('@inaccessible')
export class SnapshotCorrectionColumn {
  @Field(() => Int, { description: 'The index of the row in the columns.' })
  row: number;

  @Field(() => DateScalar)
  correctedOn: string;

  @Field(() => CreditColor)
  originalColor: CreditColor;

  @Field(() => Int)
  originalConsecutiveRed: number;
}

/**
 * `subjectsOnHalfYearSnapshot` by columns, row i of each list being one subject: lists of scalars
 * cross federation without a resolver per item (15,000 rows of a province's price list were most of
 * its cost as objects). Corrections, rare, come as objects naming their row. Served only to the hub.
 */
@ObjectType()
@Directive('@inaccessible')
export class SubjectHalfYearSnapshotColumns {
  @Field(() => [UsccScalar])
  usccs: string[];

  @Field(() => [CreditColor])
  colors: CreditColor[];

  @Field(() => [Int])
  consecutiveRed: number[];

  @Field(() => [Boolean])
  stored: boolean[];

  @Field(() => [SnapshotCorrectionColumn])
  corrections: SnapshotCorrectionColumn[];
}
