import { In, type DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { facts as subjectFacts, subjectVisible, type CatalogueMeasure, type SubjectRecord } from '../../../shared/auth/subject-scope';
import { writeTransaction } from '../../../shared/read-snapshot';
import { DEFAULT_LIST_PAGE, listConnection } from '../../../shared/paging/cursor';
import type { HubContext } from '../../../shared/context';
import { addDays, addMonths, today, type IsoDate } from '../../../shared/dates';
import { badInput, HubError, notFound } from '../../../shared/errors';
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
import { composeNoticeText, noticeMeasures, noticeNumber, type NoticeFacts } from '../rules/credit-notice';
import { noticeBureau } from './notice-issuer';
import { signedNoticePath } from './notice-link';
import { rewardRefusal } from '../rules/reward-bar';
import type { PolicyService } from './policy.service';
import type { CurrentRatingService } from './current-rating.service';
import { ratingBasis } from './rating-basis.mapper';
import type { SubjectScopeService } from './subject-scope.service';
import { policyOn, ratingOn, type Rating, type RatingBasis } from '../rules/scoring';

const MAX_TEXT = 2000;

function optionalText(value: string | null | undefined, name: string): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > MAX_TEXT) throw badInput(`${name} is longer than ${MAX_TEXT} characters`);
  return trimmed || null;
}

function asEnvCredit(rating: Rating | null, ratedOn: string) {
  return rating && { color: rating.color, score: rating.score, ratedOn };
}

/** What one event's checks produced: the row to store and what its notice states. */
interface EventPlan {
  subject: RatedSubjectEntity;
  event: CreditEventEntity;
  eventType: EventTypeEntity;
  basisBefore: RatingBasis;
  /** The rating basis with the event: today's rating is refreshed from it, without reading the events again. */
  basisAfter: RatingBasis;
  noticeBefore: Rating | null;
  noticeAfter: Rating;
  objectionDays: number;
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

/** Checks of the input's own dates against today; a message, or null when they are fine. */
function inputDateProblem(input: RecordCreditEventInput, asOf: IsoDate): string | null {
  if (input.occurredOn > asOf) return `occurredOn ${input.occurredOn} is in the future (today is ${asOf})`;
  const servedOn = input.servedOn ?? input.occurredOn;
  if (servedOn < input.occurredOn) return `servedOn ${servedOn} is before occurredOn ${input.occurredOn}`;
  if (servedOn > asOf) return `servedOn ${servedOn} is in the future (today is ${asOf})`;
  return null;
}

function groupBy<T extends { uscc: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.uscc);
    if (group) group.push(row);
    else groups.set(row.uscc, [row]);
  }
  return groups;
}

/** The notice (告知书) row of a stored event (its id numbers the notice). */
function noticeOf(plan: EventPlan, frequencies: readonly InspectionFrequencyEntity[], asOf: IsoDate) {
  const { event, eventType, noticeBefore, noticeAfter, others } = plan;
  const number = noticeNumber(asOf.slice(0, 4), event.id);
  const facts: NoticeFacts = {
    number,
    uscc: event.uscc,
    subjectName: others.record.name,
    bureau: noticeBureau(),
    issuedOn: asOf,
    decisionNo: event.decisionNo,
    eventType: eventType.code,
    eventName: eventType.nameZh,
    occurredOn: event.occurredOn,
    servedOn: event.servedOn,
    points: event.points,
    validFrom: event.validFrom,
    validUntil: event.validUntil,
    colorBefore: noticeBefore?.color ?? null,
    colorAfter: noticeAfter.color,
    scoreAfter: noticeAfter.score,
    objectionDays: plan.objectionDays,
    inspectionMultiplier: frequencies.find((f) => f.color === noticeAfter.color)?.multiplier ?? null,
    publicUntil: event.publicityUntil,
    measures: noticeMeasures(noticeAfter.color, others.record.listings, asOf, others.catalog),
  };
  return { number, eventId: event.id, uscc: event.uscc, text: composeNoticeText(facts), facts: { ...facts } };
}

/** Records scored events with their notices, and voids them (the voiding is kept with the event). */
export class CreditEventService {
  /** The subject in the caller's scope (read or locked) and the refresh of its stored rating. */
  private readonly ratings: Pick<SubjectScopeService, 'subject' | 'lockSubject'> & Pick<CurrentRatingService, 'refresh' | 'refreshFrom' | 'refreshMany'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    subjects: SubjectScopeService,
    current: CurrentRatingService,
  ) {
    this.ratings = {
      subject: subjects.subject.bind(subjects),
      lockSubject: subjects.lockSubject.bind(subjects),
      refresh: current.refresh.bind(current),
      refreshFrom: current.refreshFrom.bind(current),
      refreshMany: current.refreshMany.bind(current),
    };
  }

  /** The subject's events, voided ones included, oldest first; null when out of scope or unrated. */
  async eventsOf(ctx: HubContext, uscc: string): Promise<CreditEvent[] | null> {
    if (!(await this.ratings.subject(ctx, uscc))) return null;
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
   * notice, all in one transaction. Nothing is written when any check fails.
   */
  async record(ctx: HubContext, input: RecordCreditEventInput): Promise<RecordCreditEventPayload> {
    const asOf = today();
    const dateProblem = inputDateProblem(input, asOf);
    if (dateProblem) throw badInput(dateProblem);
    const frequencies = await this.policies.inspectionFrequencies(ctx, asOf);
    const others = (await otherFactsFor(ctx, [input], asOf)).get(input.uscc)!;
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const subject = await this.ratings.lockSubject(manager, ctx, input.uscc);
      if (!subject) throw badInput(`${input.uscc} is not a rated subject; enrol it with enrollRatedSubject first`);
      const eventRepository = manager.getRepository(CreditEventEntity);
      const existing = await eventRepository.find({ where: { uscc: input.uscc }, order: { occurredOn: 'ASC', id: 'ASC' } });
      const designations = await manager.getRepository(FrontRunnerEntity).find({ where: { uscc: input.uscc } });
      const planned = await this.plan(ctx, subject, existing, designations, input, asOf, others);
      const before = ratingOn(planned.basisBefore, asOf);
      await eventRepository.save(planned.event);
      // The subject's rows are locked: what was read plus the event just stored is what a re-read would return.
      const after = await this.ratings.refreshFrom(manager, ctx, subject, [...existing, planned.event], designations);
      if (!after) throw badInput(`${input.uscc} has no rating on ${asOf}: no scoring policy is in force`);
      const notice = noticeOf(planned, frequencies, asOf);
      // insert, not save: a new notice number, so save's look-up of an existing row is wasted.
      await manager.getRepository(CreditNoticeEntity).insert(notice as QueryDeepPartialEntity<CreditNoticeEntity>);
      return {
        event: toCreditEvent(planned.event),
        ratingBefore: asEnvCredit(before, asOf),
        ratingAfter: { ...after, ratedOn: asOf },
        notice: { number: notice.number, text: notice.text, uscc: input.uscc, eventId: String(planned.event.id), issuedOn: asOf, htmlPath: `/notices/${notice.number}`, printUrl: signedNoticePath(notice.number) },
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
      const problem = inputDateProblem(input, asOf);
      return problem ? { refused: problem } : NOT_STORED;
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
        try {
          const plan = await this.plan(ctx, subject, existing, designationsOf.get(input.uscc) ?? [], input, asOf, othersOf.get(input.uscc)!);
          existing.push(plan.event);
          eventsOf.set(input.uscc, existing);
          planned.push({ index, plan });
        } catch (error) {
          if (!(error instanceof HubError)) throw error;
          results[index] = { refused: error.message };
        }
      }
      if (planned.length === 0) return results;
      await manager.getRepository(CreditEventEntity).insert(planned.map(({ plan }) => plan.event));
      const notices = planned.map(({ plan }) => noticeOf(plan, frequencies, asOf));
      // The jsonb facts are a plain object, which insert's deep-partial entity type does not describe.
      await manager.getRepository(CreditNoticeEntity).insert(notices as QueryDeepPartialEntity<CreditNoticeEntity>[]);
      const touched = [...new Set(planned.map(({ plan }) => plan.subject.uscc))];
      await this.ratings.refreshMany(
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
   * The checks of one event against the locked subject, its stored (and already planned) events and
   * the policy in force, and the event row to store; throws BAD_USER_INPUT naming what is wrong.
   */
  private async plan(
    ctx: HubContext,
    subject: RatedSubjectEntity,
    existing: readonly CreditEventEntity[],
    designations: readonly FrontRunnerEntity[],
    input: RecordCreditEventInput,
    asOf: IsoDate,
    others: OtherFacts,
  ): Promise<EventPlan> {
    const servedOn = input.servedOn ?? input.occurredOn;
    const decisionNo = optionalText(input.decisionNo, 'decisionNo');
    const description = optionalText(input.description, 'description');
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
    const event = this.dataSource.getRepository(CreditEventEntity).create({
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
      // Known to the hub from today (DOMAIN.md §10): answers "as known on" an earlier day leave it out.
      knownOn: today(),
      voidedAt: null,
      voidReason: null,
    });
    const basisBefore = ratingBasis(subject.ratedFrom, policies, existing, designations);
    if (points > 0) {
      // Rewards are barred for some colours and while the subject is on a punishment list (DOMAIN.md §10).
      const colorThen = ratingOn(basisBefore, input.occurredOn)?.color ?? null;
      const refusal = rewardRefusal(input.uscc, input.type, input.occurredOn, colorThen, others.record.listings, others.catalogOn(input.occurredOn));
      if (refusal) throw badInput(refusal);
    }
    const basisAfter = ratingBasis(subject.ratedFrom, policies, [...existing, event], designations);
    // The notice states the event's own effect: the colour the day its validity starts, without and with it.
    const noticeBefore = ratingOn(basisBefore, validFrom);
    const noticeAfter = ratingOn(basisAfter, validFrom);
    if (!noticeAfter) throw badInput(`no scoring policy for ${subject.subjectKind} is in force on ${validFrom}`);
    if (!ratingOn(basisAfter, asOf)) throw badInput(`${input.uscc} has no rating on ${asOf}: no scoring policy is in force`);
    return {
      subject,
      event,
      eventType,
      basisBefore,
      basisAfter,
      noticeBefore,
      noticeAfter,
      objectionDays: policyOn(policies, servedOn)?.objectionDays ?? policy.objectionDays,
      others,
    };
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
