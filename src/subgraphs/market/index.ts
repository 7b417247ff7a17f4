import type { DataSource } from 'typeorm';
import { marketMigrations } from '../../../migrations/market';
import { AuditOutboxEntity } from '../../shared/audit/audit-outbox.entity';
import type { HubContext } from '../../shared/context';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { MarketListingEntity } from './entities/market-listing.entity';
import { RegistrationEntity } from './entities/registration.entity';
import { marketPermissions } from './permissions/market.permissions';
import { EnterpriseResolver } from './resolvers/enterprise.resolver';
import { MarketListingService } from './services/market-listing.service';
import { RegistrationService } from './services/registration.service';
import { MarketEnterprise } from './types/enterprise.type';

/** Market supervision (市场监管局): registrations and its lists. */
export const marketSubgraph: SubgraphModule = {
  name: 'market',
  database: { owner: 'market', entities: [AuditOutboxEntity, RegistrationEntity, MarketListingEntity], migrations: marketMigrations },
  async build(dataSource: DataSource) {
    const registrations = new RegistrationService(dataSource);
    const enterpriseResolver = new EnterpriseResolver(registrations, new MarketListingService(dataSource));
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [EnterpriseResolver],
      entityTypes: [MarketEnterprise],
      container: resolverContainer([enterpriseResolver]),
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
