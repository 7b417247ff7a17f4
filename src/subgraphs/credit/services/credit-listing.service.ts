import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { creditListingLoader } from '../loaders/credit-listing.loader';
import type { CreditListType } from '../../../shared/list-types';
import type { CreditListing } from '../types/credit-listing.type';

/** The credit office's list designations. */
export class CreditListingService {
  constructor(private readonly dataSource: DataSource) {}

  async listingsOf(ctx: HubContext, uscc: string): Promise<CreditListing[]> {
    const rows = await creditListingLoader(ctx, this.dataSource).load(uscc);
    return rows.map((row) => ({
      listType: row.listType as CreditListType,
      field: row.field,
      reason: row.reason,
      authority: row.authority,
      documentNo: row.documentNo,
      listedOn: row.listedOn,
      removedOn: row.removedOn,
    }));
  }
}
