import type { DataSource } from 'typeorm';
import { creditMigrations } from '../../../migrations/credit';
import type { HubContext } from '../../shared/context';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { CreditListingEntity } from './entities/credit-listing.entity';
import { creditPermissions } from './permissions/credit.permissions';
import { EnterpriseListingResolver } from './resolvers/enterprise-listing.resolver';
import { CreditListingService } from './services/credit-listing.service';
import { CreditEnterprise } from './types/credit-enterprise.type';

/** Credit office (信用办): list designations, the measure catalogue and implementing agencies' feedback. */
export const creditSubgraph: SubgraphModule = {
  name: 'credit',
  database: { owner: 'credit', entities: [CreditListingEntity], migrations: creditMigrations },
  async build(dataSource: DataSource) {
    const listings = new CreditListingService(dataSource);
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [EnterpriseListingResolver],
      entityTypes: [CreditEnterprise],
      container: resolverContainer([new EnterpriseListingResolver(listings)]),
      referenceResolvers: {
        Enterprise: { __resolveReference: (reference: { uscc: string }, _ctx: HubContext) => ({ uscc: reference.uscc }) },
      },
      permissions: creditPermissions,
    });
    return { name: 'credit', schema, sdl };
  },
};
