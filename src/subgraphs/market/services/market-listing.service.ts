import type { DataSource } from 'typeorm';
import { recordChange } from '../../../shared/changes/change-events';
import { checkKnownOn } from '../../../shared/known-on';
import type { HubContext } from '../../../shared/context';
import { districtScope } from '../../../shared/auth/scope';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput, notFound } from '../../../shared/errors';
import { endListEntry, listEntryRemoval, newListEntry } from '../../../shared/list-entries';
import type { MarketListType } from '../../../shared/list-types';
import { readManager, writeTransaction } from '../../../shared/read-snapshot';
import { MarketListingEntity } from '../entities/market-listing.entity';
import { RegistrationEntity } from '../entities/registration.entity';
import { marketListingLoader } from '../loaders/registration.loader';
import type { AddMarketListingInput, RemoveMarketListingInput } from '../types/market-listing.input';
import type { MarketListing } from '../types/market-listing.type';

function toListing(row: MarketListingEntity): MarketListing {
  return {
    id: String(row.id),
    uscc: row.uscc,
    listType: row.listType as MarketListType,
    reason: row.reason,
    authority: row.authority,
    documentNo: row.documentNo,
    listedOn: row.listedOn,
    removedOn: row.removedOn,
    removalReason: row.removalReason,
    recordedOn: row.recordedOn,
    removalRecordedOn: row.removalRecordedOn,
  };
}

/** The partners' notice of a listing or its end (the relay learns the district through federation). */
export function listingChange(row: Pick<MarketListingEntity, 'uscc' | 'listedOn' | 'removedOn' | 'listType' | 'documentNo'>, listed: boolean) {
  return {
    type: 'LISTING_CHANGED' as const,
    uscc: row.uscc,
    districtCode: null,
    effectiveOn: (listed ? row.listedOn : row.removedOn) ?? today(),
    data: { listType: row.listType, listed, documentNo: row.documentNo },
  };
}

/**
 * Market supervision's lists: abnormal operations and serious illegal & dishonest. Each entry and
 * removal is written to the change outbox in its transaction.
 */
export class MarketListingService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every entry of the subject, current and removed, oldest first. */
  async listingsOf(ctx: HubContext, uscc: string): Promise<MarketListing[]> {
    const rows = await marketListingLoader(ctx, this.dataSource).load(uscc);
    return rows.map(toListing);
  }

  /**
   * Subjects with an entry on one of `listTypes` in force on some day of [from, to] (the credit
   * office's feedback roll-up asks it through federation for market-list-triggered measures).
   */
  async subjectsListedBetween(ctx: HubContext, listTypes: readonly MarketListType[], from: IsoDate, to: IsoDate, knownOn?: IsoDate): Promise<string[]> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    if (knownOn !== undefined) checkKnownOn(knownOn);
    const manager = await readManager(ctx, this.dataSource);
    // With `knownOn` (DOMAIN.md §10 known-on dates, as listingsAsKnownOn): entries learnt later left
    // out, removals learnt later not yet done.
    const rows: { uscc: string }[] = await manager.query(
      `SELECT DISTINCT l.uscc FROM market.list_entry l JOIN market.registration r ON r.uscc = l.uscc
        WHERE l.list_type = ANY($1) AND l.listed_on <= $3
          AND (l.removed_on IS NULL OR l.removed_on > $2 OR ($5::date IS NOT NULL AND l.removal_recorded_on > $5::date))
          AND ($5::date IS NULL OR l.recorded_on <= $5::date)
          AND ($4::varchar IS NULL OR r.district_code = $4)
        ORDER BY l.uscc`,
      [[...listTypes], from, to, districtScope(ctx.principal), knownOn ?? null],
    );
    return rows.map((row) => row.uscc);
  }

  /** Lists a registered subject; the entry starts on `listedOn` (not in the future). */
  async add(ctx: HubContext, input: AddMarketListingInput): Promise<MarketListing> {
    const { reason, authority } = newListEntry(input, ctx.principal);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      if (!(await manager.getRepository(RegistrationEntity).existsBy({ uscc: input.uscc }))) {
        throw notFound(`no registration for ${input.uscc}: register the subject before listing it`);
      }
      const repository = manager.getRepository(MarketListingEntity);
      const row = await repository.save(
        repository.create({
          uscc: input.uscc,
          listType: input.listType,
          reason,
          authority,
          documentNo: input.documentNo?.trim() || null,
          listedOn: input.listedOn,
          removedOn: null,
          removalReason: null,
          recordedOn: today(),
          removalRecordedOn: null,
        }),
      );
      await recordChange(manager, listingChange(row, true));
      ctx.touchedUsccs.add(input.uscc);
      return toListing(row);
    });
  }

  /** Ends an entry; the row stays, with the removal date and reason (history is kept). */
  async remove(ctx: HubContext, input: RemoveMarketListingInput): Promise<MarketListing> {
    const removal = listEntryRemoval(input, 'list entry');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(MarketListingEntity);
      const row = await repository.findOne({ where: { id: removal.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(`no market list entry ${input.id}`);
      endListEntry(row, removal, 'market list entry');
      await repository.save(row);
      await recordChange(manager, listingChange(row, false));
      ctx.touchedUsccs.add(row.uscc);
      return toListing(row);
    });
  }
}
