import type { DataSource } from 'typeorm';
import { environmentMigrations } from '../../../migrations/environment';
import { AuditOutboxEntity } from '../../shared/audit/audit-outbox.entity';
import { ChangeOutboxEntity } from '../../shared/changes/change-outbox.entity';
import type { HubContext } from '../../shared/context';
import { scopedReference } from '../../shared/auth/subject-scope';
import { buildFederatedSubgraph } from '../../shared/federation';
import { resolverContainer, type SubgraphModule } from '../../shared/subgraph';
import { CreditEventEntity } from './entities/credit-event.entity';
import { CreditNoticeEntity } from './entities/credit-notice.entity';
import { CreditRepairEntity } from './entities/credit-repair.entity';
import { DistrictMoveEntity } from './entities/district-move.entity';
import { EventTypeEntity } from './entities/event-type.entity';
import { WorkingDayCalendarEntity } from './entities/working-day.entity';
import { FrontRunnerEntity } from './entities/front-runner.entity';
import { HalfYearSnapshotEntity } from './entities/half-year-snapshot.entity';
import { HalfYearSnapshotCorrectionEntity } from './entities/half-year-snapshot-correction.entity';
import { InspectionDrawEntity } from './entities/inspection-draw.entity';
import { InspectionFrequencyEntity } from './entities/inspection-frequency.entity';
import { InspectionResultEntity, InspectorConflictEntity, InspectorEntity } from './entities/inspector.entity';
import { LegacyRatingEntity } from './entities/legacy-rating.entity';
import { ObjectionEntity } from './entities/objection.entity';
import { RatedSubjectEntity } from './entities/rated-subject.entity';
import { ScoringPolicyEntity } from './entities/scoring-policy.entity';
import { environmentPermissions } from './permissions/environment.permissions';
import { CreditEventResolver } from './resolvers/credit-event.resolver';
import { EnterpriseCreditResolver } from './resolvers/enterprise-credit.resolver';
import { EnterpriseDisclosureResolver } from './resolvers/enterprise-disclosure.resolver';
import { InspectionResolver } from './resolvers/inspection.resolver';
import { InspectorResolver } from './resolvers/inspector.resolver';
import { PolicyResolver } from './resolvers/policy.resolver';
import { RatingResolver } from './resolvers/rating.resolver';
import { RatingStatisticsResolver } from './resolvers/rating-statistics.resolver';
import { WorkingDayResolver } from './resolvers/working-day.resolver';
import { SubjectDistrictResolver } from './resolvers/subject-district.resolver';
import { SuccessionEventsResolver } from './resolvers/succession-events.resolver';
import { EnvPerson } from './types/env-person.type';
import { EnterprisePenaltyPersonResolver, PersonPenaltyResolver } from './resolvers/penalty-person.resolver';
import { maySeeResponsiblePersons } from '../../shared/responsible-person';
import { EnvEnterprise } from './types/env-enterprise.type';
import { createEnvironmentServices } from './environment.services';

export { localNoticePages, noticeRoute, type NoticePages } from './notice.route';
export { startHalfYearSnapshotJob, type HalfYearSnapshotJob } from './snapshot.job';
export { createEnvironmentServices, type EnvironmentServices } from './environment.services';
export type { DueRatingsRun } from './services/rating-due.service';
/** Its part of the demo and province-scale seed (see src/hub/demo-seed.ts). */
export { openEnvironmentSeed } from './demo.seed';

/**
 * Ecology & environment bureau (生态环境局): rated subjects, events, scores and colours, objections,
 * commitments and front-runners, notices, snapshots, legacy ratings, inspection draws, disclosure.
 */
export const environmentSubgraph: SubgraphModule = {
  name: 'environment',
  database: {
    owner: 'environment',
    entities: [
      AuditOutboxEntity,
      ChangeOutboxEntity,
      ScoringPolicyEntity,
      EventTypeEntity,
      RatedSubjectEntity,
      CreditEventEntity,
      CreditNoticeEntity,
      ObjectionEntity,
      FrontRunnerEntity,
      HalfYearSnapshotEntity,
      HalfYearSnapshotCorrectionEntity,
      LegacyRatingEntity,
      InspectionFrequencyEntity,
      InspectionDrawEntity,
      CreditRepairEntity,
      DistrictMoveEntity,
      WorkingDayCalendarEntity,
      InspectorEntity,
      InspectorConflictEntity,
      InspectionResultEntity,
    ],
    migrations: environmentMigrations,
  },
  async build(dataSource: DataSource) {
    const { policies, subjects, ratings, enrolment, events, persons, commitments, notices, objections, frontRunners, snapshots, legacy, known, inspections, disclosures, districts, successions, statistics, workingDays, inspectors } =
      createEnvironmentServices(dataSource);
    const { schema, sdl } = await buildFederatedSubgraph({
      resolvers: [EnterpriseCreditResolver, EnterpriseDisclosureResolver, RatingResolver, CreditEventResolver, PolicyResolver, InspectionResolver, SubjectDistrictResolver, SuccessionEventsResolver, RatingStatisticsResolver, WorkingDayResolver, EnterprisePenaltyPersonResolver, PersonPenaltyResolver, InspectorResolver],
      entityTypes: [EnvEnterprise, EnvPerson],
      container: resolverContainer([
        new EnterpriseCreditResolver(ratings, events, snapshots, legacy, known, frontRunners, commitments),
        new EnterpriseDisclosureResolver(disclosures, objections),
        new RatingResolver(statistics, subjects, enrolment, frontRunners, snapshots, legacy),
        new CreditEventResolver(events, notices, objections),
        new PolicyResolver(policies),
        new InspectionResolver(inspections),
        new SubjectDistrictResolver(districts),
        new SuccessionEventsResolver(successions),
        new RatingStatisticsResolver(statistics),
        new WorkingDayResolver(workingDays),
        new EnterprisePenaltyPersonResolver(persons),
        new PersonPenaltyResolver(persons),
        new InspectorResolver(inspectors),
      ]),
      referenceResolvers: {
        // Any code in the caller's row scope is a valid reference: fields answer null for subjects that are not rated.
        Enterprise: { __resolveReference: (reference: { uscc: string }, ctx: HubContext) => scopedReference(ctx, { uscc: reference.uscc }) },
        // A person exists only for the roles that may look one up (ENV_ADMIN, CREDIT_OFFICE).
        Person: { __resolveReference: (reference: { idNumber: string }, ctx: HubContext) => (maySeeResponsiblePersons(ctx.principal) ? { idNumber: reference.idNumber } : null) },
      },
      permissions: environmentPermissions,
    });
    return { name: 'environment', schema, sdl };
  },
};
