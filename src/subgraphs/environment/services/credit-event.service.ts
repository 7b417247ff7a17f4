import type { DataSource } from 'typeorm';
import { inDistrictScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import { addDays, addMonths, today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { CreditNoticeEntity } from '../entities/credit-notice.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { creditEventsLoader } from '../loaders/environment.loader';
import type { CreditEvent } from '../types/credit-event.type';
import type { RecordCreditEventInput } from '../types/record-credit-event.input';
import type { RecordCreditEventPayload } from '../types/record-credit-event.payload';
import { composeNoticeText, noticeNumber } from './credit-notice';
import type { PolicyService } from './policy.service';
import { scoredEvents, type RatingService } from './rating.service';
import { policyOn, ratingOn } from './scoring';

/** Days after service within which an event can be objected to (DOMAIN.md §3 default). */
export const OBJECTION_DAYS = 15;

export function toCreditEvent(row: CreditEventEntity): CreditEvent {
  return {
    id: String(row.id),
    type: row.type,
    occurredOn: row.occurredOn,
    points: row.points,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    decisionNo: row.decisionNo,
    description: row.description,
    voided: row.voidedAt !== null,
    voidReason: row.voidReason,
  };
}

/** Records scored events and issues their notices. */
export class CreditEventService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly ratings: RatingService,
  ) {}

  /** The subject's events, voided ones included, oldest first; null when out of scope or unrated. */
  async eventsOf(ctx: HubContext, uscc: string): Promise<CreditEvent[] | null> {
    if (!(await this.ratings.subject(ctx, uscc))) return null;
    const rows = await creditEventsLoader(ctx, this.dataSource).load(uscc);
    return rows.map(toCreditEvent);
  }

  /**
   * Validates the event against the catalogue version in force on its date, stores it with its
   * points and validity fixed, and issues the notice, all in one transaction. Nothing is written
   * when any check fails.
   */
  async record(ctx: HubContext, input: RecordCreditEventInput): Promise<RecordCreditEventPayload> {
    const asOf = today();
    if (input.occurredOn > asOf) throw badInput(`occurredOn ${input.occurredOn} is in the future`);
    return this.dataSource.transaction(async (manager) => {
      const subject = await manager
        .getRepository(RatedSubjectEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.uscc = :uscc', { uscc: input.uscc })
        .getOne();
      if (!subject || !inDistrictScope(ctx.principal, subject.districtCode)) {
        throw badInput(`${input.uscc} is not a rated subject; enrol it with enrollRatedSubject first`);
      }
      if (input.occurredOn < subject.ratedFrom) {
        throw badInput(`occurredOn ${input.occurredOn} is before ${input.uscc} was rated (${subject.ratedFrom})`);
      }
      const eventType = await this.policies.eventTypeOn(ctx, subject.subjectKind, input.type, input.occurredOn);
      if (!eventType) {
        const known = await this.policies.eventTypeCodes(ctx, subject.subjectKind);
        throw badInput(`unknown event type "${input.type}" on ${input.occurredOn}; known types: ${known.join(', ')}`);
      }
      const points = input.points ?? eventType.defaultPoints;
      if (points < eventType.minPoints || points > eventType.maxPoints) {
        throw badInput(`points ${points} are outside the range ${eventType.minPoints}..${eventType.maxPoints} allowed for ${input.type}`);
      }
      const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
      const policy = policyOn(policies, input.occurredOn);
      if (!policy) throw badInput(`no scoring policy is in force on ${input.occurredOn}`);

      const eventRepository = manager.getRepository(CreditEventEntity);
      const existing = await eventRepository.find({ where: { uscc: input.uscc }, order: { occurredOn: 'ASC', id: 'ASC' } });
      if (eventType.oncePerMonths) {
        const windowStart = addMonths(input.occurredOn, -eventType.oncePerMonths);
        const windowEnd = addMonths(input.occurredOn, eventType.oncePerMonths);
        const clash = existing.find(
          (e) => e.voidedAt === null && e.type === input.type && e.occurredOn > windowStart && e.occurredOn < windowEnd,
        );
        if (clash) {
          throw badInput(`${input.type} is allowed once per ${eventType.oncePerMonths} months; ${input.uscc} already has one on ${clash.occurredOn}`);
        }
      }

      const validFrom = addDays(input.occurredOn, policy.validityOffsetDays);
      const event = eventRepository.create({
        uscc: input.uscc,
        type: input.type,
        occurredOn: input.occurredOn,
        points,
        validFrom,
        validUntil: addMonths(validFrom, eventType.validityMonths),
        forcedColor: eventType.forcedColor,
        decisionNo: input.decisionNo ?? null,
        description: input.description ?? null,
        recordedBy: ctx.principal.clientId,
        voidedAt: null,
        voidReason: null,
      });
      const before = ratingOn(policies, subject.ratedFrom, scoredEvents(existing), asOf);
      const after = ratingOn(policies, subject.ratedFrom, scoredEvents([...existing, event]), asOf);
      if (!after) throw badInput(`no rating for ${input.uscc} on ${asOf}`);
      await eventRepository.save(event);

      const number = noticeNumber(asOf.slice(0, 4), event.id);
      const text = composeNoticeText({
        number,
        uscc: input.uscc,
        decisionNo: event.decisionNo,
        eventType: eventType.code,
        eventName: `${eventType.nameZh} ${eventType.nameEn}`,
        occurredOn: event.occurredOn,
        points,
        validFrom: event.validFrom,
        validUntil: event.validUntil,
        colorBefore: before?.color ?? null,
        colorAfter: after.color,
        scoreAfter: after.score,
        objectionDays: OBJECTION_DAYS,
      });
      await manager.getRepository(CreditNoticeEntity).insert({ number, eventId: event.id, uscc: input.uscc, text });
      ctx.touchedUsccs.add(input.uscc);
      return {
        event: toCreditEvent(event),
        ratingBefore: before && { ...before, ratedOn: asOf },
        ratingAfter: { ...after, ratedOn: asOf },
        notice: { number, text },
      };
    });
  }
}
