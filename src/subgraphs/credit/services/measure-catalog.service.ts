import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { CREDIT_COLORS } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { CreditListType, MarketListType } from '../../../shared/list-types';
import { writeTransaction } from '../../../shared/read-snapshot';
import { MeasureEntity } from '../entities/measure.entity';
import { inForce } from '../../../shared/in-force';
import { measureCatalogVersions } from '../loaders/policy.loader';
import type { DefineMeasureInput } from '../types/measure.input';
import { MeasureTriggerKind, type Measure, type MeasureKind, type MeasureNature, type PriceKind } from '../types/measure.type';

const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
/** Lists a LISTING measure may name: the credit office's own and market supervision's. */
export const LIST_TRIGGERS: string[] = [...Object.values(CreditListType), ...Object.values(MarketListType)];

/** Re-exported for the credit office's services: the hub's one definition (shared/in-force.ts). */
export { inForce } from '../../../shared/in-force';

export function toMeasure(row: MeasureEntity): Measure {
  return {
    code: row.code,
    name: row.name,
    nature: row.nature as MeasureNature,
    kind: row.kind as MeasureKind,
    triggerKind: row.triggerKind as MeasureTriggerKind,
    triggerValues: row.triggerValues,
    implementingAgency: row.implementingAgency,
    agencyKind: row.agencyKind,
    priceKind: row.priceKind as PriceKind | null,
    legalBasis: row.legalBasis,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  };
}

/** The measure catalogue (DOMAIN.md §5): data with legal basis and effective period, versioned by date. */
export class MeasureCatalogService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every version of every measure, in catalogue order (one statement per request). */
  versions(ctx: HubContext): Promise<MeasureEntity[]> {
    return measureCatalogVersions(ctx, this.dataSource);
  }

  /** The measures in force on `asOf`. */
  async catalog(ctx: HubContext, asOf: IsoDate): Promise<Measure[]> {
    return (await this.versions(ctx)).filter((row) => inForce(row, asOf)).map(toMeasure);
  }

  /**
   * A new version of a measure from `effectiveFrom` on, today or later (DOMAIN.md §10: the past is
   * never rewritten, so `jointMeasures` answers already given for a past date stay true). The version
   * in force that day ends there; a version starting on or after that day is refused.
   */
  async define(ctx: HubContext, input: DefineMeasureInput): Promise<Measure> {
    if (!CODE_PATTERN.test(input.code)) throw badInput(`measure code "${input.code}" must be upper-case letters, digits and _ (e.g. BANK_CREDIT_RESTRICTION)`);
    for (const [field, value] of [['name', input.name], ['implementingAgency', input.implementingAgency], ['legalBasis', input.legalBasis]] as const) {
      if (!value.trim()) throw badInput(`${field} of measure ${input.code} must not be empty`);
    }
    if (!CODE_PATTERN.test(input.agencyKind)) throw badInput(`agencyKind "${input.agencyKind}" must be upper-case, e.g. BANK, UTILITY, ENVIRONMENT`);
    const allowed: string[] = input.triggerKind === MeasureTriggerKind.COLOR ? [...CREDIT_COLORS] : LIST_TRIGGERS;
    if (input.triggerValues.length === 0) throw badInput(`triggerValues of measure ${input.code} must name at least one ${input.triggerKind === MeasureTriggerKind.COLOR ? 'colour' : 'list'}`);
    const wrong = input.triggerValues.filter((value) => !allowed.includes(value));
    if (wrong.length > 0) throw badInput(`triggerValues ${wrong.join(', ')} of measure ${input.code} are not among ${allowed.join(', ')}`);
    if (input.priceKind && input.triggerKind !== MeasureTriggerKind.COLOR) {
      throw badInput(`measure ${input.code} has priceKind ${input.priceKind}, so its triggerKind must be COLOR (the colours of the deciding half-year snapshot)`);
    }
    if (input.effectiveFrom < today()) {
      throw badInput(`effectiveFrom ${input.effectiveFrom} of measure ${input.code} is in the past; measures are defined from today (${today()}) or a later date`);
    }
    if (input.effectiveTo && input.effectiveTo <= input.effectiveFrom) {
      throw badInput(`effectiveTo ${input.effectiveTo} of measure ${input.code} must be after effectiveFrom ${input.effectiveFrom}`);
    }
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(MeasureEntity);
      const versions = await repository.find({ where: { code: input.code }, order: { effectiveFrom: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const later = versions.find((row) => row.effectiveFrom >= input.effectiveFrom);
      if (later) {
        throw badInput(`measure ${input.code} already has a version from ${later.effectiveFrom}; a new version must start after it`);
      }
      const current = versions.find((row) => inForce(row, input.effectiveFrom));
      if (current) {
        current.effectiveTo = input.effectiveFrom;
        await repository.save(current);
      }
      const row = await repository.save(
        repository.create({
          code: input.code,
          name: input.name.trim(),
          nature: input.nature,
          kind: input.kind,
          triggerKind: input.triggerKind,
          triggerValues: [...new Set(input.triggerValues)],
          implementingAgency: input.implementingAgency.trim(),
          agencyKind: input.agencyKind,
          priceKind: input.priceKind ?? null,
          legalBasis: input.legalBasis.trim(),
          effectiveFrom: input.effectiveFrom,
          effectiveTo: input.effectiveTo ?? null,
        }),
      );
      return toMeasure(row);
    });
  }
}
