import type { DataSource } from 'typeorm';
import { legacyRatingsFeed } from './import/legacy-ratings.feed';
import { penaltyEventsFeed } from './import/penalty-events.feed';
import { CreditEventService } from './services/credit-event.service';
import { CreditNoticeService } from './services/credit-notice.service';
import { DisclosureService } from './services/disclosure.service';
import { FrontRunnerService } from './services/front-runner.service';
import { InspectionService } from './services/inspection.service';
import { LegacyRatingService } from './services/legacy-rating.service';
import { ObjectionService } from './services/objection.service';
import { PolicyService } from './services/policy.service';
import { RatingDueService } from './services/rating-due.service';
import { RatingService } from './services/rating.service';
import { SnapshotService } from './services/snapshot.service';
import { SubjectDistrictService } from './services/subject-district.service';

export type EnvironmentServices = ReturnType<typeof createEnvironmentServices>;

/** The bureau's services over its DataSource: for its subgraph, its routes and the CLI (feeds). */
export function createEnvironmentServices(dataSource: DataSource) {
  const policies = new PolicyService(dataSource);
  const ratings = new RatingService(dataSource, policies);
  const events = new CreditEventService(dataSource, policies, ratings);
  const legacy = new LegacyRatingService(dataSource, ratings);
  return {
    policies,
    ratings,
    events,
    legacy,
    notices: new CreditNoticeService(dataSource, ratings),
    objections: new ObjectionService(dataSource, policies, ratings, events),
    frontRunners: new FrontRunnerService(dataSource, policies, ratings),
    snapshots: new SnapshotService(dataSource, policies, ratings),
    inspections: new InspectionService(dataSource, policies),
    disclosures: new DisclosureService(dataSource, policies, ratings),
    districts: new SubjectDistrictService(dataSource),
    dueRatings: new RatingDueService(dataSource, policies),
    feeds: { penalties: penaltyEventsFeed(events), 'legacy-ratings': legacyRatingsFeed(legacy) },
  };
}
