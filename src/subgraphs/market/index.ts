import type { DataSource } from 'typeorm';
import { marketMigrations } from '../../../migrations/market';
import { AuditOutboxEntity } from '../../shared/audit/audit-outbox.entity';
import { ChangeOutboxEntity } from '../../shared/changes/change-outbox.entity';
import type { HubContext } from '../../shared/context';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { createMarketServices } from './market.services';
import { MarketListingEntity } from './entities/market-listing.entity';
import { RegistrationEntity } from './entities/registration.entity';
import { SuccessionEntity } from './entities/succession.entity';
import { marketPermissions } from './permissions/market.permissions';
import { EnterpriseResolver } from './resolvers/enterprise.resolver';
import { EnterpriseSearchResolver } from './resolvers/enterprise-search.resolver';
import { SuccessionResolver } from './resolvers/succession.resolver';
import { MarketEnterprise } from './types/enterprise.type';

export { createMarketServices, type MarketServices } from './market.services';
/** Its part of the demo and province-scale seed (see src/hub/demo-seed.ts). */
export { openMarketSeed } from './demo.seed';

/** Market supervision (市场监管局): registrations and its lists. */
export const marketSubgraph: SubgraphModule = {
  name: 'market',
  database: { owner: 'market', entities: [AuditOutboxEntity, ChangeOutboxEntity, RegistrationEntity, MarketListingEntity, SuccessionEntity], migrations: marketMigrations },
  async build(dataSource: DataSource) {
    const { registrations, listings, search, successions } = createMarketServices(dataSource);
    const enterpriseResolver = new EnterpriseResolver(registrations, listings);
    const searchResolver = new EnterpriseSearchResolver(search);
    const successionResolver = new SuccessionResolver(successions, registrations);
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [EnterpriseResolver, EnterpriseSearchResolver, SuccessionResolver],
      entityTypes: [MarketEnterprise],
      container: resolverContainer([enterpriseResolver, searchResolver, successionResolver]),
      referenceResolvers: {
        Enterprise: {
          __resolveReference: (reference: { uscc: string }, ctx: HubContext) => registrations.find(ctx, reference.uscc),
        },
      },
      permissions: marketPermissions,
    });
    return { name: 'market', schema, sdl };
  },
};
