import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@InputType()
export class RecordCreditEventInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String, { description: 'Event-type code of the catalogue (FINE, WARNING, CRIMINAL_LIABILITY, CREDIT_COMMITMENT, ...).' })
  type: string;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field(() => String, { nullable: true })
  decisionNo?: string | null;

  @Field(() => Int, { nullable: true, description: "The event's own points, within its type's allowed range; default the type's points." })
  points?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the decision and its notice were served: on or after occurredOn, not after today; default the day the notice is issued (today). The objection window counts from it.',
  })
  servedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Months a penalty is published, within the policy's 3 months–3 years; default the type's." })
  publicityMonths?: number | null;
}

@InputType()
export class VoidCreditEventInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => String, { description: 'Why it is voided; kept with the event.' })
  reason: string;
}
