import type { Principal } from './auth/principal';
import { today, type IsoDate } from './dates';
import { parseRowId } from './ids';
import { badInput } from './errors';

/**
 * The rules every list shares, market supervision's and the credit office's alike (DOMAIN.md §5, §8):
 * an entry has a reason and a deciding authority and starts on a date not in the future; it ends
 * with a removal date and reason, never by deletion, and only once. The hub records the day it
 * learnt of each (DOMAIN.md §10 known-on dates): today, whatever day the entry or removal is dated.
 */

/** A new entry's reason and authority (the caller's agency by default), checked. */
export function newListEntry(input: { reason: string; authority?: string | null; listedOn: IsoDate }, principal: Principal): { reason: string; authority: string } {
  const reason = input.reason.trim();
  if (!reason) throw badInput('reason must not be empty');
  if (input.listedOn > today()) throw badInput(`listedOn ${input.listedOn} is in the future`);
  const authority = input.authority?.trim() || principal.agency;
  if (!authority) throw badInput('authority must be given: the caller has no agency on record');
  return { reason, authority };
}

export interface ListEntryRemoval {
  id: number;
  removedOn: IsoDate;
  removalReason: string;
}

/** A removal request, checked before anything is read: `label` names the entry ("list entry", "designation"). */
export function listEntryRemoval(input: { id: string; removedOn: IsoDate; removalReason: string }, label: string): ListEntryRemoval {
  const id = parseRowId(input.id, `${label} id`);
  const removalReason = input.removalReason.trim();
  if (!removalReason) throw badInput('removalReason must not be empty');
  if (input.removedOn > today()) throw badInput(`removedOn ${input.removedOn} is in the future`);
  return { id, removedOn: input.removedOn, removalReason };
}

/** Ends `row` (locked by the caller) with `removal`; refused when already ended or before it began. */
export function endListEntry(
  row: { listedOn: IsoDate; removedOn: IsoDate | null; removalReason: string | null; removalRecordedOn: IsoDate | null },
  removal: ListEntryRemoval,
  label: string,
): void {
  if (row.removedOn) throw badInput(`${label} ${removal.id} was already removed on ${row.removedOn}`);
  if (removal.removedOn < row.listedOn) throw badInput(`removedOn ${removal.removedOn} is before the ${label}'s listedOn ${row.listedOn}`);
  row.removedOn = removal.removedOn;
  row.removalReason = removal.removalReason;
  row.removalRecordedOn = today();
}
