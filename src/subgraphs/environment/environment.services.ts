import type { DataSource } from 'typeorm';
import { legacyRatingsFeed } from './import/legacy-ratings.feed';
import { penaltyEventsFeed } from './import/penalty-events.feed';
import { CommitmentService } from './services/commitment.service';
import { CreditEventService } from './services/credit-event.service';
import { CreditNoticeService } from './services/credit-notice.service';
import { ColorPeriodService } from './services/color-period.service';
import { CurrentRatingService } from './services/current-rating.service';
import { DisclosureService } from './services/disclosure.service';
import { EnrolmentService } from './services/enrolment.service';
import { FrontRunnerService } from './services/front-runner.service';
import { KnownOnService } from './services/known-on.service';
import { InspectionService } from './services/inspection.service';
import { InspectorService } from './services/inspector.service';
import { LegacyRatingService } from './services/legacy-rating.service';
import { ObjectionService } from './services/objection.service';
import { PolicyService } from './services/policy.service';
import { RatingDueService } from './services/rating-due.service';
import { RatingService } from './services/rating.service';
import { RatingStatisticsService } from './services/rating-statistics.service';
import { SnapshotService } from './services/snapshot.service';
import { SubjectDistrictService } from './services/subject-district.service';
import { SuccessionEventsService } from './services/succession-events.service';
import { SubjectScopeService } from './services/subject-scope.service';
import { WorkingDayService } from './services/working-day.service';

import { PenaltyPersonService } from './services/penalty-person.service';

export type EnvironmentServices = ReturnType<typeof createEnvironmentServices>;

/** The bureau's services over its DataSource: for its subgraph, its routes and the CLI (feeds). */
export function createEnvironmentServices(dataSource: DataSource) {
  const policies = new PolicyService(dataSource);
  const subjects = new SubjectScopeService(dataSource);
  const current = new CurrentRatingService(dataSource, policies);
  const ratings = new RatingService(dataSource, policies, subjects, current);
  const persons = new PenaltyPersonService(dataSource);
  const events = new CreditEventService(dataSource, policies, subjects, current, persons);
  const legacy = new LegacyRatingService(dataSource, subjects);
  const known = new KnownOnService(dataSource, policies, subjects, ratings);
  const snapshots = new SnapshotService(dataSource, policies, subjects, ratings, known);
  return {
    policies,
    subjects,
    ratings,
    enrolment: new EnrolmentService(dataSource, policies),
    events,
    persons,
    commitments: new CommitmentService(dataSource, subjects),
    legacy,
    known,
    notices: new CreditNoticeService(dataSource, subjects),
    objections: new ObjectionService(dataSource, policies, subjects, current, events, snapshots),
    frontRunners: new FrontRunnerService(dataSource, policies, subjects, current, ratings),
    snapshots,
    inspections: new InspectionService(dataSource, policies),
    disclosures: new DisclosureService(dataSource, policies, subjects),
    districts: new SubjectDistrictService(dataSource, current, subjects),
    successions: new SuccessionEventsService(dataSource, current),
    statistics: new RatingStatisticsService(dataSource, known),
    colorPeriods: new ColorPeriodService(dataSource),
    dueRatings: new RatingDueService(dataSource, policies),
    workingDays: new WorkingDayService(dataSource),
    inspectors: new InspectorService(dataSource),
    feeds: { penalties: penaltyEventsFeed(events), 'legacy-ratings': legacyRatingsFeed(legacy) },
  };
}
