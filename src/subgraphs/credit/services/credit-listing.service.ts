import type { DataSource } from 'typeorm';
import { recordChange } from '../../../shared/changes/change-events';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { badInput, notFound } from '../../../shared/errors';
import { checkResponsiblePersons } from '../../../shared/responsible-person';
import { endListEntry, listEntryRemoval, newListEntry } from '../../../shared/list-entries';
import { CreditListType } from '../../../shared/list-types';
import { readManager, writeTransaction } from '../../../shared/read-snapshot';
import { CreditListingEntity } from '../entities/credit-listing.entity';
import { creditListingLoader } from '../loaders/credit-listing.loader';
import type { DesignateCreditListingInput, RemoveCreditListingInput } from '../types/credit-listing.input';
import type { CreditListing } from '../types/credit-listing.type';
import type { ListingPersonService } from './listing-person.service';

function toListing(row: CreditListingEntity): CreditListing {
  return {
    id: String(row.id),
    listType: row.listType as CreditListType,
    field: row.field,
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

/** The partners' notice of a designation or its end (the credit office does not hold districts). */
export function listingChange(row: Pick<CreditListingEntity, 'uscc' | 'listedOn' | 'removedOn' | 'listType' | 'documentNo'>, listed: boolean) {
  return {
    type: 'LISTING_CHANGED' as const,
    uscc: row.uscc,
    districtCode: null,
    effectiveOn: (listed ? row.listedOn : row.removedOn) ?? today(),
    data: { listType: row.listType, listed, documentNo: row.documentNo },
  };
}

/** The credit office's list designations; each designation and removal is written to the change outbox with it. */
export class CreditListingService {
  constructor(
    private readonly dataSource: DataSource,
    /** The responsible persons a SERIOUS_DISHONESTY designation names, stored in its transaction. */
    private readonly persons: ListingPersonService,
  ) {}

  /** Hub-internal: those of `usccs` with a designation in force on `asOf`, by code; one statement. */
  async listedAmong(ctx: HubContext, usccs: readonly string[], asOf: string): Promise<string[]> {
    if (usccs.length === 0) return [];
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT DISTINCT uscc FROM credit.list_designation
        WHERE uscc = ANY($1::varchar[]) AND listed_on <= $2::date AND (removed_on IS NULL OR removed_on > $2::date)
        ORDER BY uscc`,
      [[...usccs], asOf],
    );
    return rows.map((row) => row.uscc);
  }

  /**
   * Hub-internal: every subject with a designation in force on `asOf`, by code; one statement. For a
   * search's `listed` criterion, which market applies in SQL with this set rather than asking of its
   * candidates a page at a time (a count would pass the whole registry). Designations are a small
   * share of the subjects, so the set is small where the registry is not.
   */
  async listedOn(ctx: HubContext, asOf: string): Promise<string[]> {
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT DISTINCT uscc FROM credit.list_designation
        WHERE listed_on <= $1::date AND (removed_on IS NULL OR removed_on > $1::date)
        ORDER BY uscc`,
      [asOf],
    );
    return rows.map((row) => row.uscc);
  }

  /**
   * Hub-internal, for the webhook dispatcher's `restrictions_due` job (no request, no row scope): the
   * subjects with a designation on one of `listTypes` in force on some day of [from, to], by code.
   */
  async designatedBetween(listTypes: readonly string[], from: string, to: string): Promise<string[]> {
    if (listTypes.length === 0) return [];
    const rows: { uscc: string }[] = await this.dataSource.query(
      `SELECT DISTINCT uscc FROM credit.list_designation
        WHERE list_type = ANY($1::varchar[]) AND listed_on <= $3::date AND (removed_on IS NULL OR removed_on > $2::date)
        ORDER BY uscc`,
      [[...listTypes], from, to],
    );
    return rows.map((row) => row.uscc);
  }

  async listingsOf(ctx: HubContext, uscc: string): Promise<CreditListing[]> {
    const rows = await creditListingLoader(ctx, this.dataSource).load(uscc);
    return rows.map(toListing);
  }

  /**
   * Designates a subject from `listedOn` (not in the future). The credit office does not hold
   * registrations, so the code is taken as given (its check character was verified).
   */
  async designate(ctx: HubContext, input: DesignateCreditListingInput): Promise<CreditListing> {
    const { reason, authority } = newListEntry(input, ctx.principal);
    const persons = checkResponsiblePersons(input.responsiblePersons, 'input.responsiblePersons');
    // The memorandum's persons (有关人员) are named by serious-dishonesty designations only.
    if (persons.length > 0 && input.listType !== CreditListType.SERIOUS_DISHONESTY) {
      throw badInput(`input.responsiblePersons: only a SERIOUS_DISHONESTY designation names responsible persons, not ${input.listType}`, {
        field: 'input.responsiblePersons',
        rule: 'PERSONS_NEED_SERIOUS_DISHONESTY',
      });
    }
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(CreditListingEntity);
      const row = await repository.save(
        repository.create({
          uscc: input.uscc,
          listType: input.listType,
          field: input.field?.trim() || 'ENVIRONMENT',
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
      await this.persons.storeFor(manager, row.id, input.uscc, persons);
      await recordChange(manager, listingChange(row, true));
      ctx.touchedUsccs.add(input.uscc);
      return toListing(row);
    });
  }

  /** Ends a designation; the row stays with its removal date and reason. */
  async remove(ctx: HubContext, input: RemoveCreditListingInput): Promise<CreditListing> {
    const removal = listEntryRemoval(input, 'designation');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(CreditListingEntity);
      const row = await repository.findOne({ where: { id: removal.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(`no credit list designation ${input.id}`);
      endListEntry(row, removal, 'credit list designation');
      await repository.save(row);
      await recordChange(manager, listingChange(row, false));
      ctx.touchedUsccs.add(row.uscc);
      return toListing(row);
    });
  }
}
