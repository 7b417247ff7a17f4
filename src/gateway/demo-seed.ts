import { today } from '../shared/dates';
import { demoDataset } from '../shared/demo-dataset';
import { log } from '../shared/logging';
import { seedCreditDemo } from '../subgraphs/credit';
import { seedEnvironmentDemo } from '../subgraphs/environment';
import { seedMarketDemo } from '../subgraphs/market';
import type { HubDataSources } from './databases';

/**
 * Seeds the demo city once: each department writes its own part. Does nothing when registrations
 * already exist, so restarts keep what users changed.
 */
export async function seedDemoData(sources: HubDataSources, size = 560): Promise<boolean> {
  const [{ count }] = await sources.market.query<{ count: number }[]>(`SELECT COUNT(*)::int AS count FROM market.registration`);
  if (count > 0) return false;
  const dataset = demoDataset(size, today());
  await seedMarketDemo(sources.market, dataset);
  await seedEnvironmentDemo(sources.environment, dataset);
  await seedCreditDemo(sources.credit, dataset);
  log.info('demo data seeded', { enterprises: dataset.length, rated: dataset.filter((e) => e.ratedFrom).length });
  return true;
}
