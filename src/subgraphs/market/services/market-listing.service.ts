import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { marketListingLoader } from '../loaders/registration.loader';
import type { MarketListing, MarketListType } from '../types/market-listing.type';

/** Market supervision's lists: abnormal operations and serious illegal & dishonest. */
export class MarketListingService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every entry of the subject, current and removed, oldest first. */
  async listingsOf(ctx: HubContext, uscc: string): Promise<MarketListing[]> {
    const rows = await marketListingLoader(ctx, this.dataSource).load(uscc);
    return rows.map((row) => ({
      listType: row.listType as MarketListType,
      reason: row.reason,
      authority: row.authority,
      documentNo: row.documentNo,
      listedOn: row.listedOn,
      removedOn: row.removedOn,
    }));
  }
}
