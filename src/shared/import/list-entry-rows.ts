import type { HubContext } from '../context';
import { asRow, type FeedRow, type RowOutcome } from './feed';
import { feedDate, feedUscc, oneOf, optional, required } from './feed-values';

export const LIST_COLUMNS = ['uscc', 'list_type', 'reason', 'authority', 'listed_on'];

/** What a list feed needs of the department that keeps the list. */
export interface ListKeeper<T extends string> {
  entriesOf(ctx: HubContext, uscc: string): Promise<{ id: string; listType: string; listedOn: string; removedOn: string | null }[]>;
  add(
    ctx: HubContext,
    entry: { uscc: string; listType: T; reason: string; authority: string; documentNo: string | null; listedOn: string },
    values: Record<string, string>,
  ): Promise<{ id: string; removedOn: string | null }>;
  remove(ctx: HubContext, removal: { id: string; removedOn: string; removalReason: string }): Promise<unknown>;
}

/**
 * A list-entry row (market lists and credit lists share the format): the entry (subject, list,
 * listing date) is added once; a later file carrying its removal date ends it. Re-importing the same
 * file changes nothing.
 */
export function listEntryRow<T extends string>(overrides: ReadonlySet<string>, listTypes: readonly T[], keeper: ListKeeper<T>) {
  return async (ctx: HubContext, { values }: FeedRow): Promise<{ outcome: RowOutcome; overrides?: string[] }> => {
    const { uscc, overridden } = feedUscc(values, 'uscc', overrides);
    const listType = oneOf(values, 'list_type', listTypes);
    const listedOn = feedDate(values, 'listed_on')!;
    const removedOn = feedDate(values, 'removed_on', true);
    const existing = (await keeper.entriesOf(ctx, uscc)).find((entry) => entry.listType === listType && entry.listedOn === listedOn);
    const entry =
      existing ??
      (await asRow(() =>
        keeper.add(ctx, { uscc, listType, reason: required(values, 'reason'), authority: required(values, 'authority'), documentNo: optional(values, 'document_no'), listedOn }, values),
      ));
    const removing = removedOn !== null && entry.removedOn === null;
    if (removing) await asRow(() => keeper.remove(ctx, { id: entry.id, removedOn, removalReason: required(values, 'removal_reason') }));
    return { outcome: existing && !removing ? 'unchanged' : 'imported', overrides: overridden ? [uscc] : undefined };
  };
}
