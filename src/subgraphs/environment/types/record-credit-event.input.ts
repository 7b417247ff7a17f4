import { Field, InputType, Int } from 'type-graphql';
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
}
