import { In, type DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { facts as subjectFacts, subjectVisible, type CatalogueMeasure, type SubjectRecord } from '../../../shared/auth/subject-scope';
import { writeTransaction } from '../../../shared/read-snapshot';
import { DEFAULT_LIST_PAGE, listConnection } from '../../../shared/paging/cursor';
import type { HubContext } from '../../../shared/context';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput, notFound, type HubError } from '../../../shared/errors';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { parseId } from './ids';
import { CreditNoticeEntity } from '../entities/credit-notice.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import type { EventTypeEntity } from '../entities/event-type.entity';
import type { InspectionFrequencyEntity } from '../entities/inspection-frequency.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { creditEventsLoader } from '../loaders/environment.loader';
import type { CreditEvent, CreditEventConnection } from '../types/credit-event.type';
import type { RecordCreditEventInput, VoidCreditEventInput } from '../types/record-credit-event.input';
import type { RecordCreditEventPayload, VoidCreditEventPayload } from '../types/record-credit-event.payload';
import { toCreditEvent } from './credit-event.mapper';
import { composeNotice } from '../rules/credit-notice';
import { checkEvent, inputDateRefusal, noRatingTodayRefusal, notRatedRefusal, optionalText, type AcceptedEvent, type EventRefusal } from '../rules/credit-event';
import { noticeBureau } from './notice-issuer';
import { signedNoticePath } from './notice-link';
import type { PolicyService } from './policy.service';
import type { CurrentRatingService } from './current-rating.service';
import type { SubjectScopeService } from './subject-scope.service';
import type { PenaltyPersonService } from './penalty-person.service';
import { checkResponsiblePersons } from '../../../shared/responsible-person';
import { ratingBasis, ratingOn, type Rating } from '../rules/scoring';

/** The error a refusal of the event rules is answered with (its code and message, and the rule's name as `extensions.rule`). */
function refusalError(refusal: EventRefusal): HubError {
  return badInput(refusal.message, { rule: refusal.rule });
}

/** A text input trimmed (null when empty); BAD_USER_INPUT when too long. */
function textOrRefuse(value: string | null | undefined, name: string): string | null {
  const checked = optionalText(value, name);
  if ('refusal' in checked) throw refusalError(checked.refusal);
  return checked.text;
}

function asEnvCredit(rating: Rating | null, ratedOn: string) {
  return rating && { color: rating.color, score: rating.score, ratedOn };
}

/** An event the rules accepted, with the row to store and what its notice needs. */
interface EventPlan {
  subject: RatedSubjectEntity;
  /** The row to store (its id is set once stored). */
  event: CreditEventEntity;
  /** What the rules accepted: the event's type, the rating bases without and with it, the notice's colours. */
  accepted: AcceptedEvent<EventTypeEntity>;
  /** What other departments hold about the subject: its name and list entries, the measure catalogue. */
  others: OtherFacts;
}

/**
 * Other departments' facts an event needs (reward bars, the notice's name and measures), asked
 * through federation before the write transaction opens, so that it never holds its connection while
 * waiting on theirs.
 */
interface OtherFacts {
  record: SubjectRecord;
  /** The catalogue in force today (the notice's measures). */
  catalog: CatalogueMeasure[];
  /** The catalogue in force on the event's date (the reward bar), when that is not today. */
  catalogOn: (date: IsoDate) => CatalogueMeasure[];
}

/**
 * The other departments' facts for every subject of `inputs`: one fetch per department for the
 * records, one for the catalogue of each distinct date in `catalogueDates` (the dates a reward bar is
 * checked on; today's catalogue is always fetched), however many events a batch holds.
 */
async function otherFactsFor(
  ctx: HubContext,
  inputs: readonly RecordCreditEventInput[],
  asOf: IsoDate,
  catalogueDates: Iterable<IsoDate> = inputs.map((input) => input.occurredOn),
): Promise<Map<string, OtherFacts>> {
  const others = subjectFacts(ctx);
  const usccs = [...new Set(inputs.map((input) => input.uscc))];
  const pastDates = [...new Set(catalogueDates)].filter((date) => date !== asOf);
  const [records, catalog, ...past] = await Promise.all([
    others.subjectRecordsOf(usccs, ctx.snapshot),
    others.measureCatalogOn(asOf, ctx.snapshot),
    ...pastDates.map((date) => others.measureCatalogOn(date, ctx.snapshot)),
  ]);
  const byDate = new Map(pastDates.map((date, i) => [date, past[i]]));
  const catalogOn = (date: IsoDate) => {
    const measures = date === asOf ? catalog : byDate.get(date);
    if (!measures) throw new Error(`the measure catalogue on ${date} was not fetched before the transaction`);
    return measures;
  };
  return new Map(usccs.map((uscc) => [uscc, { record: records.get(uscc) ?? { name: null, listings: [] }, catalog, catalogOn }]));
}

/** What became of one input of `recordMany`. */
export type RecordOutcome =
  | { stored: true; eventId: number }
  | { stored: false }
  | { recorded: true }
  | { unrated: true }
  | { refused: string };

// Outcomes most inputs of an import share (a batch is mostly unrated subjects): one object each.
const NOT_STORED: RecordOutcome = Object.freeze({ stored: false });
const UNRATED: RecordOutcome = Object.freeze({ unrated: true });

function groupBy<T extends { uscc: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.uscc);
    if (group) group.push(row);
    else groups.set(row.uscc, [row]);
  }
  return groups;
}

/** The notice (告知书) row of a stored event (its id numbers the notice), composed by rules/credit-notice. */
function noticeOf(plan: EventPlan, frequencies: readonly InspectionFrequencyEntity[], asOf: IsoDate) {
  const { event, accepted, others } = plan;
  return composeNotice({
    event,
    eventType: accepted.eventType,
    ratingBefore: accepted.noticeBefore,
    ratingAfter: accepted.noticeAfter,
    objectionDays: accepted.objectionDays,
    subjectName: others.record.name,
    listings: others.record.listings,
    catalog: others.catalog,
    frequencies,
    bureau: noticeBureau(),
    issuedOn: asOf,
  });
}

/** Records scored events with their notices, and voids them (the voiding is kept with the event). */
export class CreditEventService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    /** The subject in the caller's scope, read or locked. */
    private readonly subjects: SubjectScopeService,
    /** The refresh of the subject's stored current rating, before each write commits. */
    private readonly current: CurrentRatingService,
    /** The responsible persons a SERIOUS penalty names, stored in its transaction. */
    private readonly persons: PenaltyPersonService,
  ) {}

  /** The subject's events, voided ones included, oldest first; null when out of scope or unrated. */
  async eventsOf(ctx: HubContext, uscc: string): Promise<CreditEvent[] | null> {
    if (!(await this.subjects.subject(ctx, uscc))) return null;
    const rows = await creditEventsLoader(ctx, this.dataSource).load(uscc);
    return rows.map(toCreditEvent);
  }

  /** A page of the subject's events in the order of `eventsOf` (by date, then id); null as for `eventsOf`. */
  async eventsPage(ctx: HubContext, uscc: string, first: number | null | undefined, after: string | null | undefined): Promise<CreditEventConnection | null> {
    const events = await this.eventsOf(ctx, uscc);
    if (!events) return null;
    return listConnection('envCreditEventsConnection', uscc, events, (event) => [event.occurredOn, Number(event.id)], first, after, DEFAULT_LIST_PAGE);
  }

  /**
   * Validates the event against the catalogue and policy versions in force on its date, stores it
   * with its points, validity and publicity fixed, refreshes the materialised rating and issues the
   * notice, all in one transaction. Nothing is written when any check fails. Three parts: the facts
   * are loaded here (other departments' before the transaction, the locked subject's rows inside
   * it), the pure rules of rules/credit-event decide (`plan`), and the writes follow: the event row,
   * today's rating from the basis the rules built (nothing read again), the notice that
   * rules/credit-notice composes; writeTransaction adds the audit outbox row.
   */
  async record(ctx: HubContext, input: RecordCreditEventInput): Promise<RecordCreditEventPayload> {
    const asOf = today();
    const dateRefusal = inputDateRefusal(input, asOf);
    if (dateRefusal) throw refusalError(dateRefusal);
    const persons = checkResponsiblePersons(input.responsiblePersons, 'input.responsiblePersons');
    const frequencies = await this.policies.inspectionFrequencies(ctx, asOf);
    const others = (await otherFactsFor(ctx, [input], asOf)).get(input.uscc)!;
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const subject = await this.subjects.lockSubject(manager, ctx, input.uscc);
      if (!subject) throw refusalError(notRatedRefusal(input.uscc));
      // Read after the lock: a concurrent recording of the same subject has committed by now.
      const eventRepository = manager.getRepository(CreditEventEntity);
      const existing = await eventRepository.find({ where: { uscc: input.uscc }, order: { occurredOn: 'ASC', id: 'ASC' } });
      const designations = await manager.getRepository(FrontRunnerEntity).find({ where: { uscc: input.uscc } });
      const planned = await this.plan(ctx, subject, existing, designations, input, asOf, others);
      if ('refusal' in planned) throw refusalError(planned.refusal);
      // The memorandum's persons (有关人员) are named by serious penalties only.
      if (persons.length > 0 && planned.event.severity !== 'SERIOUS') {
        throw badInput(`input.responsiblePersons: only a SERIOUS penalty names responsible persons; this one is ${planned.event.severity ?? 'not a penalty'}`, {
          field: 'input.responsiblePersons',
          rule: 'PERSONS_NEED_SERIOUS_PENALTY',
        });
      }
      await eventRepository.save(planned.event);
      await this.persons.storeFor(manager, planned.event.id, input.uscc, persons);
      // The subject's rows are locked: the basis the rules built (what was read plus the event) is what a re-read would give.
      const after = await this.current.refreshWith(manager, ctx, subject, planned.accepted.basisAfter);
      if (!after) throw refusalError(noRatingTodayRefusal(input.uscc, asOf));
      const notice = noticeOf(planned, frequencies, asOf);
      // insert, not save: a new notice number, so save's look-up of an existing row is wasted.
      await manager.getRepository(CreditNoticeEntity).insert(notice as QueryDeepPartialEntity<CreditNoticeEntity>);
      return {
        event: toCreditEvent(planned.event),
        ratingBefore: asEnvCredit(planned.accepted.ratingBefore, asOf),
        ratingAfter: { ...after, ratedOn: asOf },
        notice: { number: notice.number, text: notice.text, uscc: input.uscc, eventId: String(planned.event.id), issuedOn: asOf, htmlPath: `/notices/${notice.number}`, printUrl: signedNoticePath(notice.number, ctx.principal) },
      };
    });
  }

  /**
   * Records many events in one transaction, set-wise (the import of penalty decisions): the subjects
   * are locked and their events and designations read with one statement each; each event passes the
   * same checks as `record` (`plan`), in input order, seeing the events planned before it; the
   * events and notices are inserted with one statement each and the materialised ratings refreshed
   * with one UPDATE. The stored result is what calling `record` for each input in order stores.
   * With `skipRecorded`, an input whose decision is already recorded with the same type (voided or
   * not) is answered `recorded` and not stored again: re-running an import changes nothing.
   */
  async recordMany(ctx: HubContext, inputs: readonly RecordCreditEventInput[], options: { skipRecorded: boolean }): Promise<RecordOutcome[]> {
    const asOf = today();
    const results: RecordOutcome[] = inputs.map((input) => {
      const refusal = inputDateRefusal(input, asOf);
      return refusal ? { refused: refusal.message } : NOT_STORED;
    });
    const candidates = await this.ratedAmong(inputs.filter((_, i) => !('refused' in results[i])).map((input) => input.uscc));
    // Only rated subjects' events are planned: other departments are asked about those alone (an
    // import's batch is mostly unrated subjects, whose decisions are only stored by the credit office).
    const ratedInputs = inputs.filter((input, i) => !('refused' in results[i]) && candidates.has(input.uscc));
    inputs.forEach((input, i) => {
      if (!('refused' in results[i]) && !candidates.has(input.uscc)) results[i] = UNRATED;
    });
    if (ratedInputs.length === 0) return results;
    const usccs = [...new Set(ratedInputs.map((input) => input.uscc))].sort();
    const frequencies = await this.policies.inspectionFrequencies(ctx, asOf);
    const othersOf = await otherFactsFor(ctx, ratedInputs, asOf, await this.rewardDates(ctx, ratedInputs, candidates));
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      // Locked in code order, so that two imports never wait on each other in a cycle. A subject
      // enrolled after the check above is not among them: its events count as recorded before it was.
      const subjects = await manager
        .getRepository(RatedSubjectEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.uscc IN (:...usccs)', { usccs })
        .orderBy('s.uscc')
        .getMany();
      const visible = await Promise.all(subjects.map((s) => subjectVisible(ctx, s.uscc, { districtCode: s.districtCode, rated: true })));
      const subjectOf = new Map(subjects.filter((_, i) => visible[i]).map((s) => [s.uscc, s]));
      const rated = [...subjectOf.keys()];
      const eventsOf = groupBy(
        rated.length ? await manager.getRepository(CreditEventEntity).find({ where: { uscc: In(rated) }, order: { occurredOn: 'ASC', id: 'ASC' } }) : [],
      );
      const designationsOf = groupBy(rated.length ? await manager.getRepository(FrontRunnerEntity).find({ where: { uscc: In(rated) } }) : []);
      const planned: { index: number; plan: EventPlan }[] = [];
      for (const [index, input] of inputs.entries()) {
        if ('refused' in results[index]) continue;
        const subject = subjectOf.get(input.uscc);
        if (!subject) {
          results[index] = { unrated: true };
          continue;
        }
        const existing = eventsOf.get(input.uscc) ?? [];
        const decisionNo = input.decisionNo?.trim() || null;
        if (options.skipRecorded && decisionNo && existing.some((e) => e.type === input.type && e.decisionNo === decisionNo)) {
          results[index] = { recorded: true };
          continue;
        }
        const plan = await this.plan(ctx, subject, existing, designationsOf.get(input.uscc) ?? [], input, asOf, othersOf.get(input.uscc)!);
        if ('refusal' in plan) {
          results[index] = { refused: plan.refusal.message };
          continue;
        }
        existing.push(plan.event);
        eventsOf.set(input.uscc, existing);
        planned.push({ index, plan });
      }
      if (planned.length === 0) return results;
      await manager.getRepository(CreditEventEntity).insert(planned.map(({ plan }) => plan.event));
      const notices = planned.map(({ plan }) => noticeOf(plan, frequencies, asOf));
      // The jsonb facts are a plain object, which insert's deep-partial entity type does not describe.
      await manager.getRepository(CreditNoticeEntity).insert(notices as QueryDeepPartialEntity<CreditNoticeEntity>[]);
      const touched = [...new Set(planned.map(({ plan }) => plan.subject.uscc))];
      await this.current.refreshMany(
        manager,
        ctx,
        touched.map((uscc) => ({ subject: subjectOf.get(uscc)!, events: eventsOf.get(uscc)!, designations: designationsOf.get(uscc) ?? [] })),
      );
      for (const { index, plan } of planned) results[index] = { stored: true, eventId: plan.event.id };
      return results;
    });
  }

  /** The subject kind of each code of `usccs` that is a rated subject (one statement; no lock). */
  private async ratedAmong(usccs: readonly string[]): Promise<Map<string, string>> {
    if (usccs.length === 0) return new Map();
    const rows: { uscc: string; subject_kind: string }[] = await this.dataSource.query(
      'SELECT uscc, subject_kind FROM environment.rated_subject WHERE uscc = ANY($1::varchar[])',
      [[...new Set(usccs)]],
    );
    return new Map(rows.map((row) => [row.uscc, row.subject_kind]));
  }

  /**
   * The dates whose measure catalogue a reward bar may be checked on: those of events that may carry
   * positive points (their type's default, or the points given). Penalties never do, so a batch of
   * penalty decisions asks for today's catalogue only, not one per decision date.
   */
  private async rewardDates(ctx: HubContext, inputs: readonly RecordCreditEventInput[], kinds: ReadonlyMap<string, string>): Promise<Set<IsoDate>> {
    const dates = new Set<IsoDate>();
    for (const input of inputs) {
      const type = await this.policies.eventTypeOn(ctx, kinds.get(input.uscc)!, input.type, input.occurredOn);
      if ((input.points ?? type?.defaultPoints ?? 0) > 0) dates.add(input.occurredOn);
    }
    return dates;
  }

  /**
   * The checks of one event (rules/credit-event, pure) against the locked subject, its stored (and
   * already planned) events and designations, the policy and catalogue of its kind and the other
   * departments' facts; the row to store when accepted, else the refusal naming the broken rule.
   */
  private async plan(
    ctx: HubContext,
    subject: RatedSubjectEntity,
    existing: readonly CreditEventEntity[],
    designations: readonly FrontRunnerEntity[],
    input: RecordCreditEventInput,
    asOf: IsoDate,
    others: OtherFacts,
  ): Promise<EventPlan | { refusal: EventRefusal }> {
    // The policy tables are read once per request (already, for the inspection frequencies): no statement here.
    const [eventTypes, policies, calendar] = await Promise.all([
      this.policies.eventTypesFor(ctx, subject.subjectKind),
      this.policies.policiesFor(ctx, subject.subjectKind),
      this.policies.workingDays(ctx),
    ]);
    const checked = checkEvent({
      input,
      asOf,
      subject,
      eventTypes,
      policies,
      events: existing,
      designations,
      listings: others.record.listings,
      catalogOn: others.catalogOn,
      calendar,
    });
    if (checked.refusal) return { refusal: checked.refusal };
    const event = this.dataSource.getRepository(CreditEventEntity).create({
      ...checked.accepted.event,
      recordedBy: ctx.principal.clientId,
      // Known to the hub from today (DOMAIN.md §10): answers "as known on" an earlier day leave it out.
      knownOn: today(),
    });
    return { subject, event, accepted: checked.accepted, others };
  }

  /** ENV_ADMIN: voids an event with its reason; the rating is recomputed from its start. */
  async voidEvent(ctx: HubContext, input: VoidCreditEventInput): Promise<VoidCreditEventPayload> {
    const reason = textOrRefuse(input.reason, 'reason');
    if (!reason) throw badInput('reason must say why the event is voided');
    const id = parseId(input.eventId, 'eventId');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const found = await manager.getRepository(CreditEventEntity).findOneBy({ id });
      const subject = found && (await this.subjects.lockSubject(manager, ctx, found.uscc));
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
    const after = await this.current.refresh(manager, ctx, subject);
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
