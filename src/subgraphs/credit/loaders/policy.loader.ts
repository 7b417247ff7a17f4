import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { RulesCache } from '../../../shared/rules-cache';
import { MeasureEntity } from '../entities/measure.entity';
import { PriceSurchargeEntity } from '../entities/price-surcharge.entity';

interface CreditRules {
  measures: MeasureEntity[];
  surcharges: PriceSurchargeEntity[];
}

const creditRules = new RulesCache<CreditRules>('credit', async (manager) => {
  const [measures, surcharges] = await Promise.all([
    manager.getRepository(MeasureEntity).find({ order: { id: 'ASC' } }),
    manager.getRepository(PriceSurchargeEntity).find({ order: { id: 'ASC' } }),
  ]);
  return { measures, surcharges };
});

/** The credit office's rule tables (frozen), once per request: one version check, reloaded only when they changed. */
function creditRulesLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', CreditRules>(ctx, 'credit:rules', async (keys) => {
    const rules = await creditRules.get(dataSource, await readManager(ctx, dataSource));
    return keys.map(() => rules);
  });
}

/** Every version of every measure. */
export async function measureCatalogVersions(ctx: HubContext, dataSource: DataSource): Promise<MeasureEntity[]> {
  return (await creditRulesLoader(ctx, dataSource).load('all')).measures;
}

/** Every price-surcharge rule. */
export async function priceSurchargeRules(ctx: HubContext, dataSource: DataSource): Promise<PriceSurchargeEntity[]> {
  return (await creditRulesLoader(ctx, dataSource).load('all')).surcharges;
}
