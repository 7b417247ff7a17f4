import type { DataSource } from 'typeorm';
import { MarketListingService } from './services/market-listing.service';
import { EnterpriseSearchService } from './services/enterprise-search.service';
import { RegistrationService } from './services/registration.service';
import { SuccessionService } from './services/succession.service';
import { marketListsFeed } from './import/market-lists.feed';
import { registrationsFeed } from './import/registrations.feed';

export type MarketServices = ReturnType<typeof createMarketServices>;

/** Market supervision's services over its DataSource: for its subgraph, its routes and the CLI (feeds). */
export function createMarketServices(dataSource: DataSource) {
  const registrations = new RegistrationService(dataSource);
  const listings = new MarketListingService(dataSource);
  return {
    registrations,
    listings,
    successions: new SuccessionService(dataSource),
    search: new EnterpriseSearchService(dataSource),
    feeds: { registrations: registrationsFeed(dataSource), 'market-lists': marketListsFeed(listings) },
  };
}
