import type { DataSource } from 'typeorm';
import { creditMigrations } from '../../../migrations/credit';
import { AuditOutboxEntity } from '../../shared/audit/audit-outbox.entity';
import type { HubContext } from '../../shared/context';
import { scopedReference } from '../../shared/auth/subject-scope';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { CreditListingEntity } from './entities/credit-listing.entity';
import { DishonestDebtorEntity } from './entities/dishonest-debtor.entity';
import { MeasureFeedbackEntity } from './entities/measure-feedback.entity';
import { MeasureEntity } from './entities/measure.entity';
import { PenaltyRecordEntity } from './entities/penalty-record.entity';
import { PriceSurchargeEntity } from './entities/price-surcharge.entity';
import { creditPermissions } from './permissions/credit.permissions';
import { EnterpriseListingResolver } from './resolvers/enterprise-listing.resolver';
import { JointMeasureResolver } from './resolvers/joint-measure.resolver';
import { MeasureResolver } from './resolvers/measure.resolver';
import { PriceSurchargeResolver } from './resolvers/price-surcharge.resolver';
import { PublicRecordResolver } from './resolvers/public-record.resolver';
import { CreditListingService } from './services/credit-listing.service';
import { JointMeasureService } from './services/joint-measure.service';
import { MeasureCatalogService } from './services/measure-catalog.service';
import { MeasureDueService } from './services/measure-due.service';
import { MeasureFeedbackService } from './services/measure-feedback.service';
import { PriceSurchargeService } from './services/price-surcharge.service';
import { PublicRecordService } from './services/public-record.service';
import { CreditEnterprise } from './types/credit-enterprise.type';

/** Credit office (信用办): public credit records, list designations, the measure catalogue, feedback and price surcharges. */
export const creditSubgraph: SubgraphModule = {
  name: 'credit',
  database: {
    owner: 'credit',
    entities: [AuditOutboxEntity, CreditListingEntity, MeasureEntity, MeasureFeedbackEntity, PriceSurchargeEntity, PenaltyRecordEntity, DishonestDebtorEntity],
    migrations: creditMigrations,
  },
  async build(dataSource: DataSource) {
    const catalog = new MeasureCatalogService(dataSource);
    const due = new MeasureDueService(dataSource);
    const resolvers = [
      new EnterpriseListingResolver(new CreditListingService(dataSource)),
      new PublicRecordResolver(new PublicRecordService(dataSource)),
      new JointMeasureResolver(new JointMeasureService(dataSource, due)),
      new PriceSurchargeResolver(new PriceSurchargeService(dataSource)),
      new MeasureResolver(catalog, new MeasureFeedbackService(dataSource, catalog, due)),
    ];
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [EnterpriseListingResolver, PublicRecordResolver, JointMeasureResolver, PriceSurchargeResolver, MeasureResolver],
      entityTypes: [CreditEnterprise],
      container: resolverContainer(resolvers),
      referenceResolvers: {
        // The representation carries the required fields (colour timeline, snapshots, market list entries);
        // outside the caller's row scope the subject does not exist.
        Enterprise: { __resolveReference: (reference: CreditEnterprise, ctx: HubContext) => scopedReference(ctx, reference) },
      },
      permissions: creditPermissions,
    });
    return { name: 'credit', schema, sdl };
  },
};
