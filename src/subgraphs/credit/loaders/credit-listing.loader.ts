import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { groupByKey, requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { selectByKeys } from '../../../shared/batch-select';
import { CreditListingEntity } from '../entities/credit-listing.entity';

/** Every designation (current and removed) by USCC, oldest first: one statement per batch. */
export function creditListingLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, CreditListingEntity[]>(ctx, 'credit:listings', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, CreditListingEntity, 'uscc', usccs, [['listedOn', 'ASC'], ['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}
