import { In, type DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { byKey, groupByKey, requestLoader } from '../../../shared/dataloader';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { EventTypeEntity } from '../entities/event-type.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { ScoringPolicyEntity } from '../entities/scoring-policy.entity';

/** Rated subjects by USCC: one statement per batch. */
export function ratedSubjectLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, RatedSubjectEntity | null>(ctx, 'environment:rated-subject', async (usccs) => {
    const rows = await dataSource.getRepository(RatedSubjectEntity).findBy({ uscc: In([...usccs]) });
    return byKey(usccs, rows, (row) => row.uscc);
  });
}

/** Every event of each subject, voided ones included, in date order: one statement per batch. */
export function creditEventsLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, CreditEventEntity[]>(ctx, 'environment:credit-events', async (usccs) => {
    const rows = await dataSource
      .getRepository(CreditEventEntity)
      .find({ where: { uscc: In([...usccs]) }, order: { occurredOn: 'ASC', id: 'ASC' } });
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

export interface PolicyTables {
  policies: ScoringPolicyEntity[];
  eventTypes: EventTypeEntity[];
}

/** The policy tables, read once per request (they are small and change rarely). */
export function policyTablesLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', PolicyTables>(ctx, 'environment:policy', async (keys) => {
    const [policies, eventTypes] = await Promise.all([
      dataSource.getRepository(ScoringPolicyEntity).find({ order: { effectiveFrom: 'ASC' } }),
      dataSource.getRepository(EventTypeEntity).find({ order: { effectiveFrom: 'ASC' } }),
    ]);
    return keys.map(() => ({ policies, eventTypes }));
  });
}
