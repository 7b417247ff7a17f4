import { addDays, type IsoDate } from '../../../shared/dates';
import { inForce, type EffectivePeriod } from '../../../shared/in-force';

/** A version of the bank restriction table (finance.restriction_rule), as far as the calendar needs it. */
export interface RestrictionRuleVersion extends EffectivePeriod {
  triggerKind: string;
  triggerValue: string;
  level: string;
}

/** A trigger (a colour, or a list) whose level changes on `day` by the table alone. */
export interface RestrictionTriggerChange {
  day: IsoDate;
  /** COLOR or LISTING. */
  triggerKind: string;
  triggerValue: string;
  /** The level the trigger imposed the day before (NONE: no version in force). */
  levelBefore: string;
  levelOn: string;
}

/** The levels from least to most severe, as `decideRestriction` ranks them. */
const SEVERITY = ['NONE', 'RESTRICTED', 'PROHIBITED'];

/** The level one trigger imposes on `date`: the most severe of its versions in force then, NONE without one. */
export function triggerLevelOn(rules: readonly RestrictionRuleVersion[], triggerKind: string, triggerValue: string, date: IsoDate): string {
  return rules
    .filter((rule) => rule.triggerKind === triggerKind && rule.triggerValue === triggerValue && inForce(rule, date))
    .reduce((worst, rule) => (SEVERITY.indexOf(rule.level) > SEVERITY.indexOf(worst) ? rule.level : worst), 'NONE');
}

/**
 * The days of [from, to] on which the restriction table alone changes what some subject gets: a
 * version of a trigger begins or ends (`effectiveFrom`, `effectiveTo`) and the trigger's level the
 * day before differs from its level that day. A new version that only restates the level (another
 * legal basis) changes no answer's level and is no change here. By day, then trigger.
 */
export function restrictionChangeDays(rules: readonly RestrictionRuleVersion[], from: IsoDate, to: IsoDate): RestrictionTriggerChange[] {
  const touched = new Map<string, { day: IsoDate; triggerKind: string; triggerValue: string }>();
  for (const rule of rules) {
    for (const day of [rule.effectiveFrom, rule.effectiveTo]) {
      if (day === null || day < from || day > to) continue;
      touched.set(`${day}|${rule.triggerKind}|${rule.triggerValue}`, { day, triggerKind: rule.triggerKind, triggerValue: rule.triggerValue });
    }
  }
  const changes: RestrictionTriggerChange[] = [];
  for (const { day, triggerKind, triggerValue } of touched.values()) {
    const levelBefore = triggerLevelOn(rules, triggerKind, triggerValue, addDays(day, -1));
    const levelOn = triggerLevelOn(rules, triggerKind, triggerValue, day);
    if (levelBefore !== levelOn) changes.push({ day, triggerKind, triggerValue, levelBefore, levelOn });
  }
  return changes.sort((a, b) => a.day.localeCompare(b.day) || a.triggerKind.localeCompare(b.triggerKind) || a.triggerValue.localeCompare(b.triggerValue));
}
