import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import { readManager } from '../../../shared/read-snapshot';
import { RestrictionRuleEntity } from '../entities/restriction-rule.entity';

/** The restriction rules, read once per request (a small table that changes rarely). */
export function restrictionRuleLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', RestrictionRuleEntity[]>(ctx, 'finance:restriction-rules', async (keys) => {
    const manager = await readManager(ctx, dataSource);
    const rules = await manager.getRepository(RestrictionRuleEntity).find({ order: { id: 'ASC' } });
    return keys.map(() => rules);
  });
}
