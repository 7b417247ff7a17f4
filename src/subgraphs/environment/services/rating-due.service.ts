import type { DataSource } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL } from '../../../shared/auth/principal';
import { createContext } from '../../../shared/context';
import type { IsoDate } from '../../../shared/dates';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import { storeColorPeriods } from './color-period.service';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import type { PolicyService } from './policy.service';
import { ratingBasis } from '../rules/scoring';
import { colorSinceOn, nextChangeAfter, ratingOn } from '../rules/scoring';

/** Subjects per transaction. */
const BATCH = 500;

export interface DueRatingsRun {
  day: IsoDate;
  /** Subjects whose stored rating was due on or before `day` and was recomputed. */
  refreshed: number;
  /** Of those, the ones whose colour changed (each wrote a COLOR_CHANGED row to the change outbox). */
  colorChanged: number;
}

/**
 * The daily job of changes made by the passage of time (points returning when an event expires, a
 * front-runner designation's window ending): every subject whose `next_change_on` has come by `day`
 * gets its rating recomputed as of `day` and stored. The UPDATE goes through the colour trigger
 * (EnvironmentChangeOutbox migration), so a colour that changed is in the change outbox in the same
 * transaction, effective on `day`. Batches lock their rows and skip rows another run holds, so
 * several hub instances may run it on the same day; a subject already refreshed is no longer due.
 */
export class RatingDueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
  ) {}

  async refreshDue(day: IsoDate): Promise<DueRatingsRun> {
    const ctx = createContext(HUB_SYSTEM_PRINCIPAL, `job:ratings-due:${day}`);
    const run: DueRatingsRun = { day, refreshed: 0, colorChanged: 0 };
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const subjects = await manager
          .getRepository(RatedSubjectEntity)
          .createQueryBuilder('s')
          .where('s.next_change_on <= :day', { day })
          .andWhere('(s.current_on IS NULL OR s.current_on < :day)', { day })
          .orderBy('s.uscc', 'ASC')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        if (subjects.length === 0) return true;
        const usccs = subjects.map((s) => s.uscc);
        const events = await manager.getRepository(CreditEventEntity).createQueryBuilder('e').where('e.uscc = ANY(:usccs)', { usccs }).orderBy('e.occurred_on', 'ASC').addOrderBy('e.id', 'ASC').getMany();
        const designations = await manager.getRepository(FrontRunnerEntity).createQueryBuilder('f').where('f.uscc = ANY(:usccs)', { usccs }).getMany();
        const rows = [];
        const bases = [];
        for (const subject of subjects) {
          const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
          const basis = ratingBasis(
            subject.ratedFrom,
            policies,
            events.filter((e) => e.uscc === subject.uscc),
            designations.filter((d) => d.uscc === subject.uscc),
          );
          bases.push({ subject, basis });
          const rating = ratingOn(basis, day);
          if (rating && subject.currentColor !== null && rating.color !== subject.currentColor) run.colorChanged += 1;
          rows.push({ uscc: subject.uscc, color: rating?.color ?? null, score: rating?.score ?? null, since: rating ? colorSinceOn(basis, day) : null, next: nextChangeAfter(basis, day) });
        }
        await manager.query(
          `UPDATE environment.rated_subject s
              SET current_color = v.color, current_score = v.score, current_on = $4::date, current_since = v.since,
                  next_change_on = v.next_change, rating_version = s.rating_version + 1
             FROM unnest($1::varchar[], $2::varchar[], $3::int[], $5::date[], $6::date[]) AS v(uscc, color, score, next_change, since)
            WHERE s.uscc = v.uscc`,
          [rows.map((r) => r.uscc), rows.map((r) => r.color), rows.map((r) => r.score), day, rows.map((r) => r.next), rows.map((r) => r.since)],
        );
        // Periods do not depend on the day, so this stores nothing new unless a write raced a new
        // scoring policy version (it computed with the versions it had read): on the version's first
        // day every subject of its kind is due, and its periods are made right here at the latest.
        await storeColorPeriods(manager, bases);
        run.refreshed += rows.length;
        return subjects.length < BATCH;
      });
      if (done) return run;
    }
  }
}
