import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { byKey, groupByKey, requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { selectByKeys } from '../../../shared/batch-select';
import { RulesCache } from '../../../shared/rules-cache';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { CreditRepairEntity } from '../entities/credit-repair.entity';
import { EventTypeEntity } from '../entities/event-type.entity';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import { HalfYearSnapshotEntity } from '../entities/half-year-snapshot.entity';
import { InspectionFrequencyEntity } from '../entities/inspection-frequency.entity';
import { LegacyRatingEntity } from '../entities/legacy-rating.entity';
import { ObjectionEntity } from '../entities/objection.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { ScoringPolicyEntity } from '../entities/scoring-policy.entity';

/** Rated subjects by USCC: one statement per batch. */
export function ratedSubjectLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, RatedSubjectEntity | null>(ctx, 'environment:rated-subject', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, RatedSubjectEntity, 'uscc', usccs);
    return byKey(usccs, rows, (row) => row.uscc);
  });
}

/** Every event of each subject, voided ones included, in date order: one statement per batch. */
export function creditEventsLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, CreditEventEntity[]>(ctx, 'environment:credit-events', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, CreditEventEntity, 'uscc', usccs, [['occurredOn', 'ASC'], ['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

/** Front-runner designations of each subject, oldest first: one statement per batch. */
export function frontRunnerLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, FrontRunnerEntity[]>(ctx, 'environment:front-runner', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, FrontRunnerEntity, 'uscc', usccs, [['designatedOn', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

/** Stored half-year snapshots of each subject, oldest first: one statement per batch. */
export function storedSnapshotsLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, HalfYearSnapshotEntity[]>(ctx, 'environment:snapshots', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, HalfYearSnapshotEntity, 'uscc', usccs, [['periodEnd', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

/** Objections of each subject, oldest first: one statement per batch. */
export function objectionsLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, ObjectionEntity[]>(ctx, 'environment:objections', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, ObjectionEntity, 'uscc', usccs, [['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

/** Credit repair applications of each subject, oldest first: one statement per batch. */
export function repairsLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, CreditRepairEntity[]>(ctx, 'environment:repairs', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, CreditRepairEntity, 'uscc', usccs, [['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

/** Legacy 100-point ratings of each subject, by year: one statement per batch. */
export function legacyRatingsLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, LegacyRatingEntity[]>(ctx, 'environment:legacy-ratings', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, LegacyRatingEntity, 'uscc', usccs, [['year', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

export interface PolicyTables {
  policies: ScoringPolicyEntity[];
  eventTypes: EventTypeEntity[];
  inspectionFrequencies: InspectionFrequencyEntity[];
}

const policyTables = new RulesCache<PolicyTables>('environment', async (manager) => {
  const [policies, eventTypes, inspectionFrequencies] = await Promise.all([
    manager.getRepository(ScoringPolicyEntity).find({ order: { effectiveFrom: 'ASC', id: 'ASC' } }),
    manager.getRepository(EventTypeEntity).find({ order: { effectiveFrom: 'ASC', id: 'ASC' } }),
    manager.getRepository(InspectionFrequencyEntity).find({ order: { effectiveFrom: 'ASC', id: 'ASC' } }),
  ]);
  return { policies, eventTypes, inspectionFrequencies };
});

/** The policy tables (frozen), once per request: one version check, reloaded only when they changed. */
export function policyTablesLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', PolicyTables>(ctx, 'environment:policy', async (keys) => {
    const tables = await policyTables.get(dataSource, await readManager(ctx, dataSource));
    return keys.map(() => tables);
  });
}
