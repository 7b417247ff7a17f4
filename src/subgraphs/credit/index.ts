import type { DataSource } from 'typeorm';
import { creditMigrations } from '../../../migrations/credit';
import { AuditOutboxEntity } from '../../shared/audit/audit-outbox.entity';
import { ChangeOutboxEntity } from '../../shared/changes/change-outbox.entity';
import type { HubContext } from '../../shared/context';
import { scopedReference } from '../../shared/auth/subject-scope';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { createCreditServices } from './credit.services';
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
import { PriceRuleResolver } from './resolvers/price-rule.resolver';
import { PriceSurchargeResolver } from './resolvers/price-surcharge.resolver';
import { PublicRecordResolver } from './resolvers/public-record.resolver';
import { CreditPerson } from './types/credit-person.type';
import { EnterpriseResponsiblePersonResolver, PersonResolver } from './resolvers/responsible-person.resolver';
import { maySeeResponsiblePersons } from '../../shared/responsible-person';
import { CreditEnterprise } from './types/credit-enterprise.type';
import { SuccessionListingsResolver } from './resolvers/succession-listings.resolver';

export { createCreditServices, type CreditServices } from './credit.services';
/** Its part of the demo and province-scale seed (see src/hub/demo-seed.ts). */
export { openCreditSeed } from './demo.seed';
export { localPriceList, priceListRoute, type PriceListRows } from './price-list.route';
export type { PriceListRow } from './services/price-surcharge.service';

/** Credit office (信用办): public credit records, list designations, the measure catalogue, feedback and price surcharges. */
export const creditSubgraph: SubgraphModule = {
  name: 'credit',
  database: {
    owner: 'credit',
    entities: [AuditOutboxEntity, ChangeOutboxEntity, CreditListingEntity, MeasureEntity, MeasureFeedbackEntity, PriceSurchargeEntity, PenaltyRecordEntity, DishonestDebtorEntity],
    migrations: creditMigrations,
  },
  async build(dataSource: DataSource) {
    const services = createCreditServices(dataSource);
    const resolvers = [
      new EnterpriseListingResolver(services.listings),
      new PublicRecordResolver(services.publicRecords),
      new JointMeasureResolver(services.jointMeasures),
      new PriceSurchargeResolver(services.surcharges),
      new PriceRuleResolver(services.priceRules),
      new MeasureResolver(services.catalog, services.feedback),
      new SuccessionListingsResolver(services.successions),
      new EnterpriseResponsiblePersonResolver(services.persons),
      new PersonResolver(services.persons),
    ];
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [EnterpriseListingResolver, PublicRecordResolver, JointMeasureResolver, PriceSurchargeResolver, PriceRuleResolver, MeasureResolver, SuccessionListingsResolver, EnterpriseResponsiblePersonResolver, PersonResolver],
      entityTypes: [CreditEnterprise, CreditPerson],
      container: resolverContainer(resolvers),
      referenceResolvers: {
        // The representation carries the required fields (colour timeline, snapshots, market list entries);
        // outside the caller's row scope the subject does not exist.
        Enterprise: { __resolveReference: (reference: CreditEnterprise, ctx: HubContext) => scopedReference(ctx, reference) },
        // A person exists only for the roles that may look one up (ENV_ADMIN, CREDIT_OFFICE).
        Person: { __resolveReference: (reference: CreditPerson, ctx: HubContext) => (maySeeResponsiblePersons(ctx.principal) ? reference : null) },
      },
      permissions: creditPermissions,
    });
    return { name: 'credit', schema, sdl };
  },
};
