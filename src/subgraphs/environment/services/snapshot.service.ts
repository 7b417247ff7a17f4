import { writeTransaction } from '../../../shared/read-snapshot';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import type { CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { checkKnownOn } from '../../../shared/known-on';
import { halfYearEnds, isHalfYearEnd, lastHalfYearEndBefore } from '../../../shared/half-year';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import { HalfYearSnapshotCorrectionEntity } from '../entities/half-year-snapshot-correction.entity';
import { eventsAsKnownOn, recordedBy } from '../rules/known-on';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { storedSnapshotsLoader, storedSnapshotsOf, type StoredSnapshot } from '../loaders/environment.loader';
import { readManager } from '../../../shared/read-snapshot';
import type { HalfYearSnapshot } from '../types/env-credit.type';
import type { CreditSnapshot, HalfYearSnapshotRun, SubjectHalfYearSnapshot } from '../types/snapshot.type';
import type { PolicyService } from './policy.service';
import { ratingBasis } from '../rules/scoring';
import type { KnownOnService } from './known-on.service';
import type { RatingService } from './rating.service';
import type { SubjectScopeService } from './subject-scope.service';
import { ratingOn, type RatingBasis } from '../rules/scoring';

/** Subjects per batch when a whole half-year is snapshotted. */
const BATCH = 500;

/** A row of `on_snapshot` (SNAPSHOTS_ON_SQL). */
interface SnapshotRow {
  uscc: string;
  color: CreditColor;
  consecutive_red: number;
  stored: boolean;
  corrected_on: string | null;
  original_color: CreditColor | null;
  original_consecutive_red: number | null;
}

/**
 * `on_snapshot`: the snapshot on $1 (a half-year end) of every subject rated that day whose colour
 * is one of $2: the stored row at its latest corrected version (the colour filter applies to that
 * version; the index on (period_end, color) finds the rest), else the colour of the period holding
 * that day, for subjects in the row scope $3 (a district, or null for all). A derived RED's run of
 * RED is counted by the caller (`consecutive_red` is null then).
 */
export const SNAPSHOTS_ON_SQL = `WITH corrected AS (
    SELECT DISTINCT ON (c.uscc) c.uscc, c.color, c.consecutive_red, c.corrected_on
      FROM environment.half_year_snapshot_correction c WHERE c.period_end = $1::date
     ORDER BY c.uscc, c.version DESC
  ), on_snapshot AS (
    SELECT s.uscc, COALESCE(c.color, s.color) AS color, COALESCE(c.consecutive_red, s.consecutive_red) AS consecutive_red, true AS stored,
           c.corrected_on::text AS corrected_on,
           CASE WHEN c.uscc IS NULL THEN NULL ELSE s.color END AS original_color,
           CASE WHEN c.uscc IS NULL THEN NULL ELSE s.consecutive_red END AS original_consecutive_red
      FROM environment.half_year_snapshot s
      JOIN environment.rated_subject r ON r.uscc = s.uscc AND r.rated_from <= $1::date
      LEFT JOIN corrected c ON c.uscc = s.uscc
     WHERE s.period_end = $1::date AND (s.color = ANY($2::varchar[]) OR c.uscc IS NOT NULL) AND COALESCE(c.color, s.color) = ANY($2::varchar[])
    UNION ALL
    SELECT p.uscc, p.color, NULL, false, NULL, NULL, NULL
      FROM environment.subject_color_period p
      JOIN environment.rated_subject r ON r.uscc = p.uscc AND r.rated_from <= $1::date
     WHERE p.color = ANY($2::varchar[]) AND p.valid_from <= $1::date AND (p.valid_until IS NULL OR $1::date < p.valid_until)
       AND ($3::varchar IS NULL OR r.district_code = $3::varchar)
       AND NOT EXISTS (SELECT 1 FROM environment.half_year_snapshot s WHERE s.uscc = p.uscc AND s.period_end = $1::date)
  )`;

/** A subject's rating on a day, as far as a snapshot needs it (null: not rated that day). */
type RatingAt = (day: IsoDate) => { color: CreditColor; score: number | null } | null;

/**
 * The snapshot series of a subject up to `until`: stored rows as they stand (their latest corrected
 * version, never recomputed), derived ratings for the half-year ends not taken yet, the run of
 * consecutive RED continuing across both.
 */
export function snapshotSeries(basis: RatingBasis, stored: readonly Omit<StoredSnapshot, 'uscc' | 'takenAt'>[], until: IsoDate): CreditSnapshot[] {
  return seriesOf(basis.ratedFrom, (day) => ratingOn(basis, day), stored, until);
}

/**
 * `snapshotSeries` with the derived ratings from `ratingAt`: the rating basis, or the stored colour
 * periods (the same colours, DOMAIN.md §11's one colour source; no score). One chain rule for both.
 */
function seriesOf(ratedFrom: IsoDate, ratingAt: RatingAt, stored: readonly Omit<StoredSnapshot, 'uscc' | 'takenAt'>[], until: IsoDate): CreditSnapshot[] {
  const storedByEnd = new Map(stored.map((row) => [row.periodEnd, row]));
  const series: CreditSnapshot[] = [];
  let consecutiveRed = 0;
  for (const periodEnd of halfYearEnds(ratedFrom, until)) {
    const row = storedByEnd.get(periodEnd);
    if (row) {
      consecutiveRed = row.consecutiveRed;
      series.push({
        periodEnd,
        color: row.color as CreditColor,
        score: row.score,
        consecutiveRed,
        stored: true,
        version: row.version,
        correctedOn: row.correctedOn,
        originalColor: (row.original?.color as CreditColor | undefined) ?? null,
        originalConsecutiveRed: row.original?.consecutiveRed ?? null,
      });
      continue;
    }
    const rating = ratingAt(periodEnd);
    if (!rating) continue;
    consecutiveRed = rating.color === 'RED' ? consecutiveRed + 1 : 0;
    series.push({ periodEnd, color: rating.color, score: rating.score, consecutiveRed, stored: false, version: 0, correctedOn: null, originalColor: null, originalConsecutiveRed: null });
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

/**
 * Half-year snapshots (DOMAIN.md §6): the colour on 30 June and 31 December, stored once by
 * `take` and never changed, with the count of consecutive RED snapshots for the price measures.
 */
export class SnapshotService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly subjects: SubjectScopeService,
    private readonly ratings: RatingService,
    private readonly known: KnownOnService,
  ) {}

  /**
   * Every half-year end since the subject was rated, up to today: stored where taken, derived otherwise.
   * With `knownOn` (DOMAIN.md §11 known-on prices), as the hub held them on that day: the snapshots
   * stored by then, each at the version stored by then (corrections stored later left out), and the
   * ends not stored by then derived from the rating as then known, up to that day.
   */
  async snapshotsOf(ctx: HubContext, uscc: string, knownOn?: IsoDate): Promise<CreditSnapshot[] | null> {
    if (knownOn !== undefined && knownOn < today()) {
      const [known, stored] = await Promise.all([this.known.known(ctx, uscc, knownOn), storedSnapshotsLoader(ctx, this.dataSource, knownOn).load(uscc)]);
      return known && snapshotSeries(known.basis, stored, knownOn);
    }
    if (knownOn !== undefined) checkKnownOn(knownOn);
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const [{ basis }, stored] = await Promise.all([this.ratings.basisOf(ctx, subject), storedSnapshotsLoader(ctx, this.dataSource).load(uscc)]);
    return snapshotSeries(basis, stored, today());
  }

  /** The gateway-only shape other departments `@requires` (and, with `knownOn`, ask through the hub's facts). */
  async halfYearSnapshotsOf(ctx: HubContext, uscc: string, knownOn?: IsoDate): Promise<HalfYearSnapshot[] | null> {
    const series = await this.snapshotsOf(ctx, uscc, knownOn);
    return series && series.map(({ periodEnd, color, consecutiveRed, stored, correctedOn, originalColor, originalConsecutiveRed }) => ({
      periodEnd, color, consecutiveRed, stored, correctedOn, originalColor, originalConsecutiveRed,
    }));
  }

  /**
   * Hub-internal (the credit office's price list): the snapshot on `periodEnd` of every subject rated
   * that day whose snapshot colour is one of `colors`, by code; stored where taken (its latest
   * version), derived otherwise (exactly the entry `envHalfYearSnapshots` gives for that day). Two
   * statements whatever the number of subjects: the stored rows and the derived colours (from the
   * colour periods, the one colour source, in the caller's row scope) in one, then, for derived RED
   * snapshots only, the earlier periods and stored rows their run of RED is counted over.
   */
  async subjectsOnSnapshot(ctx: HubContext, periodEnd: IsoDate, colors: readonly CreditColor[], knownOn?: IsoDate): Promise<SubjectHalfYearSnapshot[]> {
    if (!isHalfYearEnd(periodEnd)) throw badInput(`periodEnd ${periodEnd} must be a 30 June or a 31 December`);
    if (knownOn !== undefined) checkKnownOn(knownOn);
    if (colors.length === 0) return [];
    if (knownOn !== undefined && knownOn < today()) return this.subjectsOnSnapshotKnownOn(ctx, periodEnd, colors, knownOn);
    const manager = await readManager(ctx, this.dataSource);
    const rows: SnapshotRow[] = await manager.query(`${SNAPSHOTS_ON_SQL} SELECT * FROM on_snapshot ORDER BY uscc`, [periodEnd, [...colors], districtScope(ctx.principal)]);
    const runs = await this.redRunsBefore(manager, periodEnd, rows.filter((row) => !row.stored && row.color === 'RED').map((row) => row.uscc));
    return rows.map((row) => ({
      uscc: row.uscc,
      color: row.color,
      consecutiveRed: row.stored ? row.consecutive_red : row.color === 'RED' ? runs.get(row.uscc)! : 0,
      stored: row.stored,
      correctedOn: row.corrected_on,
      originalColor: row.original_color,
      originalConsecutiveRed: row.original_consecutive_red,
    }));
  }

  /**
   * `subjectsOnSnapshot` as the hub held it on `knownOn` (DOMAIN.md §11 known-on prices): the snapshots
   * stored by then, each at its latest version corrected by then, in one statement; for the subjects
   * rated on `periodEnd` (and known to be by then) whose snapshot was not stored by then, the entry
   * `envCreditSnapshots(knownOn:)` derives from the rating as then known (usually none: the job stores
   * every snapshot the day after the half-year ends).
   */
  private async subjectsOnSnapshotKnownOn(ctx: HubContext, periodEnd: IsoDate, colors: readonly CreditColor[], knownOn: IsoDate): Promise<SubjectHalfYearSnapshot[]> {
    const manager = await readManager(ctx, this.dataSource);
    const rows: (SnapshotRow & { taken: boolean })[] = await manager.query(
      `WITH corrected AS (
          SELECT DISTINCT ON (c.uscc) c.uscc, c.color, c.consecutive_red, c.corrected_on
            FROM environment.half_year_snapshot_correction c WHERE c.period_end = $1::date AND c.corrected_on <= $4::date
           ORDER BY c.uscc, c.version DESC
        )
        SELECT r.uscc, s.uscc IS NOT NULL AS taken, COALESCE(c.color, s.color) AS color, COALESCE(c.consecutive_red, s.consecutive_red) AS consecutive_red,
               true AS stored, c.corrected_on::text AS corrected_on,
               CASE WHEN c.uscc IS NULL THEN NULL ELSE s.color END AS original_color,
               CASE WHEN c.uscc IS NULL THEN NULL ELSE s.consecutive_red END AS original_consecutive_red
          FROM environment.rated_subject r
          LEFT JOIN environment.half_year_snapshot s ON s.uscc = r.uscc AND s.period_end = $1::date AND (s.taken_at AT TIME ZONE 'UTC')::date <= $4::date
          LEFT JOIN corrected c ON c.uscc = s.uscc
         WHERE r.rated_from <= $1::date AND r.known_on <= $4::date AND ($3::varchar IS NULL OR r.district_code = $3::varchar)
           AND (s.uscc IS NULL OR COALESCE(c.color, s.color) = ANY($2::varchar[]))
         ORDER BY r.uscc`,
      [periodEnd, [...colors], districtScope(ctx.principal), knownOn],
    );
    const derived = await Promise.all(
      rows.filter((row) => !row.taken).map(async (row) => (await this.snapshotsOf(ctx, row.uscc, knownOn))?.find((snapshot) => snapshot.periodEnd === periodEnd) ?? null),
    );
    const derivedOf = new Map(rows.filter((row) => !row.taken).map((row, i) => [row.uscc, derived[i]]));
    const result: SubjectHalfYearSnapshot[] = [];
    for (const row of rows) {
      if (row.taken) {
        result.push({
          uscc: row.uscc,
          color: row.color,
          consecutiveRed: row.consecutive_red,
          stored: true,
          correctedOn: row.corrected_on,
          originalColor: row.original_color,
          originalConsecutiveRed: row.original_consecutive_red,
        });
        continue;
      }
      const snapshot = derivedOf.get(row.uscc);
      if (!snapshot || !colors.includes(snapshot.color)) continue;
      result.push({ uscc: row.uscc, color: snapshot.color, consecutiveRed: snapshot.consecutiveRed, stored: false, correctedOn: null, originalColor: null, originalConsecutiveRed: null });
    }
    return result;
  }

  /**
   * For subjects whose snapshot on `periodEnd` is derived RED: how many snapshots in a row, ending
   * on `periodEnd`, are RED, counted by `snapshotSeries`'s rule over their stored snapshots and
   * their colour periods (the colour on a half-year end is its period's colour). One statement.
   */
  private async redRunsBefore(manager: EntityManager, periodEnd: IsoDate, usccs: readonly string[]): Promise<Map<string, number>> {
    const runs = new Map<string, number>();
    if (usccs.length === 0) return runs;
    const subjects: {
      uscc: string; rated_from: string;
      periods: { color: CreditColor; from: IsoDate; until: IsoDate | null }[];
      stored: { periodEnd: IsoDate; consecutiveRed: number }[] | null;
    }[] = await manager.query(
      `SELECT r.uscc, r.rated_from::text AS rated_from,
              (SELECT json_agg(json_build_object('color', p.color, 'from', p.valid_from, 'until', p.valid_until) ORDER BY p.valid_from)
                 FROM environment.subject_color_period p WHERE p.uscc = r.uscc AND p.valid_from <= $1::date) AS periods,
              (SELECT json_agg(json_build_object('periodEnd', s.period_end, 'consecutiveRed', COALESCE(c.consecutive_red, s.consecutive_red)))
                 FROM environment.half_year_snapshot s
                 LEFT JOIN LATERAL (SELECT c.consecutive_red FROM environment.half_year_snapshot_correction c
                                     WHERE c.uscc = s.uscc AND c.period_end = s.period_end ORDER BY c.version DESC LIMIT 1) c ON true
                WHERE s.uscc = r.uscc AND s.period_end < $1::date) AS stored
         FROM environment.rated_subject r WHERE r.uscc = ANY($2::varchar[])`,
      [periodEnd, [...usccs]],
    );
    for (const subject of subjects) {
      // Only the run of RED is asked: the stored rows' other fields do not enter it.
      const stored = (subject.stored ?? []).map((row) => ({ ...row, color: '', score: 0, version: 1, correctedOn: null, original: null }));
      const colorOn: RatingAt = (day) => {
        const period = subject.periods.find((p) => p.from <= day && (p.until === null || day < p.until));
        return period ? { color: period.color, score: null } : null;
      };
      runs.set(subject.uscc, seriesOf(subject.rated_from, colorOn, stored, periodEnd).at(-1)?.consecutiveRed ?? 0);
    }
    return runs;
  }

  /**
   * After an objection against `voided` was upheld (DOMAIN.md §10): every stored snapshot that counted
   * the event (its day inside the event's validity, taken after the event became known) gets a
   * corrected version, computed from what the hub knew when it was taken, without the event; later
   * snapshots whose run of RED changes with it too. The originals stay. Inside the caller's
   * transaction (which holds the subject's lock); returns the versions written.
   */
  async correctAfterUpheldObjection(
    manager: EntityManager,
    ctx: HubContext,
    subject: RatedSubjectEntity,
    voided: CreditEventEntity,
    objectionId: number,
  ): Promise<number> {
    const stored = await storedSnapshotsOf(manager, [subject.uscc]);
    if (stored.length === 0) return 0;
    const [policies, events, designations] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      manager.getRepository(CreditEventEntity).find({ where: { uscc: subject.uscc } }),
      manager.getRepository(FrontRunnerEntity).find({ where: { uscc: subject.uscc } }),
    ]);
    const correctedOn = today();
    const corrections: HalfYearSnapshotCorrectionEntity[] = [];
    let previous: { periodEnd: IsoDate; color: string; consecutiveRed: number } | null = null;
    let chainChanged = false;
    for (const row of stored) {
      const takenOn = new Date(row.takenAt).toISOString().slice(0, 10);
      let { color, score } = row;
      if (voided.validFrom <= row.periodEnd && row.periodEnd < voided.validUntil && voided.knownOn <= takenOn) {
        const known = eventsAsKnownOn(events, takenOn).filter((event) => event.id !== voided.id);
        const rating = ratingOn(ratingBasis(subject.ratedFrom, policies, known, recordedBy(designations, takenOn)), row.periodEnd);
        if (rating) ({ color, score } = rating);
      }
      let consecutiveRed = row.consecutiveRed;
      if (color !== row.color || chainChanged) {
        const adjacent = previous && previous.periodEnd === lastHalfYearEndBefore(row.periodEnd) ? previous : null;
        const priorRun = adjacent ? (adjacent.color === 'RED' ? adjacent.consecutiveRed : 0) : row.color === 'RED' ? row.consecutiveRed - 1 : 0;
        consecutiveRed = color === 'RED' ? priorRun + 1 : 0;
      }
      chainChanged = consecutiveRed !== row.consecutiveRed;
      if (color !== row.color || score !== row.score || chainChanged) {
        corrections.push(
          manager.getRepository(HalfYearSnapshotCorrectionEntity).create({
            uscc: subject.uscc,
            periodEnd: row.periodEnd,
            version: row.version + 1,
            color,
            score,
            consecutiveRed,
            correctedOn,
            reason: `objection ${objectionId} upheld: credit event ${voided.id} (${voided.type} ${voided.occurredOn}) voided`,
            objectionId,
          }),
        );
      }
      previous = { periodEnd: row.periodEnd, color, consecutiveRed };
    }
    if (corrections.length > 0) await manager.getRepository(HalfYearSnapshotCorrectionEntity).insert(corrections);
    return corrections.length;
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
        const stored = await storedSnapshotsOf(manager, usccs);
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
