/**
 * The one colour source (DOMAIN.md §11): `environment.subject_color_period` holds every rated
 * subject's periods of constant colour, `colorPeriods` of the same rating basis that `envCredit`
 * rates the subject from (policy versions, counted events whatever day they were recorded, voidings,
 * front-runner designations with their lapses, the enrolment day), with the subject's district and
 * industry. Every set-wide answer reads it (RatingStatisticsService, draws, the search's colour
 * filter, measures through `subjectsColoredBetween`), and `color_count_delta` (kept from it by
 * triggers, see the migration ColorPeriods) answers counts for any day.
 *
 * Districts by day (DOMAIN.md §11 "Relocation"): a writer states each subject's district of today;
 * `environment.replace_color_periods` cuts the periods at the subject's move days (`district_move`)
 * and gives each piece the district of its days, so counts, buckets and draws as of a day group the
 * subject by where it was that day.
 *
 * Contract: every write that changes a subject's rating basis or its district stores its periods here
 * in its own transaction, under the subject's row lock: `CurrentRatingService.refreshWith` /
 * `refreshMany` (events, voidings, designations, imports), enrolment, the demo seed's COPY, a new
 * scoring policy version (`rebuild` of its subject kind), a district move. Periods do not depend on
 * today; the daily job of due ratings stores them again for the subjects it refreshes, which changes
 * nothing unless a write raced a new policy version (every subject of its kind is due on its first
 * day). `rebuild` recomputes them from events: the migration that created them runs it over an
 * existing database, and an operator may run it to check them.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { colorPeriods, ratingBasis, type RatingBasis } from '../rules/scoring';
import type { FrontRunnerPolicy, ScoringPolicy } from '../rules/scoring';

/** What a subject's periods are stored with. */
export interface PeriodSubject {
  uscc: string;
  districtCode: string;
  industryCode: string | null;
}

interface PeriodRows {
  uscc: string[];
  from: string[];
  until: (string | null)[];
  color: string[];
  district: string[];
  industry: (string | null)[];
}

function periodRows(subjects: readonly { subject: PeriodSubject; basis: RatingBasis }[]): PeriodRows {
  const rows: PeriodRows = { uscc: [], from: [], until: [], color: [], district: [], industry: [] };
  for (const { subject, basis } of subjects) {
    for (const period of colorPeriods(basis)) {
      rows.uscc.push(subject.uscc);
      rows.from.push(period.from);
      rows.until.push(period.until);
      rows.color.push(period.color);
      rows.district.push(subject.districtCode);
      rows.industry.push(subject.industryCode);
    }
  }
  return rows;
}

/**
 * Stores the colour periods of `subjects` from their rating bases, inside the caller's transaction
 * (which holds their row locks): one statement, whatever their number; periods that did not change
 * are left alone, so the counts move only where a colour did. `alongside`: a data-modifying statement
 * of the caller's (its parameters numbered from $1) sent in the same round trip, as a CTE.
 */
export async function storeColorPeriods(
  manager: EntityManager,
  subjects: readonly { subject: PeriodSubject; basis: RatingBasis }[],
  alongside?: { sql: string; params: unknown[] },
): Promise<void> {
  if (subjects.length === 0) return;
  const rows = periodRows(subjects);
  const before = alongside?.params ?? [];
  const p = (i: number) => `$${before.length + i}`;
  await manager.query(
    `${alongside ? `WITH alongside AS (${alongside.sql}) ` : ''}SELECT environment.replace_color_periods(${p(1)}::varchar[], ${p(2)}::date[], ${p(3)}::date[], ${p(4)}::varchar[], ${p(5)}::varchar[], ${p(6)}::varchar[], ${p(7)}::varchar[])`,
    [...before, rows.uscc, rows.from, rows.until, rows.color, rows.district, rows.industry, subjects.map(({ subject }) => subject.uscc)],
  );
}

/** Subjects per batch of a rebuild: their events are read in one statement. */
const REBUILD_BATCH = 2000;

export interface ColorPeriodRebuild {
  subjects: number;
  periods: number;
}

/** Recomputes the colour source from events. */
export class ColorPeriodService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Recomputes every subject's periods (of one subject kind, when given) from its events,
   * designations and the policy versions, in `manager`'s transaction (a new one when absent), all
   * read through that transaction (a new policy version not yet committed included). The
   * whole set is replaced: the counts follow through the triggers. Subjects are read in code order
   * in batches, each batch's rows in one statement each.
   */
  async rebuild(manager?: EntityManager, subjectKind?: string): Promise<ColorPeriodRebuild> {
    if (!manager) return this.dataSource.transaction((m) => this.rebuild(m, subjectKind));
    // Plain SQL, not entities: the migration that creates the source runs this too.
    const policies: (ScoringPolicy & FrontRunnerPolicy & { subjectKind: string })[] = await manager.query(
      `SELECT subject_kind AS "subjectKind", start_score AS "startScore", max_score AS "maxScore", green_min AS "greenMin", blue_min AS "blueMin",
              yellow_min AS "yellowMin", red_min AS "redMin", validity_offset_days AS "validityOffsetDays",
              front_runner_clean_months AS "frontRunnerCleanMonths", effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo"
         FROM environment.scoring_policy ORDER BY effective_from`,
    );
    const result: ColorPeriodRebuild = { subjects: 0, periods: 0 };
    if (subjectKind === undefined) await manager.query(`TRUNCATE environment.subject_color_period, environment.color_count_delta`);
    else await manager.query(`DELETE FROM environment.subject_color_period p USING environment.rated_subject s WHERE s.uscc = p.uscc AND s.subject_kind = $1`, [subjectKind]);
    let after = '';
    for (;;) {
      const subjects: { uscc: string; subject_kind: string; district_code: string; industry_code: string | null; rated_from: string }[] = await manager.query(
        `SELECT uscc, subject_kind, district_code, industry_code, rated_from::text AS rated_from FROM environment.rated_subject
          WHERE uscc > $1 AND ($2::varchar IS NULL OR subject_kind = $2) ORDER BY uscc LIMIT $3`,
        [after, subjectKind ?? null, REBUILD_BATCH],
      );
      if (subjects.length === 0) return result;
      after = subjects[subjects.length - 1].uscc;
      const usccs = subjects.map((s) => s.uscc);
      const events: { uscc: string; type: string; occurredOn: string; points: number; validFrom: string; validUntil: string; forcedColor: string | null; voidedAt: Date | null }[] =
        await manager.query(
          `SELECT uscc, type, occurred_on::text AS "occurredOn", points, valid_from::text AS "validFrom", valid_until::text AS "validUntil",
                  forced_color AS "forcedColor", voided_at AS "voidedAt"
             FROM environment.credit_event WHERE uscc = ANY($1::varchar[])`,
          [usccs],
        );
      const designations: { uscc: string; designatedOn: string }[] = await manager.query(
        `SELECT uscc, designated_on::text AS "designatedOn" FROM environment.front_runner WHERE uscc = ANY($1::varchar[])`,
        [usccs],
      );
      const eventsOf = groupBy(events);
      const designationsOf = groupBy(designations);
      const bases = [];
      for (const s of subjects) {
        const kindPolicies = policies.filter((policy) => policy.subjectKind === s.subject_kind);
        bases.push({
          subject: { uscc: s.uscc, districtCode: s.district_code, industryCode: s.industry_code },
          basis: ratingBasis(s.rated_from, kindPolicies, eventsOf.get(s.uscc) ?? [], designationsOf.get(s.uscc) ?? []),
        });
      }
      const rows = periodRows(bases);
      // Through the same function as every writer, so that the periods are cut at the subjects' move days.
      await manager.query(
        `SELECT environment.replace_color_periods($1::varchar[], $2::date[], $3::date[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[])`,
        [rows.uscc, rows.from, rows.until, rows.color, rows.district, rows.industry, usccs],
      );
      result.subjects += subjects.length;
      result.periods += rows.uscc.length;
    }
  }
}

function groupBy<T extends { uscc: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.uscc);
    if (group) group.push(row);
    else groups.set(row.uscc, [row]);
  }
  return groups;
}
