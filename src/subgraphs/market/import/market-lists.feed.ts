import { rowByRow, type FeedStage } from '../../../shared/import/feed';
import { LIST_COLUMNS, listEntryRow } from '../../../shared/import/list-entry-rows';
import { MarketListType } from '../../../shared/list-types';
import type { MarketListingService } from '../services/market-listing.service';

export { LIST_COLUMNS as MARKET_LIST_COLUMNS };

/** Market-supervision list entries, row by row through MarketListingService (files are small). */
export function marketListsFeed(listings: MarketListingService): FeedStage {
  return {
    open(context) {
      return rowByRow(
        context,
        listEntryRow(context.overrides, Object.values(MarketListType), {
          entriesOf: (ctx, uscc) => listings.listingsOf(ctx, uscc),
          add: (ctx, entry) => listings.add(ctx, entry),
          remove: (ctx, removal) => listings.remove(ctx, removal),
        }),
      );
    },
  };
}
