import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import { RestrictionRuleEntity } from '../entities/restriction-rule.entity';

/** The restriction rules, read once per request (a small table that changes rarely). */
export function restrictionRuleLoader(ctx: HubContext, dataSource: DataSource) {
  return requestLoader<'all', RestrictionRuleEntity[]>(ctx, 'finance:restriction-rules', async (keys) => {
    const rules = await dataSource.getRepository(RestrictionRuleEntity).find({ order: { id: 'ASC' } });
    return keys.map(() => rules);
  });
}
