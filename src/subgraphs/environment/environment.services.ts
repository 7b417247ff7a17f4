import type { DataSource } from 'typeorm';
import { legacyRatingsFeed } from './import/legacy-ratings.feed';
import { penaltyEventsFeed } from './import/penalty-events.feed';
import { CreditEventService } from './services/credit-event.service';
import { CreditNoticeService } from './services/credit-notice.service';
import { DisclosureService } from './services/disclosure.service';
import { FrontRunnerService } from './services/front-runner.service';
import { KnownOnService } from './services/known-on.service';
import { InspectionService } from './services/inspection.service';
import { LegacyRatingService } from './services/legacy-rating.service';
import { ObjectionService } from './services/objection.service';
import { PolicyService } from './services/policy.service';
import { RatingDueService } from './services/rating-due.service';
import { RatingService } from './services/rating.service';
import { RatingStatisticsService } from './services/rating-statistics.service';
import { SnapshotService } from './services/snapshot.service';
import { SubjectDistrictService } from './services/subject-district.service';

export type EnvironmentServices = ReturnType<typeof createEnvironmentServices>;

/** The bureau's services over its DataSource: for its subgraph, its routes and the CLI (feeds). */
export function createEnvironmentServices(dataSource: DataSource) {
  const policies = new PolicyService(dataSource);
  const ratings = new RatingService(dataSource, policies);
  const events = new CreditEventService(dataSource, policies, ratings);
  const legacy = new LegacyRatingService(dataSource, ratings);
  const snapshots = new SnapshotService(dataSource, policies, ratings);
  return {
    policies,
    ratings,
    events,
    legacy,
    known: new KnownOnService(dataSource, policies, ratings),
    notices: new CreditNoticeService(dataSource, ratings),
    objections: new ObjectionService(dataSource, policies, ratings, events, snapshots),
    frontRunners: new FrontRunnerService(dataSource, policies, ratings),
    snapshots,
    inspections: new InspectionService(dataSource, policies),
    disclosures: new DisclosureService(dataSource, policies, ratings),
    districts: new SubjectDistrictService(dataSource),
    statistics: new RatingStatisticsService(dataSource),
    dueRatings: new RatingDueService(dataSource, policies),
    feeds: { penalties: penaltyEventsFeed(events), 'legacy-ratings': legacyRatingsFeed(legacy) },
  };
}
