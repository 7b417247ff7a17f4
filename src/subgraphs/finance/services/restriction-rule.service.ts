import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { CREDIT_COLORS } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { inForce, versionToClose } from '../../../shared/in-force';
import { CreditListType, MarketListType } from '../../../shared/list-types';
import { writeTransaction } from '../../../shared/read-snapshot';
import { RestrictionRuleEntity } from '../entities/restriction-rule.entity';
import { restrictionRuleLoader } from '../loaders/restriction-rule.loader';
import { RestrictionLevel } from '../types/credit-restriction.type';
import { RestrictionTriggerKind, type RestrictionRule, type SetRestrictionRuleInput } from '../types/restriction-rule.type';

const LISTS: string[] = [...Object.values(CreditListType), ...Object.values(MarketListType)];

function toRule(row: RestrictionRuleEntity): RestrictionRule {
  return {
    triggerKind: row.triggerKind as RestrictionTriggerKind,
    triggerValue: row.triggerValue,
    level: row.level as RestrictionLevel,
    legalBasis: row.legalBasis,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  };
}

/** The bank restriction table as data: published, versioned from a future day only (answers already given stay true). */
export class RestrictionRuleService {
  constructor(private readonly dataSource: DataSource) {}

  async rulesOn(ctx: HubContext, asOf: IsoDate): Promise<RestrictionRule[]> {
    return (await restrictionRuleLoader(ctx, this.dataSource).load('all')).filter((row) => inForce(row, asOf)).map(toRule);
  }

  /** A new version of the rule for one trigger from `effectiveFrom` (after today); NONE ends the rule there. Audited as a mutation. */
  async set(ctx: HubContext, input: SetRestrictionRuleInput): Promise<RestrictionRule | null> {
    const allowed: string[] = input.triggerKind === RestrictionTriggerKind.COLOR ? CREDIT_COLORS : LISTS;
    if (!allowed.includes(input.triggerValue)) throw badInput(`triggerValue "${input.triggerValue.slice(0, 40)}" is not among ${allowed.join(', ')}`);
    const legalBasis = input.legalBasis.trim();
    if (!legalBasis) throw badInput('legalBasis must name the document (title and number)');
    const what = `restriction rule for ${input.triggerKind} ${input.triggerValue}`;
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(RestrictionRuleEntity);
      const versions = await repository.find({
        where: { triggerKind: input.triggerKind, triggerValue: input.triggerValue },
        order: { effectiveFrom: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const current = versionToClose(versions, input.effectiveFrom, today(), what, badInput);
      if (input.level === RestrictionLevel.NONE && !current) throw badInput(`there is no ${what} in force on ${input.effectiveFrom} to end`);
      if (current) await repository.update({ id: current.id }, { effectiveTo: input.effectiveFrom });
      if (input.level === RestrictionLevel.NONE) return null;
      const row = await repository.save(
        repository.create({ triggerKind: input.triggerKind, triggerValue: input.triggerValue, level: input.level, legalBasis, effectiveFrom: input.effectiveFrom, effectiveTo: null }),
      );
      return toRule(row);
    });
  }
}
