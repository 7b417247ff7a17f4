import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';
import { CreditEvent } from './credit-event.type';

/** DOMAIN.md §11 (信用承诺): 履行中 / 已履行 / 未履行. */
export enum CommitmentState {
  RUNNING = 'RUNNING',
  KEPT = 'KEPT',
  BROKEN = 'BROKEN',
}
registerEnumType(CommitmentState, {
  name: 'CommitmentState',
  description: 'RUNNING (履行中): inside the 12 months from signing, no deduction dated in them yet; KEPT (已履行): the 12 months ended with none; BROKEN (未履行): a deduction is dated inside them, whenever it was recorded.',
});

@ObjectType({
  description:
    'A credit commitment (信用承诺) and how it stands: it runs 12 months from signing; a deduction dated inside them breaks it from that day (its +1 ends then, and no new commitment may be signed for 12 months).',
})
export class Commitment {
  @Field(() => CreditEvent, { description: 'The commitment as recorded (event type CREDIT_COMMITMENT).' })
  event: CreditEvent;

  @Field(() => DateScalar)
  signedOn: string;

  @Field(() => DateScalar, { description: 'The last day of its 12 months.' })
  runsThrough: string;

  @Field(() => CommitmentState)
  state: CommitmentState;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the deduction that broke it; null unless BROKEN.' })
  brokenOn: string | null;

  @Field(() => CreditEvent, { nullable: true, description: 'The deduction that broke it; null unless BROKEN.' })
  brokenBy: CreditEvent | null;
}
