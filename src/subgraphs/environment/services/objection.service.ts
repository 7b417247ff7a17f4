import { writeTransaction } from '../../../shared/read-snapshot';
import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { badInput, notFound } from '../../../shared/errors';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { ObjectionEntity } from '../entities/objection.entity';
import { objectionsLoader } from '../loaders/environment.loader';
import { ObjectionStatus, ReviewDecision, type FileObjectionInput, type Objection, type ReviewObjectionInput, type ReviewObjectionPayload } from '../types/objection.type';
import type { CreditEventService } from './credit-event.service';
import { toCreditEvent } from './credit-event.mapper';
import { objectionDeadline } from '../rules/credit-notice';
import { parseId, requiredText } from './ids';
import type { PolicyService } from './policy.service';
import type { CurrentRatingService } from './current-rating.service';
import type { SubjectScopeService } from './subject-scope.service';
import type { SnapshotService } from './snapshot.service';
import { policyOn } from '../rules/scoring';

export function toObjection(row: ObjectionEntity): Objection {
  return {
    id: String(row.id),
    eventId: String(row.eventId),
    uscc: row.uscc,
    filedOn: row.filedOn,
    deadline: row.deadline,
    grounds: row.grounds,
    status: row.status as ObjectionStatus,
    reviewedOn: row.reviewedOn,
    reviewNote: row.reviewNote,
  };
}

/**
 * Objections (异议, DOMAIN.md §3): filed within the policy's window after service; while under
 * review the event still counts; upheld → the event is voided and the rating recomputed; rejected →
 * the event stands.
 */
export class ObjectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly subjects: SubjectScopeService,
    private readonly current: CurrentRatingService,
    private readonly events: CreditEventService,
    private readonly snapshots: SnapshotService,
  ) {}

  async objectionsOf(ctx: HubContext, uscc: string): Promise<Objection[] | null> {
    if (!(await this.subjects.subject(ctx, uscc))) return null;
    return (await objectionsLoader(ctx, this.dataSource).load(uscc)).map(toObjection);
  }

  /** ENV staff register an objection received in writing; refused outside the window or on a voided event. */
  async file(ctx: HubContext, input: FileObjectionInput): Promise<Objection> {
    const eventId = parseId(input.eventId, 'eventId');
    const grounds = requiredText(input.grounds, 'grounds');
    const filedOn = input.filedOn ?? today();
    if (filedOn > today()) throw badInput(`filedOn ${filedOn} is in the future`);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const event = await manager.getRepository(CreditEventEntity).findOneBy({ id: eventId });
      const subject = event && (await this.subjects.lockSubject(manager, ctx, event.uscc));
      if (!event || !subject) throw notFound(`credit event ${input.eventId} does not exist`);
      if (event.voidedAt) throw badInput(`credit event ${eventId} is voided; there is nothing to object to`);
      const policy = policyOn(await this.policies.policiesFor(ctx, subject.subjectKind), event.servedOn);
      if (!policy) throw badInput(`no scoring policy was in force on ${event.servedOn}`);
      const deadline = objectionDeadline(event.servedOn, policy.objectionDays);
      // The window closes `objectionDays` after service; a subject may object to a decision it knows of before the notice reaches it.
      if (filedOn < event.occurredOn) throw badInput(`filedOn ${filedOn} is before the decision (occurredOn ${event.occurredOn})`);
      if (filedOn > deadline) {
        throw badInput(`the objection window for credit event ${eventId} closed on ${deadline} (${policy.objectionDays} days after service on ${event.servedOn})`);
      }
      const repository = manager.getRepository(ObjectionEntity);
      const open = await repository.findOneBy({ eventId, status: ObjectionStatus.UNDER_REVIEW });
      if (open) throw badInput(`credit event ${eventId} already has objection ${open.id} under review`);
      const row = repository.create({ eventId, uscc: event.uscc, filedOn, deadline, grounds, status: ObjectionStatus.UNDER_REVIEW, filedBy: ctx.principal.clientId });
      await repository.save(row);
      ctx.touchedUsccs.add(event.uscc);
      return toObjection(row);
    });
  }

  /** ENV_ADMIN decides an objection under review; upholding voids the event in the same transaction. */
  async review(ctx: HubContext, input: ReviewObjectionInput): Promise<ReviewObjectionPayload> {
    const id = parseId(input.objectionId, 'objectionId');
    const note = requiredText(input.note, 'note');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(ObjectionEntity);
      const objection = await repository.findOneBy({ id });
      const subject = objection && (await this.subjects.lockSubject(manager, ctx, objection.uscc));
      if (!objection || !subject) throw notFound(`objection ${input.objectionId} does not exist`);
      if (objection.status !== ObjectionStatus.UNDER_REVIEW) throw badInput(`objection ${id} was already decided (${objection.status} on ${objection.reviewedOn})`);
      const upheld = input.decision === ReviewDecision.UPHOLD;
      Object.assign(objection, {
        status: upheld ? ObjectionStatus.UPHELD : ObjectionStatus.REJECTED,
        reviewedOn: today(),
        reviewNote: note,
        reviewedBy: ctx.principal.clientId,
      });
      await repository.save(objection);
      if (upheld) {
        const voided = await this.events.voidLocked(manager, ctx, subject, objection.eventId, `objection ${id} upheld: ${note}`);
        // Snapshots already stored that counted the event get corrected versions (DOMAIN.md §10).
        const event = await manager.getRepository(CreditEventEntity).findOneByOrFail({ id: objection.eventId });
        await this.snapshots.correctAfterUpheldObjection(manager, ctx, subject, event, id);
        return { objection: toObjection(objection), event: voided.event, ratingAfter: voided.ratingAfter };
      }
      const event = await manager.getRepository(CreditEventEntity).findOneByOrFail({ id: objection.eventId });
      const ratingAfter = await this.current.refresh(manager, ctx, subject);
      return { objection: toObjection(objection), event: toCreditEvent(event), ratingAfter: ratingAfter && { ...ratingAfter, ratedOn: today() } };
    });
  }
}
