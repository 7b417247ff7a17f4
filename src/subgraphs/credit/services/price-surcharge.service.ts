import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { today, type IsoDate } from '../../../shared/dates';
import type { PriceSurchargeEntity } from '../entities/price-surcharge.entity';
import { priceSurchargeRules } from '../loaders/policy.loader';
import type { CreditEnterprise } from '../types/credit-enterprise.type';
import type { ElectricitySurcharge, SewageFee } from '../types/price-surcharge.type';
import type { RequiredHalfYearSnapshot } from '../types/required-facts.type';
import { inForce } from './measure-catalog.service';

export type PriceKind = 'SEWAGE' | 'ELECTRICITY';

export interface HalfYear {
  start: IsoDate;
  end: IsoDate;
  /** The last day of the preceding half-year, whose colour decides this one (DOMAIN.md §6). */
  snapshotDay: IsoDate;
}

export function halfYearOf(asOf: IsoDate): HalfYear {
  const year = Number(asOf.slice(0, 4));
  return asOf.slice(5, 7) <= '06'
    ? { start: `${year}-01-01`, end: `${year}-06-30`, snapshotDay: `${year - 1}-12-31` }
    : { start: `${year}-07-01`, end: `${year}-12-31`, snapshotDay: `${year}-06-30` };
}

/** Amounts are numeric(10,2) strings from Postgres: compared as integer cents, never as floats. */
function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

export interface SurchargeDecision {
  amount: string;
  period: string;
  basis: string;
}

/**
 * The surcharge of `kind` for the half-year containing `asOf`: the highest amount among the rules in
 * force on the half-year's first day that the snapshot matches (colour, and the run of RED
 * snapshots). "0.00" when none matches or the subject was not rated on the snapshot day; null when
 * the snapshot day is still ahead of `todayDate` (nothing is decided yet).
 */
export function decideSurcharge(
  rules: readonly PriceSurchargeEntity[],
  kind: PriceKind,
  snapshots: readonly RequiredHalfYearSnapshot[],
  asOf: IsoDate,
  todayDate: IsoDate,
): SurchargeDecision | null {
  const half = halfYearOf(asOf);
  if (half.snapshotDay >= todayDate) return null;
  const period = `${half.start}/${half.end}`;
  const snapshot = snapshots.find((s) => s.periodEnd === half.snapshotDay);
  if (!snapshot) return { amount: '0.00', period, basis: `not rated on ${half.snapshotDay}: normal price` };
  const matching = rules
    .filter((rule) => rule.priceKind === kind && inForce(rule, half.start) && rule.snapshotColor === snapshot.color)
    .filter((rule) => snapshot.consecutiveRed >= rule.minConsecutiveRed);
  const snapshotText = `colour ${snapshot.color} on ${half.snapshotDay}${snapshot.color === 'RED' ? ` (${snapshot.consecutiveRed} consecutive RED half-year snapshot${snapshot.consecutiveRed === 1 ? '' : 's'})` : ''}`;
  if (matching.length === 0) return { amount: '0.00', period, basis: `${snapshotText}: normal price` };
  const rule = matching.reduce((best, r) => (cents(r.amount) > cents(best.amount) ? r : best));
  return { amount: rule.amount, period, basis: `${snapshotText}: +${rule.amount} ${rule.unit} (${rule.legalBasis})` };
}

/** Differential prices from the environment's half-year snapshots (received through `@requires`). */
export class PriceSurchargeService {
  constructor(private readonly dataSource: DataSource) {}

  private async decide(ctx: HubContext, enterprise: CreditEnterprise, kind: PriceKind, asOf: IsoDate): Promise<SurchargeDecision | null> {
    // Null snapshots: the environment does not rate the subject (or the caller may not see it).
    if (!enterprise.envHalfYearSnapshots) return null;
    const rules = await priceSurchargeRules(ctx, this.dataSource);
    return decideSurcharge(rules, kind, enterprise.envHalfYearSnapshots, asOf, today());
  }

  async sewageFeeOf(ctx: HubContext, enterprise: CreditEnterprise, asOf: IsoDate): Promise<SewageFee | null> {
    const decision = await this.decide(ctx, enterprise, 'SEWAGE', asOf);
    return decision && { surchargePerCubicMetre: decision.amount, period: decision.period, basis: decision.basis };
  }

  async electricitySurchargeOf(ctx: HubContext, enterprise: CreditEnterprise, asOf: IsoDate): Promise<ElectricitySurcharge | null> {
    const decision = await this.decide(ctx, enterprise, 'ELECTRICITY', asOf);
    return decision && { surchargePerKwh: decision.amount, period: decision.period, basis: decision.basis };
  }
}
