import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { CreditColor } from '../../../shared/credit-color';
import type { ColorPeriodFact } from '../../../shared/auth/subject-scope';
import { today, type IsoDate } from '../../../shared/dates';
import { inForce } from '../../../shared/in-force';
import { colorTimelineLoader } from '../../../shared/color-timeline.loader';
import { checkKnownOn } from '../../../shared/known-on';
import { listingsAsKnownOn, PUNISHMENT_LISTS, punishmentListingsOn } from '../../../shared/list-types';
import type { RestrictionRuleEntity } from '../entities/restriction-rule.entity';
import { restrictionRuleLoader } from '../loaders/restriction-rule.loader';
import { RestrictionLevel, type CreditRestriction } from '../types/credit-restriction.type';
import type { FinanceEnterprise } from '../types/finance-enterprise.type';

/** What a restriction is decided from: the colour periods (null = not rated), the credit office's and market supervision's listings. */
export interface RestrictionFacts {
  envColorTimeline: readonly ColorPeriodFact[] | null;
  creditListingFacts?: FinanceEnterprise['creditListingFacts'];
  marketListingFacts?: FinanceEnterprise['marketListingFacts'];
}

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
export function decideRestriction(enterprise: RestrictionFacts, rules: readonly RestrictionRuleEntity[], asOf: IsoDate): CreditRestriction {
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

  /**
   * The answer on `asOf` (default today, or `knownOn` when given); null when the subject is not rated
   * and is on no list (nothing to decide on). With `knownOn` (DOMAIN.md §10 known-on dates), what the
   * hub answered on that day, so that a bank can reproduce it: the colour timeline as environment knew
   * it then (`envCredit(knownOn:)`'s), list entries learnt later absent and removals learnt later not
   * yet done. `knownOn` today is today's knowledge.
   */
  async restrictionOf(ctx: HubContext, enterprise: FinanceEnterprise, asOf: IsoDate | undefined, knownOn: IsoDate | undefined): Promise<CreditRestriction | null> {
    if (knownOn !== undefined) checkKnownOn(knownOn);
    const date = asOf ?? knownOn ?? today();
    const past = knownOn !== undefined && knownOn < today() ? knownOn : undefined;
    const now = enterprise.envColorNow ?? null;
    const creditListings = past ? listingsAsKnownOn(enterprise.creditListingFacts ?? [], past) : (enterprise.creditListingFacts ?? []);
    const marketListings = past ? listingsAsKnownOn(enterprise.marketListingFacts ?? [], past) : (enterprise.marketListingFacts ?? []);
    if (!now && !creditListings.length && !marketListings.length) return null;
    const [timeline, rules] = await Promise.all([
      // Not rated today (or not visible): not rated as known on any earlier day either.
      past ? (now ? colorTimelineLoader(ctx, past).load(enterprise.uscc) : null) : this.periodsFor(ctx, enterprise.uscc, now, date),
      restrictionRuleLoader(ctx, this.dataSource).load('all'),
    ]);
    // Enrolled after K and on no list known on K: the hub had nothing to decide on that day.
    if (past && !timeline && !creditListings.length && !marketListings.length) return null;
    return decideRestriction({ envColorTimeline: timeline, creditListingFacts: creditListings, marketListingFacts: marketListings }, rules, date);
  }

  /**
   * The colour periods that decide on `asOf`. The current period (received through `@requires`)
   * answers any date from its start to its next possible change, today included; a date outside it
   * needs the subject's whole timeline, asked of environment through federation (one fetch per batch).
   */
  private async periodsFor(ctx: HubContext, uscc: string, now: FinanceEnterprise['envColorNow'], asOf: IsoDate): Promise<readonly ColorPeriodFact[] | null> {
    if (!now) return null;
    if (asOf === today()) return now.color && now.from ? [{ color: now.color, from: now.from, until: null }] : [];
    if (now.color && now.from && now.from <= asOf && (now.until === null || asOf < now.until)) return [{ color: now.color, from: now.from, until: now.until }];
    return (await colorTimelineLoader(ctx).load(uscc)) ?? [];
  }
}
