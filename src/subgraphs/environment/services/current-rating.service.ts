/**
 * The stored current rating: `current_color`, `current_score`, `current_on`, `current_since` and
 * `next_change_on` of `rated_subject`, a cache of `ratingOn(basis, today)` that holds until
 * `next_change_on` (see `materialisedOn`). Contract: a mutation that changes what a subject's rating
 * depends on refreshes it here inside its own transaction, under the subject row lock
 * (SubjectScopeService.lockSubject), and bumps `rating_version`, and stores the subject's colour
 * periods (the one colour source, color-period.service) in the same transaction; a read that finds the stored rating
 * stale recomputes it and stores it lazily here, after the read snapshot, only over the version it
 * read, so a concurrent mutation's refresh is never overwritten with older facts. Enrolment
 * (`currentColumns`) and the daily job of due ratings (RatingDueService) store the same columns by
 * the same rules.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import { today, type IsoDate } from '../../../shared/dates';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import type { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { colorSinceOn, nextChangeAfter, ratingOn, type Rating, type RatingBasis } from '../rules/scoring';
import type { PolicyService } from './policy.service';
import { ratingBasis } from '../rules/scoring';
import { storeColorPeriods } from './color-period.service';

/** True when the row's materialised rating holds on `day` (computed on or before it, no change due yet). */
export function materialisedOn(subject: RatedSubjectEntity, day: IsoDate): boolean {
  return subject.currentOn !== null && subject.currentOn <= day && (subject.nextChangeOn === null || subject.nextChangeOn > day);
}

/** The stored current rating of a subject whose rating depends on `basis`, as computed on `day`. */
export function currentColumns(basis: RatingBasis, day: IsoDate, rating: Rating | null = ratingOn(basis, day)) {
  return {
    currentColor: rating?.color ?? null,
    currentScore: rating?.score ?? null,
    currentOn: day,
    currentSince: rating ? colorSinceOn(basis, day) : null,
    nextChangeOn: nextChangeAfter(basis, day),
  };
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
 * version that was read, so a concurrent mutation's refresh is never overwritten with older facts,
 * and never over a rating stored for a later day (the daily job run ahead for its day): that rating
 * and the colour change it told stay, and reads before that day compute theirs without storing it.
 * Inside a read snapshot (read-only) the write waits until the snapshot is released.
 */
function materialisedRatingWriter(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<MaterialisedRating, true>(ctx, 'environment:materialise', async (rows) => {
    await ctx.snapshot.afterReads(() => dataSource.query(
      `UPDATE environment.rated_subject s
          SET current_color = v.color, current_score = v.score, current_on = v.on_date, current_since = v.since, next_change_on = v.next_change
         FROM unnest($1::varchar[], $2::varchar[], $3::int[], $4::date[], $5::date[], $6::int[], $7::date[]) AS v(uscc, color, score, on_date, next_change, version, since)
        WHERE s.uscc = v.uscc AND s.rating_version = v.version AND (s.current_on IS NULL OR s.current_on <= v.on_date)`,
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

/** Stores subjects' current ratings: lazily after a read, or inside a mutation's transaction. */
export class CurrentRatingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /**
   * Stores today's rating that a read computed from `basis` (after the read snapshot, see
   * materialisedRatingWriter), over the version of `subject` the read saw; returns the day its colour began.
   */
  async materialise(ctx: HubContext, subject: RatedSubjectEntity, basis: RatingBasis, day: IsoDate, rating: Rating | null): Promise<IsoDate | null> {
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
    const columns = currentColumns(basis, day, rating);
    // The stored rating and the colour periods in one statement (a data-modifying CTE).
    await storeColorPeriods(manager, [{ subject, basis }], {
      sql: `UPDATE environment.rated_subject
               SET current_color = $1, current_score = $2, current_on = $3::date, current_since = $4::date, next_change_on = $5::date, rating_version = rating_version + 1
             WHERE uscc = $6`,
      params: [columns.currentColor, columns.currentScore, columns.currentOn, columns.currentSince, columns.nextChangeOn, subject.uscc],
    });
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
    const bases = [];
    for (const { subject, events, designations } of subjects) {
      const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
      const basis = ratingBasis(subject.ratedFrom, policies, events, designations);
      bases.push({ subject, basis });
      rows.push({ uscc: subject.uscc, ...currentColumns(basis, day) });
      ctx.touchedUsccs.add(subject.uscc);
    }
    await storeColorPeriods(manager, bases, {
      sql: `UPDATE environment.rated_subject s
               SET current_color = v.color, current_score = v.score, current_on = $4::date, current_since = v.since, next_change_on = v.next_change, rating_version = s.rating_version + 1
              FROM unnest($1::varchar[], $2::varchar[], $3::int[], $5::date[], $6::date[]) AS v(uscc, color, score, next_change, since)
             WHERE s.uscc = v.uscc`,
      params: [rows.map((r) => r.uscc), rows.map((r) => r.currentColor), rows.map((r) => r.currentScore), day, rows.map((r) => r.nextChangeOn), rows.map((r) => r.currentSince)],
    });
  }
}
