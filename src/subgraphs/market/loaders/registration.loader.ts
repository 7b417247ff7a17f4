import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { byKey, groupByKey, requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { selectByKeys } from '../../../shared/batch-select';
import { RegistrationEntity } from '../entities/registration.entity';
import { MarketListingEntity } from '../entities/market-listing.entity';
import { SuccessionEntity } from '../entities/succession.entity';

/** Registrations by USCC: one `= ANY($1)` statement per batch. */
export function registrationLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, RegistrationEntity | null>(ctx, 'market:registration', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, RegistrationEntity, 'uscc', usccs);
    return byKey(usccs, rows, (row) => row.uscc);
  });
}

/** All list entries (current and removed) by USCC, oldest first. */
export function marketListingLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, MarketListingEntity[]>(ctx, 'market:listings', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, MarketListingEntity, 'uscc', usccs, [['listedOn', 'ASC'], ['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.uscc);
  });
}

/** Successions recorded with the code as predecessor (`fromUscc`), oldest first. */
export function successionsFromLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, SuccessionEntity[]>(ctx, 'market:successions-from', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, SuccessionEntity, 'fromUscc', usccs, [['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.fromUscc);
  });
}

/** Successions recorded with the code as successor (`toUscc`), oldest first. */
export function successionsToLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<string, SuccessionEntity[]>(ctx, 'market:successions-to', async (usccs) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await selectByKeys(manager, SuccessionEntity, 'toUscc', usccs, [['id', 'ASC']]);
    return groupByKey(usccs, rows, (row) => row.toUscc!);
  });
}
