import { Field, ID, Int, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { MaskPersonalData } from '../../../shared/personal-data';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { Measure } from './measure.type';

export enum FeedbackOutcome {
  APPLIED = 'APPLIED',
  NOT_APPLIED = 'NOT_APPLIED',
  EXEMPTED = 'EXEMPTED',
}
registerEnumType(FeedbackOutcome, { name: 'FeedbackOutcome' });

@ObjectType({ description: 'What an implementing agency did about a measure for a subject.' })
export class MeasureFeedback {
  @Field(() => ID)
  id: string;

  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String)
  measureCode: string;

  @Field(() => FeedbackOutcome)
  outcome: FeedbackOutcome;

  @Field(() => DateScalar)
  appliedOn: string;

  @Field(() => String, { nullable: true, description: 'The business item (loan application, billing account, tender, …).' })
  businessRef: string | null;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true, description: 'Required for NOT_APPLIED: the reason.' })
  note: string | null;

  @Field(() => String, { description: 'The reporting agency.' })
  agency: string;

  @Field(() => String, { description: 'The legal basis of the measure version in force on appliedOn.' })
  legalBasis: string;
}

@ObjectType({ description: 'Feedback on one measure from one reporting agency, for the initiating bureau.' })
export class MeasureFeedbackRollup {
  @Field(() => Measure)
  measure: Measure;

  @Field(() => String, { nullable: true, description: 'The reporting agency; null on the row of a measure nobody reported on.' })
  agency: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct subjects the measure was due for on some day of the window: with a triggering colour (environment's rating), or on a triggering credit-office or market list. Null only when another department could not be asked.",
  })
  subjectsDue: number | null;

  @Field(() => [UsccScalar], {
    nullable: true,
    description: 'CREDIT_OFFICE, ENV_ADMIN: the subjects behind subjectsDue, by code (the same on every row of the measure). Null when subjectsDue is.',
  })
  dueSubjects: string[] | null;

  @Field(() => Int, { description: 'Distinct subjects reported on.' })
  subjectsReported: number;

  @Field(() => [UsccScalar], { nullable: true, description: 'CREDIT_OFFICE, ENV_ADMIN: the subjects behind subjectsReported, by code.' })
  reportedSubjects: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of those, subjects the measure was not due for on any day of the window: reports to check (a wrong code, subject or date). Null when subjectsDue is.',
  })
  subjectsReportedNotDue: number | null;

  @Field(() => Int)
  applied: number;

  @Field(() => Int)
  notApplied: number;

  @Field(() => Int)
  exempted: number;
}
