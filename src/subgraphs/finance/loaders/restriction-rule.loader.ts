import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { RulesCache } from '../../../shared/rules-cache';
import { RestrictionRuleEntity } from '../entities/restriction-rule.entity';

const restrictionRules = new RulesCache<RestrictionRuleEntity[]>('finance', (manager) =>
  manager.getRepository(RestrictionRuleEntity).find({ order: { id: 'ASC' } }),
);

/** The restriction rules (frozen), once per request: one version check, reloaded only when they changed. */
export function restrictionRuleLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', readonly RestrictionRuleEntity[]>(ctx, 'finance:restriction-rules', async (keys) => {
    const rules = await restrictionRules.get(dataSource, await readManager(ctx, dataSource));
    return keys.map(() => rules);
  });
}
