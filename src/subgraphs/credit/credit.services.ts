import type { DataSource } from 'typeorm';
import { CreditListingService } from './services/credit-listing.service';
import { ListingPersonService } from './services/listing-person.service';
import { JointMeasureService } from './services/joint-measure.service';
import { MeasureCalendarService } from './services/measure-calendar.service';
import { MeasureCatalogService } from './services/measure-catalog.service';
import { MeasureDueService } from './services/measure-due.service';
import { MeasureFeedbackService } from './services/measure-feedback.service';
import { PriceRuleService } from './services/price-rule.service';
import { PriceSurchargeService } from './services/price-surcharge.service';
import { PublicRecordService } from './services/public-record.service';
import { creditListsFeed, dishonestDebtorsFeed, feedbackFeed } from './import/credit-records.feed';
import { penaltyRecordsFeed } from './import/penalty-records.feed';
import { SuccessionListingsService } from './services/succession-listings.service';

export type CreditServices = ReturnType<typeof createCreditServices>;

/** The credit office's services over its DataSource: for its subgraph, its routes and the CLI (feeds). */
export function createCreditServices(dataSource: DataSource) {
  const catalog = new MeasureCatalogService(dataSource);
  const surcharges = new PriceSurchargeService(dataSource);
  const due = new MeasureDueService(dataSource, surcharges);
  const persons = new ListingPersonService(dataSource);
  const listings = new CreditListingService(dataSource, persons);
  const publicRecords = new PublicRecordService(dataSource);
  const feedback = new MeasureFeedbackService(dataSource, catalog, due);
  return {
    catalog,
    /** The days measures change by the calendar alone (the webhook dispatcher's `measures_due` job). */
    calendar: new MeasureCalendarService(dataSource),
    due,
    listings,
    persons,
    publicRecords,
    feedback,
    jointMeasures: new JointMeasureService(dataSource, due),
    surcharges,
    priceRules: new PriceRuleService(dataSource),
    successions: new SuccessionListingsService(dataSource),
    feeds: {
      penalties: penaltyRecordsFeed(dataSource),
      'credit-lists': creditListsFeed(listings),
      'dishonest-debtors': dishonestDebtorsFeed(publicRecords),
      feedback: feedbackFeed(dataSource, feedback),
    },
  };
}
