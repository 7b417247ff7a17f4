import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { keyedLoader, requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
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
export const ratedSubjectLoader = keyedLoader({ name: 'environment:rated-subject', entity: RatedSubjectEntity, key: 'uscc' });

/** Every event of each subject, voided ones included, in date order: one statement per batch. */
export const creditEventsLoader = keyedLoader({ name: 'environment:credit-events', entity: CreditEventEntity, key: 'uscc', many: true, orderBy: [['occurredOn', 'ASC'], ['id', 'ASC']] });

/** Front-runner designations of each subject, oldest first: one statement per batch. */
export const frontRunnerLoader = keyedLoader({ name: 'environment:front-runner', entity: FrontRunnerEntity, key: 'uscc', many: true, orderBy: [['designatedOn', 'ASC']] });

/** Stored half-year snapshots of each subject, oldest first: one statement per batch. */
export const storedSnapshotsLoader = keyedLoader({ name: 'environment:snapshots', entity: HalfYearSnapshotEntity, key: 'uscc', many: true, orderBy: [['periodEnd', 'ASC']] });

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
