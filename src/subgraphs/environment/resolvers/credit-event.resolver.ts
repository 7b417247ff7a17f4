import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { CreditEventService } from '../services/credit-event.service';
import { CreditNoticeService } from '../services/credit-notice.service';
import { ObjectionService } from '../services/objection.service';
import { FileObjectionInput, Objection, ReviewObjectionInput, ReviewObjectionPayload } from '../types/objection.type';
import { RecordCreditEventInput, VoidCreditEventInput } from '../types/record-credit-event.input';
import { CreditNotice, RecordCreditEventPayload, VoidCreditEventPayload } from '../types/record-credit-event.payload';

/** Events, their notices and objections. */
@Resolver()
export class CreditEventResolver {
  constructor(
    private readonly events: CreditEventService,
    private readonly notices: CreditNoticeService,
    private readonly objections: ObjectionService,
  ) {}

  @Mutation(() => RecordCreditEventPayload, {
    description: 'ENV_ADMIN, or ENV_OFFICER for its own district: record an event; returns the event, the rating before and after it, and the notice.',
  })
  recordCreditEvent(@Ctx() ctx: HubContext, @Arg('input', () => RecordCreditEventInput) input: RecordCreditEventInput): Promise<RecordCreditEventPayload> {
    return this.events.record(ctx, input);
  }

  @Mutation(() => VoidCreditEventPayload, { description: 'ENV_ADMIN: void an event (the reason is kept with it); the rating is recomputed.' })
  voidCreditEvent(@Ctx() ctx: HubContext, @Arg('input', () => VoidCreditEventInput) input: VoidCreditEventInput): Promise<VoidCreditEventPayload> {
    return this.events.voidEvent(ctx, input);
  }

  @Query(() => CreditNotice, { nullable: true, description: 'A credit record notice as issued; null when unknown or outside the caller’s district.' })
  creditNotice(@Ctx() ctx: HubContext, @Arg('number', () => String) number: string): Promise<CreditNotice | null> {
    return this.notices.find(ctx, number);
  }

  @Mutation(() => Objection, { description: 'ENV staff: register an objection received within the policy’s window after service.' })
  fileObjection(@Ctx() ctx: HubContext, @Arg('input', () => FileObjectionInput) input: FileObjectionInput): Promise<Objection> {
    return this.objections.file(ctx, input);
  }

  @Mutation(() => ReviewObjectionPayload, { description: 'ENV_ADMIN: decide an objection; UPHOLD voids the event and recomputes the rating, REJECT keeps it.' })
  reviewObjection(@Ctx() ctx: HubContext, @Arg('input', () => ReviewObjectionInput) input: ReviewObjectionInput): Promise<ReviewObjectionPayload> {
    return this.objections.review(ctx, input);
  }
}
