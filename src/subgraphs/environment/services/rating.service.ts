import type { DataSource } from 'typeorm';
import { districtScope, inDistrictScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import type { CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { usccDivision } from '../../../shared/uscc';
import type { CreditEventEntity } from '../entities/credit-event.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { creditEventsLoader, ratedSubjectLoader } from '../loaders/environment.loader';
import type { DistributionGroup, ColorBucket } from '../types/color-distribution.type';
import type { ColorPeriod, EnvCredit, HalfYearSnapshot } from '../types/env-credit.type';
import type { EnrollRatedSubjectInput } from '../types/enroll-rated-subject.input';
import type { PolicyService } from './policy.service';
import { ratingOn, ratingTimeline, type ScoredEvent } from './scoring';

export const SUBJECT_KINDS = ['ENTERPRISE', 'EIA_AGENCY', 'MONITORING_AGENCY', 'OM_AGENCY', 'TREATMENT_AGENCY'] as const;

/** Every 30 June and 31 December in [from, until]. */
export function halfYearEnds(from: IsoDate, until: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
    for (const end of [`${year}-06-30`, `${year}-12-31`]) if (end >= from && end <= until) ends.push(end);
  }
  return ends;
}

/** Events that count for scoring: every event not voided. */
export function scoredEvents(events: readonly CreditEventEntity[]): ScoredEvent[] {
  return events.filter((event) => event.voidedAt === null);
}

/** Ratings derived from stored events: as of any date, as a timeline, and as counts per group. */
export class RatingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /** The rated subject as the caller may see it; null when unrated or outside its district. */
  async subject(ctx: HubContext, uscc: string): Promise<RatedSubjectEntity | null> {
    const subject = await ratedSubjectLoader(ctx, this.dataSource).load(uscc);
    if (!subject || !inDistrictScope(ctx.principal, subject.districtCode)) return null;
    return subject;
  }

  /** The rating on `asOf` (default today); null when the subject is not rated on that date. */
  async ratingOf(ctx: HubContext, uscc: string, asOf: IsoDate = today()): Promise<EnvCredit | null> {
    const subject = await this.subject(ctx, uscc);
    if (!subject) return null;
    const [policies, events] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      creditEventsLoader(ctx, this.dataSource).load(uscc),
    ]);
    const rating = ratingOn(policies, subject.ratedFrom, scoredEvents(events), asOf);
    return rating && { color: rating.color, score: rating.score, ratedOn: asOf };
  }

  /** Every period of constant colour since the subject was rated. */
  async timelineOf(ctx: HubContext, uscc: string): Promise<ColorPeriod[] | null> {
    const subject = await this.subject(ctx, uscc);
    if (!subject) return null;
    const [policies, events] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      creditEventsLoader(ctx, this.dataSource).load(uscc),
    ]);
    const periods: ColorPeriod[] = [];
    for (const period of ratingTimeline(policies, subject.ratedFrom, scoredEvents(events))) {
      const last = periods[periods.length - 1];
      if (last && last.color === period.color) last.until = period.until;
      else periods.push({ color: period.color, from: period.from, until: period.until });
    }
    return periods;
  }

  /**
   * The colour on every half-year end (30 June, 31 December) from the subject's rating start up to
   * `until` (default today), oldest first, with the run of consecutive RED snapshots.
   */
  async halfYearSnapshotsOf(ctx: HubContext, uscc: string, until: IsoDate = today()): Promise<HalfYearSnapshot[] | null> {
    const subject = await this.subject(ctx, uscc);
    if (!subject) return null;
    const [policies, events] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      creditEventsLoader(ctx, this.dataSource).load(uscc),
    ]);
    const scored = scoredEvents(events);
    const snapshots: HalfYearSnapshot[] = [];
    let consecutiveRed = 0;
    for (const periodEnd of halfYearEnds(subject.ratedFrom, until)) {
      const rating = ratingOn(policies, subject.ratedFrom, scored, periodEnd);
      if (!rating) continue;
      consecutiveRed = rating.color === 'RED' ? consecutiveRed + 1 : 0;
      snapshots.push({ periodEnd, color: rating.color, consecutiveRed });
    }
    return snapshots;
  }

  /**
   * Counts per colour and group on `asOf`, computed in one SQL statement with the same rules as
   * `ratingOn` (start score of the policy in force, valid events, cap, worst forced colour).
   */
  async distribution(ctx: HubContext, asOf: IsoDate, groupBy: DistributionGroup): Promise<ColorBucket[]> {
    const groupColumn = groupBy === 'INDUSTRY' ? `COALESCE(s.industry_code, 'UNKNOWN')` : 's.district_code';
    const scope = districtScope(ctx.principal);
    const rows: { group: string; color: CreditColor; count: string }[] = await this.dataSource.query(
      `WITH scored AS (
         SELECT s.uscc, ${groupColumn} AS grp, p.green_min, p.blue_min, p.yellow_min, p.red_min,
                LEAST(p.max_score, p.start_score + COALESCE(SUM(e.points), 0)) AS score,
                (ARRAY_AGG(e.forced_color ORDER BY ARRAY_POSITION(ARRAY['GREEN','BLUE','YELLOW','RED','BLACK'], e.forced_color) DESC)
                   FILTER (WHERE e.forced_color IS NOT NULL))[1] AS forced
           FROM environment.rated_subject s
           JOIN environment.scoring_policy p
             ON p.subject_kind = s.subject_kind AND p.effective_from <= $1 AND (p.effective_to IS NULL OR $1 < p.effective_to)
           LEFT JOIN environment.credit_event e
             ON e.uscc = s.uscc AND e.voided_at IS NULL AND e.valid_from <= $1 AND $1 < e.valid_until
          WHERE s.rated_from <= $1 AND ($2::varchar IS NULL OR s.district_code = $2)
          GROUP BY s.uscc, grp, p.id
       ), colored AS (
         SELECT grp,
                COALESCE(forced, CASE WHEN score >= green_min THEN 'GREEN' WHEN score >= blue_min THEN 'BLUE'
                                      WHEN score >= yellow_min THEN 'YELLOW' WHEN score >= red_min THEN 'RED' ELSE 'BLACK' END) AS color
           FROM scored
       )
       SELECT grp AS "group", color, COUNT(*) AS count
         FROM colored
        GROUP BY grp, color
        ORDER BY grp, ARRAY_POSITION(ARRAY['GREEN','BLUE','YELLOW','RED','BLACK'], color)`,
      [asOf, scope],
    );
    return rows.map((row) => ({ group: row.group, color: row.color, count: Number(row.count) }));
  }

  /** Brings a subject into the rating scope; it starts at its policy's start score on `ratedFrom`. */
  async enroll(ctx: HubContext, input: EnrollRatedSubjectInput): Promise<EnvCredit> {
    const subjectKind = input.subjectKind ?? 'ENTERPRISE';
    if (!(SUBJECT_KINDS as readonly string[]).includes(subjectKind)) {
      throw badInput(`subjectKind "${subjectKind}" must be one of ${SUBJECT_KINDS.join(', ')}`);
    }
    const districtCode = input.districtCode ?? usccDivision(input.uscc);
    if (!/^\d{6}$/.test(districtCode)) throw badInput(`districtCode "${districtCode}" must be a six-digit administrative division code`);
    if (!inDistrictScope(ctx.principal, districtCode)) {
      throw badInput(`district ${districtCode} of ${input.uscc} is outside the caller's district`);
    }
    if (input.ratedFrom > today()) throw badInput(`ratedFrom ${input.ratedFrom} is in the future`);
    const policies = await this.policies.policiesFor(ctx, subjectKind);
    const initial = ratingOn(policies, input.ratedFrom, [], input.ratedFrom);
    if (!initial) throw badInput(`no scoring policy for ${subjectKind} is in force on ${input.ratedFrom}`);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(RatedSubjectEntity);
      const existing = await repository.findOneBy({ uscc: input.uscc });
      if (existing) throw badInput(`${input.uscc} is already rated (since ${existing.ratedFrom})`);
      await repository.insert({ uscc: input.uscc, subjectKind, districtCode, industryCode: input.industryCode ?? null, ratedFrom: input.ratedFrom });
    });
    ctx.touchedUsccs.add(input.uscc);
    return { color: initial.color, score: initial.score, ratedOn: input.ratedFrom };
  }
}
