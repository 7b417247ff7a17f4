import { Field, ObjectType } from 'type-graphql';
import { CreditEvent } from './credit-event.type';
import { EnvCredit } from './env-credit.type';

@ObjectType({ description: 'A credit record notice (环保信用记录告知书), served with the penalty decision.' })
export class CreditNotice {
  @Field(() => String)
  number: string;

  @Field(() => String)
  text: string;
}

@ObjectType()
export class RecordCreditEventPayload {
  @Field(() => CreditEvent)
  event: CreditEvent;

  @Field(() => EnvCredit, { nullable: true, description: 'Today’s rating before the event; null if the subject had none.' })
  ratingBefore: EnvCredit | null;

  @Field(() => EnvCredit)
  ratingAfter: EnvCredit;

  @Field(() => CreditNotice)
  notice: CreditNotice;
}
