import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { CreditColor } from '../../../shared/credit-color';
import type { IsoDate } from '../../../shared/dates';
import { inForce } from '../../../shared/in-force';
import { PUNISHMENT_LISTS, punishmentListingsOn } from '../../../shared/list-types';
import type { RestrictionRuleEntity } from '../entities/restriction-rule.entity';
import { restrictionRuleLoader } from '../loaders/restriction-rule.loader';
import { RestrictionLevel, type CreditRestriction } from '../types/credit-restriction.type';
import type { FinanceEnterprise } from '../types/finance-enterprise.type';

const LEVEL_ORDER = [RestrictionLevel.NONE, RestrictionLevel.RESTRICTED, RestrictionLevel.PROHIBITED];

interface Trigger {
  level: RestrictionLevel;
  since: IsoDate;
  basis: string;
}

function ruleInForce(rule: RestrictionRuleEntity, date: IsoDate): boolean {
  return inForce(rule, date);
}

/**
 * The bank's question: may this subject get new credit on a date? Decided from the colour on that
 * date and the listings in force then, by the restriction rules in force then.
 */
export function decideRestriction(enterprise: FinanceEnterprise, rules: readonly RestrictionRuleEntity[], asOf: IsoDate): CreditRestriction {
  const inForce = rules.filter((rule) => ruleInForce(rule, asOf));
  const triggers: Trigger[] = [];
  const period = (enterprise.envColorTimeline ?? []).find((p) => p.from <= asOf && (p.until === null || asOf < p.until));
  if (period) {
    for (const rule of inForce.filter((r) => r.triggerKind === 'COLOR' && r.triggerValue === period.color)) {
      triggers.push({
        level: rule.level as RestrictionLevel,
        since: period.from,
        basis: `environmental credit colour ${period.color} since ${period.from} (${rule.legalBasis})`,
      });
    }
  }
  // Credit office's and market supervision's entries alike (DOMAIN.md §10 list precedence).
  const listings = [...(enterprise.creditListingFacts ?? []), ...(enterprise.marketListingFacts ?? [])];
  for (const listing of listings) {
    if (listing.listedOn > asOf || (listing.removedOn !== null && listing.removedOn <= asOf)) continue;
    for (const rule of inForce.filter((r) => r.triggerKind === 'LISTING' && r.triggerValue === listing.listType)) {
      triggers.push({
        level: rule.level as RestrictionLevel,
        since: listing.listedOn,
        basis: `listed ${listing.listType} since ${listing.listedOn}, document ${listing.documentNo ?? 'unnumbered'} (${rule.legalBasis})`,
      });
    }
  }
  const level = triggers.reduce((worst, t) => (LEVEL_ORDER.indexOf(t.level) > LEVEL_ORDER.indexOf(worst) ? t.level : worst), RestrictionLevel.NONE);
  const decisive = triggers.filter((t) => t.level === level);
  // A punishment-list entry suspends the GREEN reward of green-credit priority (DOMAIN.md §10).
  const suspending = punishmentListingsOn(listings, asOf);
  const greenCreditPriority = level === RestrictionLevel.NONE && period?.color === CreditColor.GREEN && suspending.length === 0;
  const suspension = period?.color === CreditColor.GREEN && suspending.length
    ? `: priority for green credit suspended while listed ${suspending.map((l) => `${l.listType} (${PUNISHMENT_LISTS[l.listType].basis})`).join(', ')}`
    : '';
  return {
    level,
    restricted: level !== RestrictionLevel.NONE,
    basis:
      period && level === RestrictionLevel.NONE
        ? [`environmental credit colour ${period.color} since ${period.from}${greenCreditPriority ? ': priority for green credit' : suspension}`]
        : triggers.map((t) => t.basis),
    since: decisive.length > 0 ? decisive.map((t) => t.since).sort()[0] : null,
    greenCreditPriority,
  };
}

export class CreditRestrictionService {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the subject is not rated on `asOf` and is on no list (nothing to decide on). */
  async restrictionOf(ctx: HubContext, enterprise: FinanceEnterprise, asOf: IsoDate): Promise<CreditRestriction | null> {
    if (!enterprise.envColorTimeline && !(enterprise.creditListingFacts ?? []).length && !(enterprise.marketListingFacts ?? []).length) return null;
    const rules = await restrictionRuleLoader(ctx, this.dataSource).load('all');
    return decideRestriction(enterprise, rules, asOf);
  }
}
