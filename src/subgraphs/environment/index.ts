import type { DataSource } from 'typeorm';
import { environmentMigrations } from '../../../migrations/environment';
import type { HubContext } from '../../shared/context';
import { scopedReference } from '../../shared/auth/subject-scope';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { CreditEventEntity } from './entities/credit-event.entity';
import { CreditNoticeEntity } from './entities/credit-notice.entity';
import { EventTypeEntity } from './entities/event-type.entity';
import { RatedSubjectEntity } from './entities/rated-subject.entity';
import { ScoringPolicyEntity } from './entities/scoring-policy.entity';
import { environmentPermissions } from './permissions/environment.permissions';
import { EnterpriseCreditResolver } from './resolvers/enterprise-credit.resolver';
import { RatingResolver } from './resolvers/rating.resolver';
import { CreditEventService } from './services/credit-event.service';
import { PolicyService } from './services/policy.service';
import { RatingService } from './services/rating.service';
import { EnvEnterprise } from './types/env-enterprise.type';

/** Ecology & environment bureau (生态环境局): rated subjects, events, scores and colours. */
export const environmentSubgraph: SubgraphModule = {
  name: 'environment',
  database: {
    owner: 'environment',
    entities: [ScoringPolicyEntity, EventTypeEntity, RatedSubjectEntity, CreditEventEntity, CreditNoticeEntity],
    migrations: environmentMigrations,
  },
  async build(dataSource: DataSource) {
    const policies = new PolicyService(dataSource);
    const ratings = new RatingService(dataSource, policies);
    const events = new CreditEventService(dataSource, policies, ratings);
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [EnterpriseCreditResolver, RatingResolver],
      entityTypes: [EnvEnterprise],
      container: resolverContainer([new EnterpriseCreditResolver(ratings, events), new RatingResolver(ratings, events)]),
      referenceResolvers: {
        // Any code in the caller's row scope is a valid reference: fields answer null for subjects that are not rated.
        Enterprise: { __resolveReference: (reference: { uscc: string }, ctx: HubContext) => scopedReference(ctx, { uscc: reference.uscc }) },
      },
      permissions: environmentPermissions,
    });
    return { name: 'environment', schema, sdl };
  },
};
