import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { CreditEvent } from './credit-event.type';
import { EnvCredit } from './env-credit.type';

@ObjectType({ description: 'A credit record notice (环保信用记录告知书), served with the penalty decision.' })
export class CreditNotice {
  @Field(() => String)
  number: string;

  @Field(() => String)
  text: string;

  @Field(() => UsccScalar, { nullable: true })
  uscc: string | null;

  @Field(() => ID, { nullable: true, description: 'The event the notice describes.' })
  eventId: string | null;

  @Field(() => DateScalar, { nullable: true })
  issuedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Path of the printable HTML page on the gateway (GET, authenticated).' })
  htmlPath: string | null;

  @Field(() => String, {
    description: 'A short-lived signed link to the printable page on the gateway, which a browser opens without a credential (GET; refused once expired).',
  })
  printUrl: string;
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

@ObjectType({ description: 'A voided event and today’s rating before and after the voiding.' })
export class VoidCreditEventPayload {
  @Field(() => CreditEvent)
  event: CreditEvent;

  @Field(() => EnvCredit, { nullable: true })
  ratingBefore: EnvCredit | null;

  @Field(() => EnvCredit, { nullable: true })
  ratingAfter: EnvCredit | null;
}
