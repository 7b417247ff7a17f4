import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import type { CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { inForce, versionToClose } from '../../../shared/in-force';
import { writeTransaction } from '../../../shared/read-snapshot';
import { PriceSurchargeEntity } from '../entities/price-surcharge.entity';
import { priceSurchargeRules } from '../loaders/policy.loader';
import type { PriceKind } from '../types/measure.type';
import type { PriceSurchargeRule, SetPriceSurchargeInput } from '../types/price-rule.type';

const UNITS: Record<string, string> = { SEWAGE: 'CNY/m3', ELECTRICITY: 'CNY/kWh' };
const AMOUNT = /^\d{1,6}(\.\d{1,2})?$/;

function toRule(row: PriceSurchargeEntity): PriceSurchargeRule {
  return {
    priceKind: row.priceKind as PriceKind,
    snapshotColor: row.snapshotColor as CreditColor,
    minConsecutiveRed: row.minConsecutiveRed,
    amount: row.amount,
    unit: row.unit,
    legalBasis: row.legalBasis,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  };
}

/** The surcharge table as data (DOMAIN.md §6, §10): read by anyone who reads prices, versioned from a future day only. */
export class PriceRuleService {
  constructor(private readonly dataSource: DataSource) {}

  /** The rules in force on `asOf`, in table order. */
  async rulesOn(ctx: HubContext, asOf: IsoDate): Promise<PriceSurchargeRule[]> {
    return (await priceSurchargeRules(ctx, this.dataSource)).filter((row) => inForce(row, asOf)).map(toRule);
  }

  /**
   * A new version of one surcharge from `effectiveFrom` (after today: prices already answered stay
   * true). The version of the same (kind, colour, run) in force then ends there. Audited as a mutation.
   */
  async set(ctx: HubContext, input: SetPriceSurchargeInput): Promise<PriceSurchargeRule> {
    const what = `${input.priceKind} surcharge for ${input.snapshotColor}${input.minConsecutiveRed > 0 ? ` (${input.minConsecutiveRed} consecutive RED)` : ''}`;
    if (!AMOUNT.test(input.amount)) throw badInput(`amount "${input.amount.slice(0, 20)}" of the ${what} must be a decimal in CNY with at most 2 places, e.g. 0.60`);
    if (!Number.isInteger(input.minConsecutiveRed) || input.minConsecutiveRed < 0 || input.minConsecutiveRed > 12) {
      throw badInput(`minConsecutiveRed ${input.minConsecutiveRed} must be between 0 and 12`);
    }
    if (input.minConsecutiveRed > 0 && input.snapshotColor !== 'RED') throw badInput(`minConsecutiveRed applies to RED snapshots only, not ${input.snapshotColor}`);
    const legalBasis = input.legalBasis.trim();
    if (!legalBasis) throw badInput('legalBasis must name the document (title and number)');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(PriceSurchargeEntity);
      const versions = await repository.find({
        where: { priceKind: input.priceKind, snapshotColor: input.snapshotColor, minConsecutiveRed: input.minConsecutiveRed },
        order: { effectiveFrom: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const current = versionToClose(versions, input.effectiveFrom, today(), what, badInput);
      if (current) await repository.update({ id: current.id }, { effectiveTo: input.effectiveFrom });
      const row = await repository.save(
        repository.create({
          priceKind: input.priceKind,
          snapshotColor: input.snapshotColor,
          minConsecutiveRed: input.minConsecutiveRed,
          amount: input.amount.includes('.') ? input.amount : `${input.amount}.00`,
          unit: UNITS[input.priceKind],
          legalBasis,
          effectiveFrom: input.effectiveFrom,
          effectiveTo: null,
        }),
      );
      return toRule(row);
    });
  }
}
