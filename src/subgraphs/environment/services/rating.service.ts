import { LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import { registeredDistrict, subjectVisible } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { CREDIT_COLORS, type CreditColor } from '../../../shared/credit-color';
import { CITY_DISTRICTS, classifyDistrict, PROVINCES } from '../../../shared/divisions';
import { industryName, INDUSTRY_CLASSES } from '../../../shared/industries';
import { requestLoader } from '../../../shared/dataloader';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { readManager } from '../../../shared/read-snapshot';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { creditEventsLoader, frontRunnerLoader, ratedSubjectLoader } from '../loaders/environment.loader';
import type { ColorBucket, DistributionGroup } from '../types/color-distribution.type';
import type { ColorChangeCause, CreditColorChange } from '../types/credit-history.type';
import type { EnrollRatedSubjectInput } from '../types/enroll-rated-subject.input';
import type { ColorPeriod, CurrentColorPeriod, EnvCredit } from '../types/env-credit.type';
import { toCreditEvent } from './credit-event.mapper';
import { SUBJECT_KINDS, type PolicyService } from './policy.service';
import {
  colorHistory,
  colorPeriods,
  colorSinceOn,
  nextChangeAfter,
  ratingBasis,
  ratingOn,
  scoredEvents,
  type HistoryEvent,
  type Rating,
  type RatingBasis,
} from '../rules/scoring';
import { dayColorsSql, SUBJECT_COLORS_AMONG_SQL } from './subject-colors.sql';

/** The group of subjects with no industry recorded. */
const UNKNOWN_GROUP = 'UNKNOWN';

/** A district's name: the city's own, else the province of another city's division code. */
function districtName(code: string): string | null {
  return classifyDistrict(code)?.name ?? PROVINCES[code.slice(0, 2)] ?? null;
}

// Pure scoring functions that other services import from here; they live in rules/scoring.
export { ratingBasis, scoredEvents };

/** The day an event was voided, in the hub's calendar (UTC, like `today()`). */
export function voidedOn(event: CreditEventEntity): IsoDate | null {
  return event.voidedAt ? new Date(event.voidedAt).toISOString().slice(0, 10) : null;
}

/** True when the row's materialised rating holds on `day` (computed on or before it, no change due yet). */
function materialisedOn(subject: RatedSubjectEntity, day: IsoDate): boolean {
  return subject.currentOn !== null && subject.currentOn <= day && (subject.nextChangeOn === null || subject.nextChangeOn > day);
}

interface MaterialisedRating {
  uscc: string;
  rating: Rating | null;
  on: IsoDate;
  /** The day the colour of `rating` began (see `colorSinceOn`). */
  since: IsoDate | null;
  nextChangeOn: IsoDate | null;
  version: number;
}

/**
 * Writes lazily recomputed current ratings, one UPDATE per batch. A row is only written over the
 * version that was read, so a concurrent mutation's refresh is never overwritten with older facts.
 * Inside a read snapshot (read-only) the write waits until the snapshot is released.
 */
function materialisedRatingWriter(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<MaterialisedRating, true>(ctx, 'environment:materialise', async (rows) => {
    await ctx.snapshot.afterReads(() => dataSource.query(
      `UPDATE environment.rated_subject s
          SET current_color = v.color, current_score = v.score, current_on = v.on_date, current_since = v.since, next_change_on = v.next_change
         FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::date[], $5::date[], $6::int[], $7::date[]) AS v(uscc, color, score, on_date, next_change, version, since)
        WHERE s.uscc = v.uscc AND s.rating_version = v.version`,
      [
        rows.map((r) => r.uscc),
        rows.map((r) => r.rating?.color ?? null),
        rows.map((r) => r.rating?.score ?? null),
        rows.map((r) => r.on),
        rows.map((r) => r.nextChangeOn),
        rows.map((r) => r.version),
        rows.map((r) => r.since),
      ],
    ));
    return rows.map(() => true as const);
  });
}

/**
 * Ratings derived from stored events: as of any date, as a timeline and a history, and as counts
 * per group. Today's rating is materialised on the subject row and only recomputed once its
 * `nextChangeOn` has come (or when a mutation refreshes it).
 */
export class RatingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /** The rated subject as the caller may see it; null when unrated or outside its district. */
  async subject(ctx: HubContext, uscc: string): Promise<RatedSubjectEntity | null> {
    const subject = await ratedSubjectLoader(ctx, this.dataSource).load(uscc);
    return subject && (await this.visible(ctx, subject)) ? subject : null;
  }

  /** The subject's rating basis and all its events (voided included), through the request's loaders. */
  async basisOf(ctx: HubContext, subject: RatedSubjectEntity): Promise<{ basis: RatingBasis; events: CreditEventEntity[] }> {
    const [policies, events, designations] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      creditEventsLoader(ctx, this.dataSource).load(subject.uscc),
      frontRunnerLoader(ctx, this.dataSource).load(subject.uscc),
    ]);
    return { basis: ratingBasis(subject.ratedFrom, policies, events, designations), events };
  }

  /** The rating on `asOf` (default today); null when the subject is not rated on that date. */
  async ratingOf(ctx: HubContext, uscc: string, asOf?: IsoDate): Promise<EnvCredit | null> {
    const subject = await this.subject(ctx, uscc);
    if (!subject) return null;
    const day = today();
    const date = asOf ?? day;
    if (date === day) {
      if (materialisedOn(subject, day)) return subject.currentColor ? { color: subject.currentColor as CreditColor, score: subject.currentScore, ratedOn: day } : null;
    }
    const { basis } = await this.basisOf(ctx, subject);
    const rating = ratingOn(basis, date);
    if (date === day) await this.materialise(ctx, subject, basis, day, rating);
    return rating && { color: rating.color, score: rating.score, ratedOn: date };
  }

  /**
   * Today's colour period from the materialised rating: its colour, the day it began and the day it
   * may next change (until then it holds). Recomputed, like `ratingOf`, when the row is stale or was
   * materialised before `current_since` existed. Null when the subject is not rated or not visible
   * (as `timelineOf`); `color` and `from` are null when it has no rating today. Finance decides
   * today's credit restriction from it without rebuilding the timeline from every event.
   */
  async currentPeriodOf(ctx: HubContext, uscc: string): Promise<CurrentColorPeriod | null> {
    const subject = await this.subject(ctx, uscc);
    if (!subject) return null;
    const day = today();
    if (materialisedOn(subject, day) && (subject.currentColor === null || subject.currentSince !== null)) {
      const color = subject.currentColor as CreditColor | null;
      return { color, from: color ? subject.currentSince : null, until: subject.nextChangeOn };
    }
    const { basis } = await this.basisOf(ctx, subject);
    const rating = ratingOn(basis, day);
    const since = await this.materialise(ctx, subject, basis, day, rating);
    return { color: since ? rating!.color : null, from: since, until: nextChangeAfter(basis, day) };
  }

  /** Stores today's rating (after the read snapshot, see materialisedRatingWriter); returns the day its colour began. */
  private async materialise(ctx: HubContext, subject: RatedSubjectEntity, basis: RatingBasis, day: IsoDate, rating: Rating | null): Promise<IsoDate | null> {
    const since = rating ? colorSinceOn(basis, day) : null;
    await materialisedRatingWriter(ctx, this.dataSource).load({
      uscc: subject.uscc,
      rating,
      on: day,
      since,
      nextChangeOn: nextChangeAfter(basis, day),
      version: subject.ratingVersion,
    });
    return since;
  }

  /** Every period of constant colour since the subject was rated. */
  async timelineOf(ctx: HubContext, uscc: string): Promise<ColorPeriod[] | null> {
    const subject = await this.subject(ctx, uscc);
    if (!subject) return null;
    const { basis } = await this.basisOf(ctx, subject);
    return colorPeriods(basis);
  }

  /**
   * The rated subjects (in the caller's scope) whose colour was one of `colors` on some day of
   * [from, to]: the subjects a colour-triggered measure was due for in that window (the credit
   * office's feedback roll-up and `measureSubjects` ask it through federation). One statement lists
   * the subjects and primes the request's subject loader; the loaders batch the events per 1000.
   */
  async subjectsColoredBetween(ctx: HubContext, colors: readonly CreditColor[], from: IsoDate, to: IsoDate): Promise<string[]> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    const manager = await readManager(ctx, this.dataSource);
    const district = districtScope(ctx.principal);
    if (from === to) {
      // One day (measureSubjects): the colour on that day in one statement, no timeline per subject.
      const rows: { uscc: string }[] = await manager.query(
        `${dayColorsSql(from === today())} SELECT uscc FROM day_colors WHERE color = ANY($3::varchar[]) ORDER BY uscc`,
        [from, district, [...colors]],
      );
      return rows.map((row) => row.uscc);
    }
    const rated = await manager.getRepository(RatedSubjectEntity).find({
      where: { ratedFrom: LessThanOrEqual(to), ...(district ? { districtCode: district } : {}) },
      order: { uscc: 'ASC' },
    });
    const subjects = ratedSubjectLoader(ctx, this.dataSource);
    for (const subject of rated) subjects.prime(subject.uscc, subject);
    const timelines = await Promise.all(rated.map(({ uscc }) => this.timelineOf(ctx, uscc)));
    return rated
      .filter((_, i) => (timelines[i] ?? []).some((p) => colors.includes(p.color) && p.from <= to && (p.until === null || p.until > from)))
      .map(({ uscc }) => uscc);
  }

  /** Every change of colour with what caused it, voidings included (see `colorHistory`). */
  async historyOf(ctx: HubContext, uscc: string): Promise<CreditColorChange[] | null> {
    const subject = await this.subject(ctx, uscc);
    if (!subject) return null;
    const { basis, events } = await this.basisOf(ctx, subject);
    const byId = new Map(events.map((event) => [event.id, event]));
    const historyEvents: HistoryEvent[] = events.map((event) => ({ ...event, voidedOn: voidedOn(event) }));
    return colorHistory(basis, historyEvents).map((change) => {
      const event = change.eventId === null ? undefined : byId.get(change.eventId);
      return { ...change, cause: change.cause as ColorChangeCause, event: event ? toCreditEvent(event) : null };
    });
  }

  /**
   * Recomputes and stores today's rating of a subject inside the caller's transaction (which holds
   * the subject row lock), from the rows that transaction sees. Every mutation that changes what a
   * rating depends on calls it before committing.
   */
  async refresh(manager: EntityManager, ctx: HubContext, subject: RatedSubjectEntity): Promise<Rating | null> {
    // One connection serves the transaction: its statements go one after the other.
    const events = await manager.getRepository(CreditEventEntity).find({ where: { uscc: subject.uscc }, order: { occurredOn: 'ASC', id: 'ASC' } });
    const designations = await manager.getRepository(FrontRunnerEntity).find({ where: { uscc: subject.uscc } });
    const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
    return this.refreshWith(manager, ctx, subject, ratingBasis(subject.ratedFrom, policies, events, designations));
  }

  /**
   * `refresh` from a rating basis the caller already holds: built inside its transaction from the
   * locked subject's rows as that transaction read and wrote them (recordCreditEvent's checks build
   * it with the event they accept), so nothing is read again. One UPDATE; returns today's rating.
   */
  async refreshWith(manager: EntityManager, ctx: HubContext, subject: RatedSubjectEntity, basis: RatingBasis): Promise<Rating | null> {
    const day = today();
    const rating = ratingOn(basis, day);
    await manager.getRepository(RatedSubjectEntity).update(
      { uscc: subject.uscc },
      {
        currentColor: rating?.color ?? null,
        currentScore: rating?.score ?? null,
        currentOn: day,
        currentSince: rating ? colorSinceOn(basis, day) : null,
        nextChangeOn: nextChangeAfter(basis, day),
        ratingVersion: () => 'rating_version + 1',
      },
    );
    ctx.touchedUsccs.add(subject.uscc);
    return rating;
  }

  /**
   * `refresh` for many subjects at once, from rows the caller has read inside its transaction (which
   * holds the subjects' row locks): one UPDATE for all of them.
   */
  async refreshMany(
    manager: EntityManager,
    ctx: HubContext,
    subjects: readonly { subject: RatedSubjectEntity; events: readonly CreditEventEntity[]; designations: readonly FrontRunnerEntity[] }[],
  ): Promise<void> {
    if (subjects.length === 0) return;
    const day = today();
    const rows = [];
    for (const { subject, events, designations } of subjects) {
      const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
      const basis = ratingBasis(subject.ratedFrom, policies, events, designations);
      const rating = ratingOn(basis, day);
      rows.push({ uscc: subject.uscc, rating, since: rating ? colorSinceOn(basis, day) : null, nextChangeOn: nextChangeAfter(basis, day) });
      ctx.touchedUsccs.add(subject.uscc);
    }
    await manager.query(
      `UPDATE environment.rated_subject s
          SET current_color = v.color, current_score = v.score, current_on = $4::date, current_since = v.since, next_change_on = v.next_change, rating_version = s.rating_version + 1
         FROM unnest($1::varchar[], $2::varchar[], $3::int[], $5::date[], $6::date[]) AS v(uscc, color, score, next_change, since)
        WHERE s.uscc = v.uscc`,
      [rows.map((r) => r.uscc), rows.map((r) => r.rating?.color ?? null), rows.map((r) => r.rating?.score ?? null), day, rows.map((r) => r.nextChangeOn), rows.map((r) => r.since)],
    );
  }

  /** The subject row locked for a mutation; null when unrated or outside the caller's district. */
  async lockSubject(manager: EntityManager, ctx: HubContext, uscc: string): Promise<RatedSubjectEntity | null> {
    const subject = await manager
      .getRepository(RatedSubjectEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.uscc = :uscc', { uscc })
      .getOne();
    return subject && (await this.visible(ctx, subject)) ? subject : null;
  }

  /**
   * Row scope over the bureau's own row: its district is the registration's (kept in step by
   * SubjectDistrictService), and a row means the subject is rated.
   */
  private visible(ctx: HubContext, subject: RatedSubjectEntity): Promise<boolean> {
    return subjectVisible(ctx, subject.uscc, { districtCode: subject.districtCode, rated: true });
  }

  /**
   * Counts per colour and group on `asOf`, in one SQL statement with the rules of `ratingOn` (today: the stored ratings that hold). Every
   * group the caller may see gets all five colours, zero counts included: the city's districts (only
   * its own for a district officer) or the named industries, plus any other group that has subjects.
   * Each bucket names its group and carries the search filter that lists its subjects (drill-down).
   */
  async distribution(ctx: HubContext, asOf: IsoDate, groupBy: DistributionGroup): Promise<ColorBucket[]> {
    const byIndustry = groupBy === 'INDUSTRY';
    const groupColumn = byIndustry ? `COALESCE(industry_code, '${UNKNOWN_GROUP}')` : 'district_code';
    const district = districtScope(ctx.principal);
    const manager = await readManager(ctx, this.dataSource);
    const rows: { group: string; color: CreditColor; count: string }[] = await manager.query(
      `${dayColorsSql(asOf === today())}
       SELECT ${groupColumn} AS "group", color, COUNT(*) AS count
         FROM day_colors
        GROUP BY 1, color`,
      [asOf, district],
    );
    const counts = new Map(rows.map((row) => [`${row.group}/${row.color}`, Number(row.count)]));
    const known = byIndustry ? Object.keys(INDUSTRY_CLASSES) : district ? [district] : Object.keys(CITY_DISTRICTS);
    const groups = [...new Set([...known, ...rows.map((row) => row.group)])].sort();
    return groups.flatMap((group) =>
      CREDIT_COLORS.map((color) => ({
        group,
        groupName: group === UNKNOWN_GROUP ? null : byIndustry ? industryName(group) : districtName(group),
        color,
        count: counts.get(`${group}/${color}`) ?? 0,
        filter: group === UNKNOWN_GROUP ? null : { districtCode: byIndustry ? null : group, industryCode: byIndustry ? group : null, color, colorAsOf: asOf },
      })),
    );
  }

  /**
   * Hub-internal: the colour on `asOf` of each of `usccs`, in their order, null when not rated on
   * that day; for a search's colour filter and PUBLIC's rated-only scope. One statement per call,
   * whatever the number of codes; the caller pages, so the cost follows the page. A list of enum
   * values, not objects: 20,000 of them cross federation without a resolver per item.
   */
  async colorsAmong(ctx: HubContext, usccs: readonly string[], asOf: IsoDate): Promise<(CreditColor | null)[]> {
    if (usccs.length === 0) return [];
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string; color: CreditColor }[] = await manager.query(`${SUBJECT_COLORS_AMONG_SQL} SELECT uscc, color FROM subject_colors`, [
      asOf,
      districtScope(ctx.principal),
      [...usccs],
    ]);
    const colors = new Map(rows.map((row) => [row.uscc, row.color]));
    return usccs.map((uscc) => colors.get(uscc) ?? null);
  }

  /** Hub-internal: those of `usccs` in the rating scope on `asOf` (PUBLIC's row scope for a search page); one indexed statement. */
  async ratedAmong(ctx: HubContext, usccs: readonly string[], asOf: IsoDate): Promise<string[]> {
    if (usccs.length === 0) return [];
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT uscc FROM environment.rated_subject WHERE uscc = ANY($1::varchar[]) AND rated_from <= $2::date AND ($3::varchar IS NULL OR district_code = $3::varchar)`,
      [[...usccs], asOf, districtScope(ctx.principal)],
    );
    return rows.map((row) => row.uscc);
  }

  /** Brings a subject into the rating scope; it starts at its policy's start score on `ratedFrom`. */
  async enroll(ctx: HubContext, input: EnrollRatedSubjectInput): Promise<EnvCredit> {
    const subjectKind = input.subjectKind ?? 'ENTERPRISE';
    if (!(SUBJECT_KINDS as readonly string[]).includes(subjectKind)) {
      throw badInput(`subjectKind "${subjectKind}" must be one of ${SUBJECT_KINDS.join(', ')}`);
    }
    // The supervising district is the registration's (market supervision), never one of our own:
    // an unregistered code is refused, and a stated district must agree with the registration.
    const districtCode = await registeredDistrict(ctx, input.uscc);
    if (districtCode === null) throw badInput(`${input.uscc} is not registered with market supervision; register it before enrolling it`);
    if (input.districtCode != null && input.districtCode !== districtCode) {
      throw badInput(`districtCode ${input.districtCode} contradicts the registration of ${input.uscc}, which is in district ${districtCode}`);
    }
    if (!(await subjectVisible(ctx, input.uscc, { districtCode }))) {
      throw badInput(`district ${districtCode} of ${input.uscc} is outside the caller's district`);
    }
    if (input.ratedFrom > today()) throw badInput(`ratedFrom ${input.ratedFrom} is in the future`);
    const policies = await this.policies.policiesFor(ctx, subjectKind);
    const basis = ratingBasis(input.ratedFrom, policies, [], []);
    const initial = ratingOn(basis, input.ratedFrom);
    if (!initial) throw badInput(`no scoring policy for ${subjectKind} is in force on ${input.ratedFrom}`);
    const current = ratingOn(basis, today());
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(RatedSubjectEntity);
      const existing = await repository.findOneBy({ uscc: input.uscc });
      if (existing) throw badInput(`${input.uscc} is already rated (since ${existing.ratedFrom})`);
      await repository.insert({
        uscc: input.uscc,
        subjectKind,
        districtCode,
        industryCode: input.industryCode ?? null,
        ratedFrom: input.ratedFrom,
        currentColor: current?.color ?? null,
        currentScore: current?.score ?? null,
        currentOn: today(),
        currentSince: current ? colorSinceOn(basis, today()) : null,
        nextChangeOn: nextChangeAfter(basis, today()),
      });
    });
    ctx.touchedUsccs.add(input.uscc);
    return { color: initial.color, score: initial.score, ratedOn: input.ratedFrom };
  }
}
