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
import { PUBLICITY_BASIS, publicityTier, type EventPolicy } from '../rules/credit-event';
import type { PenaltySeverity } from '../types/credit-event.type';

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

/** The roles that keep the whole record (DOMAIN.md §11): the bureau and the credit office. Every other role is a partner. */
const WHOLE_RECORD_ROLES: ReadonlySet<string> = new Set(['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE']);

/** The publicity tier of a stored penalty under the policy versions of its kind (GENERAL when it has no severity). */
function tierOf(policies: readonly EventPolicy[], event: CreditEventEntity): { minMonths: number; maxMonths: number } {
  const policy = policyOn(policies, event.occurredOn);
  if (!policy) return { minMonths: 3, maxMonths: 12 };
  return publicityTier(policy, event.severity ?? 'GENERAL');
}

/**
 * Public disclosure of penalties and credit repair (DOMAIN.md §7, §11): a penalty decided by general
 * procedure is published from its decision day until its publicity end (the maximum of its severity's
 * tier: GENERAL 1 year, SERIOUS 3 years, fixed when recorded); one decided by simple procedure is never
 * published. After the tier's minimum the subject may apply for repair; a granted repair ends, on its
 * day, the publication (the stored publicity end becomes that day) and the sharing with partners:
 * from then on no partner role is shown the penalty, whatever day it asks about. The bureau and the
 * credit office keep the whole record. The points still count until they expire.
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
    // A partner stops being shown a repaired penalty from the repair day on, for every day it asks about;
    // the bureau and the credit office see what was published on `day`.
    const shownUntil = WHOLE_RECORD_ROLES.has(ctx.principal.role) ? day : now;
    const repaired = new Set(repairs.filter((r) => r.status === RepairStatus.APPROVED && (r.decidedOn === null || r.decidedOn <= shownUntil)).map((r) => r.eventId));
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
        severity: (event.severity ?? 'GENERAL') as PenaltySeverity,
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
        const { minMonths } = tierOf(policies, event);
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
      const { minMonths } = tierOf(await this.policies.policiesFor(ctx, subject.subjectKind), event);
      const repairableFrom = addMonths(event.occurredOn, minMonths);
      if (appliedOn < repairableFrom) {
        throw badInput(
          `credit repair of event ${eventId} may be applied for from ${repairableFrom} (after ${minMonths} months of publicity of a ${event.severity ?? 'GENERAL'} penalty, ${PUBLICITY_BASIS})`,
        );
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

  /**
   * ENV_ADMIN decides a pending application. A grant ends the publication on its day: the penalty's
   * stored publicity end becomes the decision day (when earlier), so every answer that reads it (the
   * public pages, publicPenalties, reports) stops showing it from then; partners are no longer shown it
   * at all (publicPenaltiesOf). The scoring is unchanged.
   */
  async review(ctx: HubContext, input: ReviewCreditRepairInput): Promise<CreditRepair> {
    const id = parseId(input.applicationId, 'applicationId');
    const note = requiredText(input.note, 'note');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(CreditRepairEntity);
      const row = await repository.findOneBy({ id });
      const subject = row && (await this.subjects.lockSubject(manager, ctx, row.uscc));
      if (!row || !subject) throw notFound(`credit repair application ${input.applicationId} does not exist`);
      if (row.status !== RepairStatus.PENDING) throw badInput(`credit repair application ${id} was already decided (${row.status})`);
      const granted = input.decision === ReviewDecision.UPHOLD;
      Object.assign(row, {
        status: granted ? RepairStatus.APPROVED : RepairStatus.REJECTED,
        decidedOn: today(),
        decisionNote: note,
        decidedBy: ctx.principal.clientId,
      });
      await repository.save(row);
      if (granted) {
        await manager.query(`UPDATE environment.credit_event SET publicity_until = LEAST(publicity_until, $2::date) WHERE id = $1 AND publicity_until IS NOT NULL`, [
          row.eventId,
          row.decidedOn,
        ]);
      }
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
