import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { MeasureEntity } from '../entities/measure.entity';
import { PriceSurchargeEntity } from '../entities/price-surcharge.entity';

/** Every version of every measure, read once per request (a small table that changes rarely). */
export function measureCatalogLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', MeasureEntity[]>(ctx, 'credit:measures', async (keys) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await manager.getRepository(MeasureEntity).find({ order: { id: 'ASC' } });
    return keys.map(() => rows);
  });
}

/** Every price-surcharge rule, read once per request. */
export function priceSurchargeLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', PriceSurchargeEntity[]>(ctx, 'credit:price-surcharges', async (keys) => {
    const manager = await readManager(ctx, dataSource);
    const rows = await manager.getRepository(PriceSurchargeEntity).find({ order: { id: 'ASC' } });
    return keys.map(() => rows);
  });
}
