import { writeTransaction } from '../../../shared/read-snapshot';
import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { addMonths, today, type IsoDate } from '../../../shared/dates';
import { badInput, forbidden, notFound } from '../../../shared/errors';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { CreditRepairEntity } from '../entities/credit-repair.entity';
import { creditEventsLoader, repairsLoader } from '../loaders/environment.loader';
import {
  DisclosureState,
  RepairStatus,
  type ApplyCreditRepairInput,
  type CreditRepair,
  type PenaltyDisclosure,
  type PublicPenalty,
  type ReviewCreditRepairInput,
} from '../types/disclosure.type';
import { ReviewDecision } from '../types/objection.type';
import { toCreditEvent } from './credit-event.mapper';
import { parseId, requiredText } from './ids';
import type { PolicyService } from './policy.service';
import type { SubjectScopeService } from './subject-scope.service';
import { policyOn } from '../rules/scoring';

function toRepair(row: CreditRepairEntity): CreditRepair {
  return {
    id: String(row.id),
    eventId: String(row.eventId),
    uscc: row.uscc,
    appliedOn: row.appliedOn,
    reason: row.reason,
    status: row.status as RepairStatus,
    decidedOn: row.decidedOn,
    decisionNote: row.decisionNote,
  };
}

/**
 * Public disclosure of penalties and credit repair (DOMAIN.md §7): a penalty is published from its
 * decision date until its publicity end (3 months to 3 years, fixed when recorded); after the
 * policy's minimum the subject may apply for repair; once repaired it is withdrawn from public view
 * but still counts for scoring until it expires.
 */
export class DisclosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly subjects: SubjectScopeService,
  ) {}

  /**
   * What was published on `asOf` (default today): penalties decided by then and inside their publicity
   * window, not voided and not repaired by then; null for unrated subjects. A repair approved after
   * `asOf` (or a void after it) withdrew the penalty later: on `asOf` it was still published, so a
   * report as of a past day states what was in force that day (DOMAIN.md §7). PUBLIC sees today's
   * publication only: a repaired penalty stays withdrawn from public view.
   */
  async publicPenaltiesOf(ctx: HubContext, uscc: string, asOf?: IsoDate | null): Promise<PublicPenalty[] | null> {
    const now = today();
    const day = asOf ?? now;
    if (day > now) throw badInput(`asOf ${day} is in the future: the publication of a future day is not known`);
    if (day !== now && ctx.principal.role === 'PUBLIC') {
      throw forbidden('the public sees the penalties published today; a repaired penalty is withdrawn from public view (ask without asOf)');
    }
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const [events, repairs] = await Promise.all([creditEventsLoader(ctx, this.dataSource).load(uscc), repairsLoader(ctx, this.dataSource).load(uscc)]);
    const repaired = new Set(repairs.filter((r) => r.status === RepairStatus.APPROVED && (r.decidedOn === null || r.decidedOn <= day)).map((r) => r.eventId));
    // Voided by `asOf`, on the day the staff view states (CreditEvent.voidedOn).
    const voidedBy = (event: CreditEventEntity) => {
      const voidedOn = toCreditEvent(event).voidedOn;
      return voidedOn !== null && voidedOn <= day;
    };
    const shown = events.filter((e) => !voidedBy(e) && e.publicityUntil !== null && e.occurredOn <= day && day < e.publicityUntil && !repaired.has(e.id));
    return Promise.all(
      shown.map(async (event) => ({
        decisionNo: event.decisionNo,
        type: event.type,
        typeName: (await this.policies.eventTypeOn(ctx, subject.subjectKind, event.type, event.occurredOn))?.nameZh ?? event.type,
        decidedOn: event.occurredOn,
        publicUntil: event.publicityUntil!,
      })),
    );
  }

  /** Staff view: the disclosure state of every published penalty, with its latest repair application. */
  async disclosuresOf(ctx: HubContext, uscc: string): Promise<PenaltyDisclosure[] | null> {
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const day = today();
    const [events, repairs, policies] = await Promise.all([
      creditEventsLoader(ctx, this.dataSource).load(uscc),
      repairsLoader(ctx, this.dataSource).load(uscc),
      this.policies.policiesFor(ctx, subject.subjectKind),
    ]);
    return events
      .filter((e) => e.publicityUntil !== null)
      .map((event) => {
        const repair = repairs.filter((r) => r.eventId === event.id).at(-1) ?? null;
        const state =
          event.voidedAt !== null
            ? DisclosureState.VOIDED
            : repair?.status === RepairStatus.APPROVED
              ? DisclosureState.REPAIRED
              : day >= event.publicityUntil!
                ? DisclosureState.ENDED
                : DisclosureState.PUBLISHED;
        const minMonths = policyOn(policies, event.occurredOn)?.publicityMinMonths ?? 3;
        return {
          event: toCreditEvent(event),
          state,
          publicUntil: event.publicityUntil!,
          repairableFrom: addMonths(event.occurredOn, minMonths),
          repair: repair && toRepair(repair),
        };
      });
  }

  /** ENV staff register a repair application for a published penalty, once its minimum publicity has passed. */
  async apply(ctx: HubContext, input: ApplyCreditRepairInput): Promise<CreditRepair> {
    const eventId = parseId(input.eventId, 'eventId');
    const reason = requiredText(input.reason, 'reason');
    const appliedOn = input.appliedOn ?? today();
    if (appliedOn > today()) throw badInput(`appliedOn ${appliedOn} is in the future`);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const event = await manager.getRepository(CreditEventEntity).findOneBy({ id: eventId });
      const subject = event && (await this.subjects.lockSubject(manager, ctx, event.uscc));
      if (!event || !subject) throw notFound(`credit event ${input.eventId} does not exist`);
      this.requirePublished(event, appliedOn);
      const policy = policyOn(await this.policies.policiesFor(ctx, subject.subjectKind), event.occurredOn);
      const repairableFrom = addMonths(event.occurredOn, policy?.publicityMinMonths ?? 3);
      if (appliedOn < repairableFrom) {
        throw badInput(`credit repair of event ${eventId} may be applied for from ${repairableFrom} (after ${policy?.publicityMinMonths ?? 3} months of publicity)`);
      }
      const repository = manager.getRepository(CreditRepairEntity);
      const open = await repository.findOne({ where: [{ eventId, status: RepairStatus.PENDING }, { eventId, status: RepairStatus.APPROVED }] });
      if (open) throw badInput(`credit event ${eventId} already has repair application ${open.id} (${open.status})`);
      const row = repository.create({ eventId, uscc: event.uscc, appliedOn, reason, status: RepairStatus.PENDING, appliedBy: ctx.principal.clientId });
      await repository.save(row);
      ctx.touchedUsccs.add(event.uscc);
      return toRepair(row);
    });
  }

  /** ENV_ADMIN decides a pending application; approval withdraws the penalty from public view (scoring unchanged). */
  async review(ctx: HubContext, input: ReviewCreditRepairInput): Promise<CreditRepair> {
    const id = parseId(input.applicationId, 'applicationId');
    const note = requiredText(input.note, 'note');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(CreditRepairEntity);
      const row = await repository.findOneBy({ id });
      const subject = row && (await this.subjects.lockSubject(manager, ctx, row.uscc));
      if (!row || !subject) throw notFound(`credit repair application ${input.applicationId} does not exist`);
      if (row.status !== RepairStatus.PENDING) throw badInput(`credit repair application ${id} was already decided (${row.status})`);
      Object.assign(row, {
        status: input.decision === ReviewDecision.UPHOLD ? RepairStatus.APPROVED : RepairStatus.REJECTED,
        decidedOn: today(),
        decisionNote: note,
        decidedBy: ctx.principal.clientId,
      });
      await repository.save(row);
      ctx.touchedUsccs.add(row.uscc);
      return toRepair(row);
    });
  }

  private requirePublished(event: CreditEventEntity, on: string): void {
    if (event.voidedAt !== null) throw badInput(`credit event ${event.id} is voided; it is not published`);
    if (event.publicityUntil === null) throw badInput(`credit event ${event.id} (${event.type}) is not a published penalty`);
    if (on >= event.publicityUntil) throw badInput(`the publicity of credit event ${event.id} ended on ${event.publicityUntil}; there is nothing to repair`);
  }
}
