import type { CatalogueMeasure } from '../../../shared/auth/subject-scope';
import type { CreditColor } from '../../../shared/credit-color';
import { PUNISHMENT_LISTS, punishmentListingsOn, type ListingFact } from '../../../shared/list-types';

/**
 * Catalogue measures that bar rewards (DOMAIN.md §5: YELLOW and worse are barred from awards, BLACK
 * carries the one-vote veto). Which colours they cover, and on what basis, is the catalogue's data.
 */
const REWARD_BAR_MEASURES = ['AWARD_BAR', 'ONE_VOTE_VETO'];

/**
 * Why a reward (an event with positive points: ENV_AWARD, CREDIT_COMMITMENT) is refused on `date`, or
 * null: a punishment-list entry in force, or a colour that a reward-bar measure of the catalogue covers.
 */
export function rewardRefusal(
  uscc: string,
  type: string,
  date: string,
  color: CreditColor | null,
  listings: readonly ListingFact[],
  catalog: readonly CatalogueMeasure[],
): string | null {
  const [listed] = punishmentListingsOn(listings, date);
  if (listed) {
    const list = PUNISHMENT_LISTS[listed.listType];
    return `${type} is a reward and is refused: on ${date} ${uscc} is on the ${listed.listType} list (${list.nameZh}) since ${listed.listedOn}, document ${listed.documentNo ?? 'unnumbered'}; rewards are barred while listed (legal basis: ${list.basis})`;
  }
  const bars = color ? catalog.filter((m) => REWARD_BAR_MEASURES.includes(m.code) && m.triggerKind === 'COLOR' && m.triggerValues.includes(color)) : [];
  if (bars.length) {
    const named = bars.map((m) => `${m.code} (${m.name}, legal basis: ${m.legalBasis})`).join(' and ');
    return `${type} is a reward and is refused: on ${date} ${uscc} is rated ${color}, and the catalogue bars ${color} subjects from rewards by ${named}`;
  }
  return null;
}
