import { writeTransaction } from '../../../shared/read-snapshot';
import type { DataSource, EntityManager } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { addDays, addMonths, today } from '../../../shared/dates';
import { badInput, notFound } from '../../../shared/errors';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { parseId } from './ids';
import { CreditNoticeEntity } from '../entities/credit-notice.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import type { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { creditEventsLoader } from '../loaders/environment.loader';
import type { CreditEvent } from '../types/credit-event.type';
import type { RecordCreditEventInput, VoidCreditEventInput } from '../types/record-credit-event.input';
import type { RecordCreditEventPayload, VoidCreditEventPayload } from '../types/record-credit-event.payload';
import { toCreditEvent } from './credit-event.mapper';
import { facts as subjectFacts } from '../../../shared/auth/subject-scope';
import { composeNoticeText, noticeMeasures, noticeNumber, type NoticeFacts } from './credit-notice';
import { rewardRefusal } from './reward-bar';
import { noticeBureau } from './notice-issuer';
import { signedNoticePath } from './notice-link';
import type { PolicyService } from './policy.service';
import { ratingBasis, type RatingService } from './rating.service';
import { policyOn, ratingOn, type Rating } from './scoring';

const MAX_TEXT = 2000;

function optionalText(value: string | null | undefined, name: string): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > MAX_TEXT) throw badInput(`${name} is longer than ${MAX_TEXT} characters`);
  return trimmed || null;
}

function asEnvCredit(rating: Rating | null, ratedOn: string) {
  return rating && { color: rating.color, score: rating.score, ratedOn };
}

/** Records scored events with their notices, and voids them (the voiding is kept with the event). */
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
   * Validates the event against the catalogue and policy versions in force on its date, stores it
   * with its points, validity and publicity fixed, refreshes the materialised rating and issues the
   * notice, all in one transaction. Nothing is written when any check fails.
   */
  async record(ctx: HubContext, input: RecordCreditEventInput): Promise<RecordCreditEventPayload> {
    const asOf = today();
    if (input.occurredOn > asOf) throw badInput(`occurredOn ${input.occurredOn} is in the future (today is ${asOf})`);
    const servedOn = input.servedOn ?? input.occurredOn;
    if (servedOn < input.occurredOn) throw badInput(`servedOn ${servedOn} is before occurredOn ${input.occurredOn}`);
    if (servedOn > asOf) throw badInput(`servedOn ${servedOn} is in the future (today is ${asOf})`);
    const decisionNo = optionalText(input.decisionNo, 'decisionNo');
    const description = optionalText(input.description, 'description');
    // Other departments' facts are asked before the transaction opens, so that it never holds its
    // connection while waiting on theirs: the name and list entries, and the catalogue of measures.
    const others = subjectFacts(ctx);
    const [record, catalog, eventCatalog] = await Promise.all([
      others.subjectRecordOf(input.uscc, ctx.snapshot),
      others.measureCatalogOn(asOf, ctx.snapshot),
      input.occurredOn === asOf ? null : others.measureCatalogOn(input.occurredOn, ctx.snapshot),
    ]);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const subject = await this.ratings.lockSubject(manager, ctx, input.uscc);
      if (!subject) throw badInput(`${input.uscc} is not a rated subject; enrol it with enrollRatedSubject first`);
      if (input.occurredOn < subject.ratedFrom) {
        throw badInput(`occurredOn ${input.occurredOn} is before ${input.uscc} was rated (${subject.ratedFrom})`);
      }
      const eventType = await this.policies.eventTypeOn(ctx, subject.subjectKind, input.type, input.occurredOn);
      if (!eventType) {
        const known = await this.policies.eventTypeCodes(ctx, subject.subjectKind);
        throw badInput(`unknown event type "${input.type}" for ${subject.subjectKind} on ${input.occurredOn}; known types: ${known.join(', ')}`);
      }
      const points = input.points ?? eventType.defaultPoints;
      if (points < eventType.minPoints || points > eventType.maxPoints) {
        throw badInput(`points ${points} are outside the range ${eventType.minPoints}..${eventType.maxPoints} allowed for ${input.type}`);
      }
      const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
      const policy = policyOn(policies, input.occurredOn);
      if (!policy) throw badInput(`no scoring policy for ${subject.subjectKind} is in force on ${input.occurredOn}`);
      let publicityUntil: string | null = null;
      if (points < 0) {
        const months = input.publicityMonths ?? eventType.publicityMonths ?? policy.publicityMaxMonths;
        if (months < policy.publicityMinMonths || months > policy.publicityMaxMonths) {
          throw badInput(`publicityMonths ${months} is outside ${policy.publicityMinMonths}..${policy.publicityMaxMonths} months`);
        }
        publicityUntil = addMonths(input.occurredOn, months);
      } else if (input.publicityMonths != null) {
        throw badInput(`publicityMonths applies to penalties only; ${input.type} with ${points} points is not published`);
      }

      const eventRepository = manager.getRepository(CreditEventEntity);
      const existing = await eventRepository.find({ where: { uscc: input.uscc }, order: { occurredOn: 'ASC', id: 'ASC' } });
      const live = existing.filter((e) => e.voidedAt === null);
      if (decisionNo && live.some((e) => e.type === input.type && e.decisionNo === decisionNo)) {
        throw badInput(`${input.type} of decision ${decisionNo} is already recorded for ${input.uscc}`);
      }
      if (eventType.oncePerMonths) {
        const windowStart = addMonths(input.occurredOn, -eventType.oncePerMonths);
        const windowEnd = addMonths(input.occurredOn, eventType.oncePerMonths);
        const clash = live.find((e) => e.type === input.type && e.occurredOn > windowStart && e.occurredOn < windowEnd);
        if (clash) {
          throw badInput(`${input.type} is allowed once per ${eventType.oncePerMonths} months; ${input.uscc} already has one on ${clash.occurredOn}`);
        }
      }

      const validFrom = addDays(input.occurredOn, policy.validityOffsetDays);
      const event = eventRepository.create({
        uscc: input.uscc,
        type: input.type,
        occurredOn: input.occurredOn,
        servedOn,
        points,
        validFrom,
        validUntil: addMonths(validFrom, eventType.validityMonths),
        forcedColor: eventType.forcedColor,
        decisionNo,
        description,
        publicityUntil,
        recordedBy: ctx.principal.clientId,
        voidedAt: null,
        voidReason: null,
      });
      const designations = await manager.getRepository(FrontRunnerEntity).find({ where: { uscc: input.uscc } });
      const basisBefore = ratingBasis(subject.ratedFrom, policies, existing, designations);
      if (points > 0) {
        const refusal = rewardRefusal(input.uscc, input.type, input.occurredOn, ratingOn(basisBefore, input.occurredOn)?.color ?? null, record.listings, eventCatalog ?? catalog);
        if (refusal) throw badInput(refusal);
      }
      const basisAfter = ratingBasis(subject.ratedFrom, policies, [...existing, event], designations);
      const before = ratingOn(basisBefore, asOf);
      // The notice states the event's own effect: the colour the day its validity starts, without and with it.
      const noticeBefore = ratingOn(basisBefore, validFrom);
      const noticeAfter = ratingOn(basisAfter, validFrom);
      if (!noticeAfter) throw badInput(`no scoring policy for ${subject.subjectKind} is in force on ${validFrom}`);
      await eventRepository.save(event);
      const after = await this.ratings.refresh(manager, ctx, subject);
      if (!after) throw badInput(`${input.uscc} has no rating on ${asOf}: no scoring policy is in force`);

      const number = noticeNumber(asOf.slice(0, 4), event.id);
      const frequencies = await this.policies.inspectionFrequencies(ctx, asOf);
      const facts: NoticeFacts = {
        number,
        uscc: input.uscc,
        subjectName: record.name,
        bureau: noticeBureau(),
        issuedOn: asOf,
        decisionNo: event.decisionNo,
        eventType: eventType.code,
        eventName: eventType.nameZh,
        occurredOn: event.occurredOn,
        servedOn,
        points,
        validFrom: event.validFrom,
        validUntil: event.validUntil,
        colorBefore: noticeBefore?.color ?? null,
        colorAfter: noticeAfter.color,
        scoreAfter: noticeAfter.score,
        objectionDays: policyOn(policies, servedOn)?.objectionDays ?? policy.objectionDays,
        inspectionMultiplier: frequencies.find((f) => f.color === noticeAfter.color)?.multiplier ?? null,
        publicUntil: publicityUntil,
        measures: noticeMeasures(noticeAfter.color, record.listings, asOf, catalog),
      };
      const text = composeNoticeText(facts);
      const notices = manager.getRepository(CreditNoticeEntity);
      await notices.save(notices.create({ number, eventId: event.id, uscc: input.uscc, text, facts: { ...facts } }));
      return {
        event: toCreditEvent(event),
        ratingBefore: asEnvCredit(before, asOf),
        ratingAfter: { ...after, ratedOn: asOf },
        notice: { number, text, uscc: input.uscc, eventId: String(event.id), issuedOn: asOf, htmlPath: `/notices/${number}`, printUrl: signedNoticePath(number) },
      };
    });
  }

  /** ENV_ADMIN: voids an event with its reason; the rating is recomputed from its start. */
  async voidEvent(ctx: HubContext, input: VoidCreditEventInput): Promise<VoidCreditEventPayload> {
    const reason = optionalText(input.reason, 'reason');
    if (!reason) throw badInput('reason must say why the event is voided');
    const id = parseId(input.eventId, 'eventId');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const found = await manager.getRepository(CreditEventEntity).findOneBy({ id });
      const subject = found && (await this.ratings.lockSubject(manager, ctx, found.uscc));
      if (!found || !subject) throw notFound(`credit event ${input.eventId} does not exist`);
      return this.voidLocked(manager, ctx, subject, id, reason);
    });
  }

  /**
   * Voids event `id` of the locked `subject` inside the caller's transaction and refreshes the
   * materialised rating; refuses an event that is already voided.
   */
  async voidLocked(manager: EntityManager, ctx: HubContext, subject: RatedSubjectEntity, id: number, reason: string): Promise<VoidCreditEventPayload> {
    const repository = manager.getRepository(CreditEventEntity);
    const event = await repository.findOneByOrFail({ id });
    if (event.voidedAt !== null) throw badInput(`credit event ${id} was already voided (${event.voidReason})`);
    const asOf = today();
    const before = await this.ratingToday(manager, ctx, subject);
    event.voidedAt = new Date();
    event.voidReason = reason;
    await repository.update({ id }, { voidedAt: event.voidedAt, voidReason: reason });
    const after = await this.ratings.refresh(manager, ctx, subject);
    return { event: toCreditEvent(event), ratingBefore: asEnvCredit(before, asOf), ratingAfter: asEnvCredit(after, asOf) };
  }

  /** Today's rating from the rows the transaction sees. */
  private async ratingToday(manager: EntityManager, ctx: HubContext, subject: RatedSubjectEntity): Promise<Rating | null> {
    const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
    const events = await manager.getRepository(CreditEventEntity).find({ where: { uscc: subject.uscc } });
    const designations = await manager.getRepository(FrontRunnerEntity).find({ where: { uscc: subject.uscc } });
    return ratingOn(ratingBasis(subject.ratedFrom, policies, events, designations), today());
  }
}
