import { Field, InputType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { FeedbackOutcome } from './measure-feedback.type';

@InputType()
export class MeasureFeedbackInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String)
  measureCode: string;

  @Field(() => FeedbackOutcome)
  outcome: FeedbackOutcome;

  @Field(() => DateScalar, { description: 'When the agency acted (not in the future).' })
  appliedOn: string;

  @Field(() => String, { nullable: true })
  businessRef?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for NOT_APPLIED: the reason.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'CREDIT_OFFICE only: the agency it reports for (an agency without a hub account).' })
  onBehalfOf?: string | null;
}
