import type { DataSource } from 'typeorm';
import { creditMigrations } from '../../../migrations/credit';
import type { HubContext } from '../../shared/context';
import { scopedReference } from '../../shared/auth/subject-scope';
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
        // Outside the caller's row scope the subject does not exist.
        Enterprise: { __resolveReference: (reference: { uscc: string }, ctx: HubContext) => scopedReference(ctx, { uscc: reference.uscc }) },
      },
      permissions: creditPermissions,
    });
    return { name: 'credit', schema, sdl };
  },
};
