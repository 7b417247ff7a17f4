import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar } from '../../../shared/scalars';
import { CreditEvent } from './credit-event.type';

export enum ColorChangeCause {
  ENROLLED = 'ENROLLED',
  EVENT = 'EVENT',
  EXPIRY = 'EXPIRY',
  FRONT_RUNNER = 'FRONT_RUNNER',
  POLICY = 'POLICY',
  VOIDED = 'VOIDED',
}
registerEnumType(ColorChangeCause, {
  name: 'ColorChangeCause',
  description:
    'ENROLLED: rating started; EVENT: an event took effect; EXPIRY: an event’s points returned; FRONT_RUNNER: designated; POLICY: a new policy version; VOIDED: an event was voided (objection upheld or correction).',
});

@ObjectType({ description: 'A change of colour and what caused it.' })
export class CreditColorChange {
  @Field(() => DateScalar, { description: 'The day from which the colour changed.' })
  on: string;

  @Field(() => CreditColor, { nullable: true, description: 'Null at enrolment.' })
  colorBefore: CreditColor | null;

  @Field(() => Int, { nullable: true })
  scoreBefore: number | null;

  @Field(() => CreditColor)
  colorAfter: CreditColor;

  @Field(() => Int)
  scoreAfter: number;

  @Field(() => ColorChangeCause)
  cause: ColorChangeCause;

  @Field(() => CreditEvent, { nullable: true, description: 'The event that caused it (started, expired or was voided).' })
  event: CreditEvent | null;

  @Field(() => DateScalar, { nullable: true, description: 'For a voiding: the day it was recorded (it applies from `on`).' })
  recordedOn: string | null;

  @Field(() => Boolean, { description: 'A change the hub showed that a later voiding took back.' })
  superseded: boolean;
}
