import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar } from '../../../shared/scalars';
import { PenaltySeverity } from './credit-event.type';

@ObjectType({ description: 'One version of the 12-point scoring policy for a kind of subject; versions never overlap.' })
export class ScoringPolicy {
  @Field(() => ID)
  id: number;

  @Field(() => String, { description: 'ENTERPRISE, EIA_AGENCY, MONITORING_AGENCY, OM_AGENCY or TREATMENT_AGENCY.' })
  subjectKind: string;

  @Field(() => Int)
  startScore: number;

  @Field(() => Int)
  maxScore: number;

  @Field(() => Int, { description: 'Lowest GREEN score.' })
  greenMin: number;

  @Field(() => Int)
  blueMin: number;

  @Field(() => Int)
  yellowMin: number;

  @Field(() => Int, { description: 'Lowest RED score; below it is BLACK.' })
  redMin: number;

  @Field(() => Int, { description: 'Days from an event to the start of its validity.' })
  validityOffsetDays: number;

  @Field(() => Int, { description: 'Days after service within which an event can be objected to.' })
  objectionDays: number;

  @Field(() => Int, { description: 'Months without a deduction needed for a front-runner designation.' })
  frontRunnerCleanMonths: number;

  @Field(() => Int, { description: 'Shortest publicity of a penalty; repair may be applied for after it.' })
  publicityMinMonths: number;

  @Field(() => Int, { description: 'Longest publicity of a penalty.' })
  publicityMaxMonths: number;

  @Field(() => Int, { description: 'Publicity of a GENERAL penalty: at least this many months (then it may be repaired).' })
  generalPublicityMinMonths: number;

  @Field(() => Int, { description: 'Publicity of a GENERAL penalty: at most this many months (its default end).' })
  generalPublicityMaxMonths: number;

  @Field(() => Int, { description: 'Publicity of a SERIOUS penalty: at least this many months.' })
  seriousPublicityMinMonths: number;

  @Field(() => Int, { description: 'Publicity of a SERIOUS penalty: at most this many months.' })
  seriousPublicityMaxMonths: number;

  @Field(() => Int, { description: 'A decision is to be entered within this many working days of its decision day.' })
  entryLimitWorkingDays: number;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive; null while in force.' })
  effectiveTo: string | null;
}

@ObjectType({ description: 'One version of an event type of the catalogue, for one kind of subject.' })
export class EventType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  code: string;

  @Field(() => String)
  subjectKind: string;

  @Field(() => String)
  nameZh: string;

  @Field(() => String)
  nameEn: string;

  @Field(() => Int)
  defaultPoints: number;

  @Field(() => Int, { description: "Lowest points an event of this type may carry." })
  minPoints: number;

  @Field(() => Int)
  maxPoints: number;

  @Field(() => Int)
  validityMonths: number;

  @Field(() => CreditColor, { nullable: true, description: 'Direct judgement while valid, whatever the score (CRIMINAL_LIABILITY: BLACK).' })
  forcedColor: string | null;

  @Field(() => Int, { nullable: true, description: 'At most one event of this type per this many months.' })
  oncePerMonths: number | null;

  @Field(() => Int, { nullable: true, description: 'Publicity of a penalty of this type when inside its tier; null: the tier of its severity decides.' })
  publicityMonths: number | null;

  @Field(() => PenaltySeverity, { nullable: true, description: 'The severity of a penalty of this type unless its decision says otherwise; null for types that are not penalties.' })
  defaultSeverity: string | null;

  @Field(() => String, { nullable: true, description: 'The document the default severity rests on.' })
  severityBasis: string | null;

  @Field(() => Boolean, { description: 'May be decided by simple procedure (简易程序).' })
  simpleProcedure: boolean;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive; null while in force.' })
  effectiveTo: string | null;
}

@ObjectType({ description: 'One version of the random-inspection frequency for a colour, as a multiple of the base rate.' })
export class InspectionFrequency {
  @Field(() => ID)
  id: number;

  @Field(() => CreditColor)
  color: string;

  @Field(() => String, { description: 'Decimal string, e.g. "0.50".' })
  multiplier: string;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo: string | null;
}
