import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { badInput, notFound } from '../../../shared/errors';
import type { CreditListType } from '../../../shared/list-types';
import { CreditListingEntity } from '../entities/credit-listing.entity';
import { creditListingLoader } from '../loaders/credit-listing.loader';
import type { DesignateCreditListingInput, RemoveCreditListingInput } from '../types/credit-listing.input';
import type { CreditListing } from '../types/credit-listing.type';

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
  };
}

/** The credit office's list designations. */
export class CreditListingService {
  constructor(private readonly dataSource: DataSource) {}

  async listingsOf(ctx: HubContext, uscc: string): Promise<CreditListing[]> {
    const rows = await creditListingLoader(ctx, this.dataSource).load(uscc);
    return rows.map(toListing);
  }

  /**
   * Designates a subject from `listedOn` (not in the future). The credit office does not hold
   * registrations, so the code is taken as given (its check character was verified).
   */
  async designate(ctx: HubContext, input: DesignateCreditListingInput): Promise<CreditListing> {
    const reason = input.reason.trim();
    if (!reason) throw badInput('reason must not be empty');
    if (input.listedOn > today()) throw badInput(`listedOn ${input.listedOn} is in the future`);
    const authority = input.authority?.trim() || ctx.principal.agency;
    if (!authority) throw badInput('authority must be given: the caller has no agency on record');
    const repository = this.dataSource.getRepository(CreditListingEntity);
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
      }),
    );
    ctx.touchedUsccs.add(input.uscc);
    return toListing(row);
  }

  /** Ends a designation; the row stays with its removal date and reason. */
  async remove(ctx: HubContext, input: RemoveCreditListingInput): Promise<CreditListing> {
    const id = Number(input.id);
    if (!Number.isInteger(id) || id <= 0) throw badInput(`designation id "${input.id}" is not a valid id`);
    const removalReason = input.removalReason.trim();
    if (!removalReason) throw badInput('removalReason must not be empty');
    if (input.removedOn > today()) throw badInput(`removedOn ${input.removedOn} is in the future`);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CreditListingEntity);
      const row = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(`no credit list designation ${input.id}`);
      if (row.removedOn) throw badInput(`credit list designation ${input.id} was already removed on ${row.removedOn}`);
      if (input.removedOn < row.listedOn) throw badInput(`removedOn ${input.removedOn} is before the designation's listedOn ${row.listedOn}`);
      row.removedOn = input.removedOn;
      row.removalReason = removalReason;
      await repository.save(row);
      ctx.touchedUsccs.add(row.uscc);
      return toListing(row);
    });
  }
}
