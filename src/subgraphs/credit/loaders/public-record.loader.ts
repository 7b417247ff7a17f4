import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { groupByKey, requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { selectByKeys } from '../../../shared/batch-select';
import { DishonestDebtorEntity } from '../entities/dishonest-debtor.entity';
import { PenaltyRecordEntity } from '../entities/penalty-record.entity';

/** 双公示 penalty records by USCC, oldest decision first: one statement per batch. */
export function penaltyRecordLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, PenaltyRecordEntity[]>(ctx, 'credit:penalty-records', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, PenaltyRecordEntity, 'uscc', usccs, [['decidedOn', 'ASC'], ['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

/** Court dishonest-debtor records by USCC, oldest first: one statement per batch. */
export function dishonestDebtorLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, DishonestDebtorEntity[]>(ctx, 'credit:dishonest-debtors', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, DishonestDebtorEntity, 'uscc', usccs, [['publishedOn', 'ASC'], ['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}
