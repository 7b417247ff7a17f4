import { registerEnumType } from 'type-graphql';

/** The credit office's lists (DOMAIN.md §5, §8); shared because finance receives them through `@requires`. */
export enum CreditListType {
  SERIOUS_DISHONESTY = 'SERIOUS_DISHONESTY',
  COURT_DISHONEST_DEBTOR = 'COURT_DISHONEST_DEBTOR',
  RED_LIST = 'RED_LIST',
}
registerEnumType(CreditListType, {
  name: 'CreditListType',
  description: '严重失信主体名单 (SERIOUS_DISHONESTY), 失信被执行人 (COURT_DISHONEST_DEBTOR), 守信红名单 (RED_LIST).',
});

/** Market supervision's lists (DOMAIN.md §8); shared because the credit office receives them through `@requires`. */
export enum MarketListType {
  ABNORMAL_OPERATIONS = 'ABNORMAL_OPERATIONS',
  SERIOUS_ILLEGAL_DISHONEST = 'SERIOUS_ILLEGAL_DISHONEST',
}
registerEnumType(MarketListType, {
  name: 'MarketListType',
  description: '经营异常名录 (ABNORMAL_OPERATIONS) or 严重违法失信名单 (SERIOUS_ILLEGAL_DISHONEST).',
});

/**
 * The punishment lists of DOMAIN.md §10 (credit office's and market supervision's): while a subject has
 * an entry in force on one of them, rewards (ENV_AWARD, CREDIT_COMMITMENT) are refused and its GREEN
 * rewards are suspended. Each list's measures stay catalogue rows; this names only which lists
 * punish, with the list's Chinese name and legal basis for refusals and notices.
 */
export const PUNISHMENT_LISTS: Readonly<Record<string, { nameZh: string; basis: string }>> = {
  SERIOUS_DISHONESTY: { nameZh: '严重失信主体名单', basis: '发改财金〔2016〕1580号' },
  COURT_DISHONEST_DEBTOR: { nameZh: '失信被执行人名单', basis: '发改财金〔2016〕141号' },
  SERIOUS_ILLEGAL_DISHONEST: { nameZh: '严重违法失信名单', basis: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）' },
};

/** A list entry as departments pass it to each other (federation `*ListingFacts`). */
export interface ListingFact {
  listType: string;
  authority?: string;
  documentNo: string | null;
  listedOn: string;
  removedOn: string | null;
  /** The day the hub learnt of the entry, and of its removal (DOMAIN.md §10 known-on dates); absent where not asked. */
  recordedOn?: string;
  removalRecordedOn?: string | null;
}

/**
 * The entries as the hub knew them at the end of day `knownOn` (DOMAIN.md §10 known-on dates): an
 * entry learnt later did not exist yet, and a removal learnt later had not happened yet (the entry
 * still lasted). Pure: the same stored entries always give the same answer for the same day.
 */
export function listingsAsKnownOn<L extends ListingFact>(listings: readonly L[], knownOn: string): L[] {
  return listings
    .filter((l) => (l.recordedOn ?? l.listedOn) <= knownOn)
    .map((l) => (l.removedOn !== null && (l.removalRecordedOn ?? l.removedOn) > knownOn ? { ...l, removedOn: null, removalRecordedOn: null } : l));
}

/** The entries in force on `date` that are on a punishment list. */
export function punishmentListingsOn<L extends ListingFact>(listings: readonly L[], date: string): L[] {
  return listings.filter((l) => l.listType in PUNISHMENT_LISTS && l.listedOn <= date && (l.removedOn === null || date < l.removedOn));
}
