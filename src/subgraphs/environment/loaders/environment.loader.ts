import type { DataSource, EntityManager } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import type { IsoDate } from '../../../shared/dates';
import { groupByKey, keyedLoader, requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { RulesCache } from '../../../shared/rules-cache';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { CreditRepairEntity } from '../entities/credit-repair.entity';
import { DistrictMoveEntity } from '../entities/district-move.entity';
import { EventTypeEntity } from '../entities/event-type.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import { InspectionFrequencyEntity } from '../entities/inspection-frequency.entity';
import { LegacyRatingEntity } from '../entities/legacy-rating.entity';
import { ObjectionEntity } from '../entities/objection.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { ScoringPolicyEntity } from '../entities/scoring-policy.entity';
import { WorkingDayCalendarEntity } from '../entities/working-day.entity';
import { WorkingDayCalendar, type CalendarDayKind } from '../../../shared/working-days';

/** Rated subjects by USCC: one statement per batch. */
export const ratedSubjectLoader = keyedLoader({ name: 'environment:rated-subject', entity: RatedSubjectEntity, key: 'uscc' });

/** Every event of each subject, voided ones included, in date order: one statement per batch. */
export const creditEventsLoader = keyedLoader({ name: 'environment:credit-events', entity: CreditEventEntity, key: 'uscc', many: true, orderBy: [['occurredOn', 'ASC'], ['id', 'ASC']] });

/** District moves of each subject, in the order they took effect: one statement per batch. */
export const districtMovesLoader = keyedLoader({ name: 'environment:district-moves', entity: DistrictMoveEntity, key: 'uscc', many: true, orderBy: [['movedOn', 'ASC'], ['id', 'ASC']] });

/** Front-runner designations of each subject, oldest first: one statement per batch. */
export const frontRunnerLoader = keyedLoader({ name: 'environment:front-runner', entity: FrontRunnerEntity, key: 'uscc', many: true, orderBy: [['designatedOn', 'ASC']] });

/** The original values of a stored snapshot that a later version corrected. */
export interface SnapshotOriginal {
  color: string;
  score: number;
  consecutiveRed: number;
}

/**
 * A stored half-year snapshot as it stands: its latest version's values (the original row's when
 * never corrected), with the version, the day of the correction and the original values.
 */
export interface StoredSnapshot {
  uscc: string;
  periodEnd: string;
  color: string;
  score: number;
  consecutiveRed: number;
  takenAt: Date;
  version: number;
  correctedOn: string | null;
  original: SnapshotOriginal | null;
}

/**
 * Stored half-year snapshots of each subject, oldest first, each at its latest version: one statement
 * per batch. With `knownOn` (DOMAIN.md §11 known-on prices), as stored by the end of that day: snapshots
 * taken later absent, each at its latest version corrected by then.
 */
export function storedSnapshotsLoader(ctx: HubContext, dataSource: DataSource, knownOn?: IsoDate) {
  return requestLoader<string, StoredSnapshot[]>(ctx, `environment:snapshots:${knownOn ?? 'today'}`, async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    return groupByKey(usccs, await storedSnapshotsOf(manager, usccs, knownOn), (row) => row.uscc);
  });
}

/** The same read for a transaction's manager (the snapshot job, corrections). */
export async function storedSnapshotsOf(manager: EntityManager, usccs: readonly string[], knownOn?: IsoDate): Promise<StoredSnapshot[]> {
  const rows: {
    uscc: string; period_end: string; color: string; score: number; consecutive_red: number; taken_at: Date;
    version: number | null; c_color: string | null; c_score: number | null; c_consecutive_red: number | null; corrected_on: string | null;
  }[] = await manager.query(
    `SELECT s.uscc, s.period_end::text AS period_end, s.color, s.score, s.consecutive_red, s.taken_at,
            c.version, c.color AS c_color, c.score AS c_score, c.consecutive_red AS c_consecutive_red, c.corrected_on::text AS corrected_on
       FROM environment.half_year_snapshot s
       LEFT JOIN LATERAL (
         SELECT * FROM environment.half_year_snapshot_correction c
          WHERE c.uscc = s.uscc AND c.period_end = s.period_end AND ($2::date IS NULL OR c.corrected_on <= $2::date) ORDER BY c.version DESC LIMIT 1
       ) c ON true
      WHERE s.uscc = ANY($1::varchar[]) AND ($2::date IS NULL OR (s.taken_at AT TIME ZONE 'UTC')::date <= $2::date)
      ORDER BY s.uscc, s.period_end`,
    [usccs, knownOn ?? null],
  );
  return rows.map((row) => {
    const original = { color: row.color, score: row.score, consecutiveRed: row.consecutive_red };
    return row.version === null
      ? { uscc: row.uscc, periodEnd: row.period_end, ...original, takenAt: row.taken_at, version: 1, correctedOn: null, original: null }
      : {
          uscc: row.uscc,
          periodEnd: row.period_end,
          color: row.c_color!,
          score: row.c_score!,
          consecutiveRed: row.c_consecutive_red!,
          takenAt: row.taken_at,
          version: row.version,
          correctedOn: row.corrected_on,
          original,
        };
  });
}

/** Objections of each subject, oldest first: one statement per batch. */
export const objectionsLoader = keyedLoader({ name: 'environment:objections', entity: ObjectionEntity, key: 'uscc', many: true, orderBy: [['id', 'ASC']] });

/** Credit repair applications of each subject, oldest first: one statement per batch. */
export const repairsLoader = keyedLoader({ name: 'environment:repairs', entity: CreditRepairEntity, key: 'uscc', many: true, orderBy: [['id', 'ASC']] });

/** Legacy 100-point ratings of each subject, by year: one statement per batch. */
export const legacyRatingsLoader = keyedLoader({ name: 'environment:legacy-ratings', entity: LegacyRatingEntity, key: 'uscc', many: true, orderBy: [['year', 'ASC']] });

export interface PolicyTables {
  policies: ScoringPolicyEntity[];
  eventTypes: EventTypeEntity[];
  inspectionFrequencies: InspectionFrequencyEntity[];
  /** The national holiday calendar (a rules table: cached with the policies, read again when it changes). */
  workingDays: WorkingDayCalendar;
}

const policyTables = new RulesCache<PolicyTables>('environment', async (manager) => {
  const [policies, eventTypes, inspectionFrequencies, calendarDays] = await Promise.all([
    manager.getRepository(ScoringPolicyEntity).find({ order: { effectiveFrom: 'ASC', id: 'ASC' } }),
    manager.getRepository(EventTypeEntity).find({ order: { effectiveFrom: 'ASC', id: 'ASC' } }),
    manager.getRepository(InspectionFrequencyEntity).find({ order: { effectiveFrom: 'ASC', id: 'ASC' } }),
    manager.getRepository(WorkingDayCalendarEntity).find({ order: { day: 'ASC' } }),
  ]);
  const workingDays = new WorkingDayCalendar(calendarDays.map((row) => ({ day: row.day, kind: row.kind as CalendarDayKind })));
  return { policies, eventTypes, inspectionFrequencies, workingDays };
});

/** The policy tables (frozen), once per request: one version check, reloaded only when they changed. */
export function policyTablesLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', PolicyTables>(ctx, 'environment:policy', async (keys) => {
    const tables = await policyTables.get(dataSource, await readManager(ctx, dataSource));
    return keys.map(() => tables);
  });
}
