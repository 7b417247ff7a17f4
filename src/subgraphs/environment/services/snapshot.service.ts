import { writeTransaction } from '../../../shared/read-snapshot';
import { In, MoreThan, type DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import type { CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import { HalfYearSnapshotEntity } from '../entities/half-year-snapshot.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { storedSnapshotsLoader } from '../loaders/environment.loader';
import type { HalfYearSnapshot } from '../types/env-credit.type';
import type { CreditSnapshot, HalfYearSnapshotRun } from '../types/snapshot.type';
import type { PolicyService } from './policy.service';
import { ratingBasis, type RatingService } from './rating.service';
import { ratingOn, type RatingBasis } from './scoring';

/** Subjects per batch when a whole half-year is snapshotted. */
const BATCH = 500;

/** Every 30 June and 31 December in [from, until]. */
export function halfYearEnds(from: IsoDate, until: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
    for (const end of [`${year}-06-30`, `${year}-12-31`]) if (end >= from && end <= until) ends.push(end);
  }
  return ends;
}

/**
 * The snapshot series of a subject up to `until`: stored rows as they were taken (never
 * recomputed), derived ratings for the half-year ends not taken yet, the run of consecutive RED
 * continuing across both.
 */
export function snapshotSeries(basis: RatingBasis, stored: readonly HalfYearSnapshotEntity[], until: IsoDate): CreditSnapshot[] {
  const storedByEnd = new Map(stored.map((row) => [row.periodEnd, row]));
  const series: CreditSnapshot[] = [];
  let consecutiveRed = 0;
  for (const periodEnd of halfYearEnds(basis.ratedFrom, until)) {
    const row = storedByEnd.get(periodEnd);
    if (row) {
      consecutiveRed = row.consecutiveRed;
      series.push({ periodEnd, color: row.color as CreditColor, score: row.score, consecutiveRed, stored: true });
      continue;
    }
    const rating = ratingOn(basis, periodEnd);
    if (!rating) continue;
    consecutiveRed = rating.color === 'RED' ? consecutiveRed + 1 : 0;
    series.push({ periodEnd, color: rating.color, score: rating.score, consecutiveRed, stored: false });
  }
  return series;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function isHalfYearEnd(date: IsoDate): boolean {
  return date.endsWith('-06-30') || date.endsWith('-12-31');
}

/**
 * Half-year snapshots (DOMAIN.md §6): the colour on 30 June and 31 December, stored once by
 * `take` and never changed, with the count of consecutive RED snapshots for the price measures.
 */
export class SnapshotService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly ratings: RatingService,
  ) {}

  /** Every half-year end since the subject was rated, up to today: stored where taken, derived otherwise. */
  async snapshotsOf(ctx: HubContext, uscc: string): Promise<CreditSnapshot[] | null> {
    const subject = await this.ratings.subject(ctx, uscc);
    if (!subject) return null;
    const [{ basis }, stored] = await Promise.all([this.ratings.basisOf(ctx, subject), storedSnapshotsLoader(ctx, this.dataSource).load(uscc)]);
    return snapshotSeries(basis, stored, today());
  }

  /** The gateway-only shape other departments `@requires`. */
  async halfYearSnapshotsOf(ctx: HubContext, uscc: string): Promise<HalfYearSnapshot[] | null> {
    const series = await this.snapshotsOf(ctx, uscc);
    return series && series.map(({ periodEnd, color, consecutiveRed }) => ({ periodEnd, color, consecutiveRed }));
  }

  /**
   * ENV_ADMIN: stores the snapshot of every subject rated on `periodEnd` (a past 30 June or
   * 31 December). Snapshots already stored stay as they are, so running it again is harmless.
   * Works in batches, each its own transaction.
   */
  async take(ctx: HubContext, periodEnd: IsoDate): Promise<HalfYearSnapshotRun> {
    if (!isHalfYearEnd(periodEnd)) throw badInput(`periodEnd ${periodEnd} must be a 30 June or a 31 December`);
    if (periodEnd >= today()) throw badInput(`periodEnd ${periodEnd} has not ended yet (today is ${today()})`);
    const run: HalfYearSnapshotRun = { periodEnd, subjects: 0, stored: 0, alreadyStored: 0, red: 0, black: 0 };
    const policiesByKind = new Map<string, Awaited<ReturnType<PolicyService['policiesFor']>>>();
    let after = '';
    for (;;) {
      const subjects = await this.dataSource.getRepository(RatedSubjectEntity).find({
        where: { uscc: MoreThan(after) },
        order: { uscc: 'ASC' },
        take: BATCH,
      });
      if (!subjects.length) break;
      after = subjects[subjects.length - 1].uscc;
      const rated = subjects.filter((s) => s.ratedFrom <= periodEnd);
      if (!rated.length) continue;
      const usccs = rated.map((s) => s.uscc);
      await writeTransaction(ctx, this.dataSource, async (manager) => {
        const events = await manager.getRepository(CreditEventEntity).find({ where: { uscc: In(usccs) } });
        const designations = await manager.getRepository(FrontRunnerEntity).find({ where: { uscc: In(usccs) } });
        const stored = await manager.getRepository(HalfYearSnapshotEntity).find({ where: { uscc: In(usccs) } });
        const eventsOf = groupBy(events, (e) => e.uscc);
        const designationsOf = groupBy(designations, (d) => d.uscc);
        const storedOf = groupBy(stored, (s) => s.uscc);
        const rows: { uscc: string; color: string; score: number; consecutiveRed: number }[] = [];
        for (const subject of rated) {
          if (!policiesByKind.has(subject.subjectKind)) policiesByKind.set(subject.subjectKind, await this.policies.policiesFor(ctx, subject.subjectKind));
          const basis = ratingBasis(subject.ratedFrom, policiesByKind.get(subject.subjectKind)!, eventsOf.get(subject.uscc) ?? [], designationsOf.get(subject.uscc) ?? []);
          const last = snapshotSeries(basis, storedOf.get(subject.uscc) ?? [], periodEnd).at(-1);
          if (!last || last.periodEnd !== periodEnd) continue;
          run.subjects += 1;
          if (last.color === 'RED') run.red += 1;
          if (last.color === 'BLACK') run.black += 1;
          if (last.stored) run.alreadyStored += 1;
          else rows.push({ uscc: subject.uscc, color: last.color, score: last.score ?? 0, consecutiveRed: last.consecutiveRed });
        }
        if (rows.length) {
          // A concurrent run may have stored some meanwhile: those stay as they are.
          // A RED or BLACK snapshot decides a surcharge for the next half-year: partners are told
          // through the change outbox, in this transaction, for the snapshots this run stored.
          const inserted: unknown[] = await manager.query(
            `WITH stored AS (
               INSERT INTO environment.half_year_snapshot (uscc, period_end, color, score, consecutive_red)
               SELECT v.uscc, $1::date, v.color, v.score, v.consecutive_red
                 FROM unnest($2::varchar[], $3::varchar[], $4::int[], $5::int[]) AS v(uscc, color, score, consecutive_red)
               ON CONFLICT (uscc, period_end) DO NOTHING
               RETURNING uscc, color, consecutive_red
             ), surcharges AS (
               INSERT INTO environment.change_outbox (type, uscc, district_code, effective_on, data)
               SELECT 'SURCHARGE_DECIDED', s.uscc, r.district_code, $1::date + 1,
                      jsonb_build_object('period', $6::text, 'color', s.color, 'consecutiveRed', s.consecutive_red)
                 FROM stored s JOIN environment.rated_subject r ON r.uscc = s.uscc
                WHERE s.color IN ('RED', 'BLACK')
             )
             SELECT uscc FROM stored`,
            [periodEnd, rows.map((r) => r.uscc), rows.map((r) => r.color), rows.map((r) => r.score), rows.map((r) => r.consecutiveRed), followingHalfYear(periodEnd)],
          );
          run.stored += inserted.length;
          run.alreadyStored += rows.length - inserted.length;
        }
      });
    }
    return run;
  }
}

/** The half-year a snapshot on `periodEnd` decides prices for, as `2027-H1` (CONTRACT.md `priceSurcharges(period:)`). */
export function followingHalfYear(periodEnd: IsoDate): string {
  const year = Number(periodEnd.slice(0, 4));
  return periodEnd.slice(5) === '06-30' ? `${year}-H2` : `${year + 1}-H1`;
}
