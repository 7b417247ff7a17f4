import type { DataSource } from 'typeorm';
import { financeMigrations } from '../../../migrations/finance';
import { AuditOutboxEntity } from '../../shared/audit/audit-outbox.entity';
import type { HubContext } from '../../shared/context';
import { scopedReference } from '../../shared/auth/subject-scope';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { RestrictionRuleEntity } from './entities/restriction-rule.entity';
import { financePermissions } from './permissions/finance.permissions';
import { createFinanceServices } from './finance.services';
import { CreditRestrictionResolver } from './resolvers/credit-restriction.resolver';
import { RestrictionRuleResolver } from './resolvers/restriction-rule.resolver';
import { FinanceEnterprise } from './types/finance-enterprise.type';

export { createFinanceServices, type FinanceServices } from './finance.services';

/** Finance (人民银行分支机构 and banks): credit restriction and banks' credit decisions. */
export const financeSubgraph: SubgraphModule = {
  name: 'finance',
  database: { owner: 'finance', entities: [AuditOutboxEntity, RestrictionRuleEntity], migrations: financeMigrations },
  async build(dataSource: DataSource) {
    const { restrictions, rules } = createFinanceServices(dataSource);
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [CreditRestrictionResolver, RestrictionRuleResolver],
      entityTypes: [FinanceEnterprise],
      container: resolverContainer([new CreditRestrictionResolver(restrictions), new RestrictionRuleResolver(rules)]),
      referenceResolvers: {
        // The representation carries the required fields (envColorTimeline, creditListingFacts);
        // outside the caller's row scope the subject does not exist.
        Enterprise: { __resolveReference: (reference: FinanceEnterprise, ctx: HubContext) => scopedReference(ctx, reference) },
      },
      permissions: financePermissions,
    });
    return { name: 'finance', schema, sdl };
  },
};
