import type { IsoDate } from '../../../shared/dates';
import { halfYearOf } from '../../../shared/half-year';
import { inForce } from '../../../shared/in-force';

export type PriceKind = 'SEWAGE' | 'ELECTRICITY';

/** What of a `credit.price_surcharge` row the decision reads. */
export interface SurchargeRule {
  priceKind: string;
  snapshotColor: string;
  minConsecutiveRed: number;
  amount: string;
  unit: string;
  legalBasis: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
}

/** A subject's snapshot on a half-year end, as environment states it. */
export interface SnapshotFact {
  periodEnd: IsoDate;
  color: string;
  consecutiveRed: number;
  /** False (or absent) when derived because it was not stored yet. */
  stored?: boolean | null;
}

/** Amounts are numeric(10,2) strings from Postgres: compared as integer cents, never as floats. */
export function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

export interface SurchargeDecision {
  amount: string;
  /** The half-year it applies to, `start/end`. */
  period: string;
  basis: string;
  /** True when the deciding snapshot is derived (not stored yet): the amount may still change. */
  provisional: boolean;
}

/** Whether a decision is above the normal price: the only test of "the surcharge applies" (prices, measures, price list). */
export function surchargeApplies(decision: SurchargeDecision | null): decision is SurchargeDecision {
  return decision !== null && cents(decision.amount) > 0n;
}

/**
 * The surcharge of `kind` for the half-year containing `asOf` (DOMAIN.md §6, §10): the highest
 * amount among the rules in force on the half-year's first day that the deciding snapshot matches
 * (colour, and the run of RED snapshots). "0.00" when none matches or the subject was not rated on
 * the snapshot day; null when the snapshot day is still ahead of `todayDate` (nothing is decided yet).
 */
export function decideSurcharge(
  rules: readonly SurchargeRule[],
  kind: PriceKind,
  snapshots: readonly SnapshotFact[],
  asOf: IsoDate,
  todayDate: IsoDate,
): SurchargeDecision | null {
  const half = halfYearOf(asOf);
  if (half.snapshotDay >= todayDate) return null;
  const snapshot = snapshots.find((s) => s.periodEnd === half.snapshotDay);
  return decideFromSnapshot(rules, kind, half.start, half.snapshotDay, snapshot ?? null);
}

/** The same for one half-year (first day `start`, decided on `snapshotDay`) and its deciding snapshot (null: not rated then). */
export function decideFromSnapshot(
  rules: readonly SurchargeRule[],
  kind: PriceKind,
  start: IsoDate,
  snapshotDay: IsoDate,
  snapshot: Omit<SnapshotFact, 'periodEnd'> | null,
): SurchargeDecision {
  const period = halfYearOf(start).period;
  if (!snapshot) return { amount: '0.00', period, basis: `not rated on ${snapshotDay}: normal price`, provisional: false };
  const provisional = snapshot.stored === false;
  const matching = rules
    .filter((rule) => rule.priceKind === kind && inForce(rule, start) && rule.snapshotColor === snapshot.color)
    .filter((rule) => snapshot.consecutiveRed >= rule.minConsecutiveRed);
  const snapshotText =
    `colour ${snapshot.color} on ${snapshotDay}` +
    (snapshot.color === 'RED' ? ` (${snapshot.consecutiveRed} consecutive RED half-year snapshot${snapshot.consecutiveRed === 1 ? '' : 's'})` : '') +
    (provisional ? ', derived: the snapshot has not been stored yet (provisional)' : '');
  if (matching.length === 0) return { amount: '0.00', period, basis: `${snapshotText}: normal price`, provisional };
  const rule = matching.reduce((best, r) => (cents(r.amount) > cents(best.amount) ? r : best));
  return { amount: rule.amount, period, basis: `${snapshotText}: +${rule.amount} ${rule.unit} (${rule.legalBasis})`, provisional };
}

/** The colours whose snapshot can carry a surcharge of any kind in the half-year starting `start`: what the price list must ask for. */
export function surchargedColors(rules: readonly SurchargeRule[], start: IsoDate): string[] {
  return [...new Set(rules.filter((rule) => inForce(rule, start) && cents(rule.amount) > 0n).map((rule) => rule.snapshotColor))].sort();
}
