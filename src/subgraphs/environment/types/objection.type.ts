import { Field, ID, InputType, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { MaskPersonalData } from '../../../shared/personal-data';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { CreditEvent } from './credit-event.type';
import { EnvCredit } from './env-credit.type';

export enum ObjectionStatus {
  UNDER_REVIEW = 'UNDER_REVIEW',
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
}
registerEnumType(ObjectionStatus, { name: 'ObjectionStatus' });

export enum ReviewDecision {
  UPHOLD = 'UPHOLD',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision', description: 'UPHOLD grants the request (objection: the event is voided; repair: the penalty is withdrawn from public view); REJECT keeps things as they are.' });

@ObjectType({ description: 'An objection (异议) to a recorded event; while under review the event still counts.' })
export class Objection {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => DateScalar)
  filedOn: string;

  @Field(() => DateScalar, { description: 'The last day it could be filed.' })
  deadline: string;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String)
  grounds: string;

  @Field(() => ObjectionStatus)
  status: ObjectionStatus;

  @Field(() => DateScalar, { nullable: true })
  reviewedOn: string | null;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true })
  reviewNote: string | null;
}

@InputType()
export class FileObjectionInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => String)
  grounds: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the written objection was received (default today).' })
  filedOn?: string | null;
}

@InputType()
export class ReviewObjectionInput {
  @Field(() => ID)
  objectionId: string;

  @Field(() => ReviewDecision)
  decision: ReviewDecision;

  @Field(() => String, { description: 'The reasoning of the review; kept with the objection (and the voiding).' })
  note: string;
}

@ObjectType()
export class ReviewObjectionPayload {
  @Field(() => Objection)
  objection: Objection;

  @Field(() => CreditEvent, { description: 'The event, voided when the objection is upheld.' })
  event: CreditEvent;

  @Field(() => EnvCredit, { nullable: true, description: 'Today’s rating after the review.' })
  ratingAfter: EnvCredit | null;
}
