import { Field, ID, InputType, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { MaskPersonalData } from '../../../shared/personal-data';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { CreditEvent, PenaltySeverity } from './credit-event.type';
import { ReviewDecision } from './objection.type';

export enum DisclosureState {
  PUBLISHED = 'PUBLISHED',
  REPAIRED = 'REPAIRED',
  ENDED = 'ENDED',
  VOIDED = 'VOIDED',
}
registerEnumType(DisclosureState, {
  name: 'DisclosureState',
  description: 'PUBLISHED: shown to the public; REPAIRED: withdrawn after credit repair (still scored until it expires); ENDED: publicity period over; VOIDED.',
});

export enum RepairStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(RepairStatus, { name: 'RepairStatus' });

@ObjectType({ description: 'A penalty as the public sees it (no points, no personal data).' })
export class PublicPenalty {
  @Field(() => String, { nullable: true })
  decisionNo: string | null;

  @Field(() => String)
  type: string;

  @Field(() => String, { description: 'Chinese name of the event type.' })
  typeName: string;

  @Field(() => DateScalar)
  decidedOn: string;

  @Field(() => DateScalar, { description: 'Shown until this day (exclusive): the maximum of its tier, unless a repair ended it earlier.' })
  publicUntil: string;

  @Field(() => PenaltySeverity, { description: 'GENERAL (published 3 months to 1 year) or SERIOUS (1 to 3 years).' })
  severity: PenaltySeverity;
}

@ObjectType({ description: 'A credit repair application (信用修复) for a published penalty.' })
export class CreditRepair {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => DateScalar)
  appliedOn: string;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String)
  reason: string;

  @Field(() => RepairStatus)
  status: RepairStatus;

  @Field(() => DateScalar, { nullable: true })
  decidedOn: string | null;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true })
  decisionNote: string | null;
}

@ObjectType({ description: 'The public-disclosure state of one penalty.' })
export class PenaltyDisclosure {
  @Field(() => CreditEvent)
  event: CreditEvent;

  @Field(() => DisclosureState)
  state: DisclosureState;

  @Field(() => DateScalar)
  publicUntil: string;

  @Field(() => DateScalar, { description: 'First day a repair may be applied for (after the minimum publicity).' })
  repairableFrom: string;

  @Field(() => CreditRepair, { nullable: true, description: 'The latest repair application.' })
  repair: CreditRepair | null;
}

@InputType()
export class ApplyCreditRepairInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => String, { description: 'What the subject corrected (整改), with evidence.' })
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the application was received (default today).' })
  appliedOn?: string | null;
}

@InputType()
export class ReviewCreditRepairInput {
  @Field(() => ID)
  applicationId: string;

  @Field(() => ReviewDecision)
  decision: ReviewDecision;

  @Field(() => String)
  note: string;
}
