import { Field, InputType, Int } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar } from '../../../shared/scalars';

/** A new scoring policy version; fields left out keep the values of the version it follows. */
@InputType()
export class AddScoringPolicyVersionInput {
  @Field(() => String)
  subjectKind: string;

  @Field(() => DateScalar, { description: 'After today: a change never rewrites ratings already given.' })
  effectiveFrom: string;

  @Field(() => String, { description: 'Document title and number.' })
  legalBasis: string;

  @Field(() => Int, { nullable: true })
  startScore?: number | null;

  @Field(() => Int, { nullable: true })
  maxScore?: number | null;

  @Field(() => Int, { nullable: true })
  greenMin?: number | null;

  @Field(() => Int, { nullable: true })
  blueMin?: number | null;

  @Field(() => Int, { nullable: true })
  yellowMin?: number | null;

  @Field(() => Int, { nullable: true })
  redMin?: number | null;

  @Field(() => Int, { nullable: true })
  validityOffsetDays?: number | null;

  @Field(() => Int, { nullable: true })
  objectionDays?: number | null;

  @Field(() => Int, { nullable: true })
  frontRunnerCleanMonths?: number | null;

  @Field(() => Int, { nullable: true })
  publicityMinMonths?: number | null;

  @Field(() => Int, { nullable: true })
  publicityMaxMonths?: number | null;
}

/** A new version of an event type (or a new type); fields left out keep the previous version's values. */
@InputType()
export class AddEventTypeVersionInput {
  @Field(() => String, { description: 'Upper-case code, e.g. FINE.' })
  code: string;

  @Field(() => String)
  subjectKind: string;

  @Field(() => DateScalar, { description: 'After today.' })
  effectiveFrom: string;

  @Field(() => String)
  legalBasis: string;

  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => Int, { nullable: true })
  defaultPoints?: number | null;

  @Field(() => Int, { nullable: true })
  minPoints?: number | null;

  @Field(() => Int, { nullable: true })
  maxPoints?: number | null;

  @Field(() => Int, { nullable: true })
  validityMonths?: number | null;

  @Field(() => CreditColor, { nullable: true, description: 'Direct judgement; omit to keep, and set clearForcedColor to remove.' })
  forcedColor?: CreditColor | null;

  @Field(() => Boolean, { nullable: true })
  clearForcedColor?: boolean | null;

  @Field(() => Int, { nullable: true, description: '0 removes the limit.' })
  oncePerMonths?: number | null;

  @Field(() => Int, { nullable: true, description: '0 makes the type unpublished.' })
  publicityMonths?: number | null;
}

@InputType()
export class SetInspectionFrequencyInput {
  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => String, { description: 'Decimal multiple of the base rate, e.g. "3.00".' })
  multiplier: string;

  @Field(() => DateScalar, { description: 'After today.' })
  effectiveFrom: string;

  @Field(() => String)
  legalBasis: string;
}
