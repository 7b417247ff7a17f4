import { addDays, addMonths, type IsoDate } from '../../../shared/dates';
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
  /** Set when a corrected version replaced the snapshot as taken (an objection upheld later). */
  correctedOn?: IsoDate | null;
  originalColor?: string | null;
  originalConsecutiveRed?: number | null;
}

/** Amounts are numeric(10,2) strings from Postgres: compared as integer cents, never as floats. */
export function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

/** The price as first decided, when the deciding snapshot was corrected later (DOMAIN.md §10). */
export interface SurchargeCorrection {
  originalAmount: string;
  originalBasis: string;
  correctedOn: IsoDate;
  /** Whole months of the half-year that ended before the correction: billed at the original price. */
  monthsBilled: number;
  /** Those months as `first/last day`, or null when none. */
  billedPeriod: string | null;
  /** Original minus corrected amount per unit: positive when the subject was overcharged, negative when undercharged. */
  differencePerUnit: string;
}

export interface SurchargeDecision {
  amount: string;
  /** The half-year it applies to, `start/end`. */
  period: string;
  basis: string;
  /** True when the deciding snapshot is derived (not stored yet): the amount may still change. */
  provisional: boolean;
  /** Set when the deciding snapshot was corrected after it was stored. */
  correction: SurchargeCorrection | null;
}

export function formatCents(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Whole months from `start` (a half-year's first day) that ended before `day`, and their span. */
function monthsBefore(start: IsoDate, end: IsoDate, day: IsoDate): { months: number; period: string | null } {
  let months = 0;
  let last: IsoDate | null = null;
  for (let month = 0; month < 6; month++) {
    const next = addMonths(start, month + 1);
    const lastDay = addDays(next, -1);
    if (lastDay > end || lastDay >= day) break;
    months += 1;
    last = lastDay;
  }
  return { months, period: last ? `${start}/${last}` : null };
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
  const half = halfYearOf(start);
  const decided = decideOne(rules, kind, start, snapshotDay, snapshot);
  if (!snapshot?.correctedOn || !snapshot.originalColor) return decided;
  const original = decideOne(rules, kind, start, snapshotDay, { color: snapshot.originalColor, consecutiveRed: snapshot.originalConsecutiveRed ?? 0, stored: true });
  const billed = monthsBefore(half.start, half.end, snapshot.correctedOn);
  return {
    ...decided,
    basis: `${decided.basis}; corrected on ${snapshot.correctedOn} (as first taken: ${original.basis})`,
    correction: {
      originalAmount: original.amount,
      originalBasis: original.basis,
      correctedOn: snapshot.correctedOn,
      monthsBilled: billed.months,
      billedPeriod: billed.period,
      differencePerUnit: formatCents(cents(original.amount) - cents(decided.amount)),
    },
  };
}

function decideOne(
  rules: readonly SurchargeRule[],
  kind: PriceKind,
  start: IsoDate,
  snapshotDay: IsoDate,
  snapshot: Omit<SnapshotFact, 'periodEnd'> | null,
): SurchargeDecision {
  const period = halfYearOf(start).period;
  if (!snapshot) return { amount: '0.00', period, basis: `not rated on ${snapshotDay}: normal price`, provisional: false, correction: null };
  const provisional = snapshot.stored === false;
  const matching = rules
    .filter((rule) => rule.priceKind === kind && inForce(rule, start) && rule.snapshotColor === snapshot.color)
    .filter((rule) => snapshot.consecutiveRed >= rule.minConsecutiveRed);
  const snapshotText =
    `colour ${snapshot.color} on ${snapshotDay}` +
    (snapshot.color === 'RED' ? ` (${snapshot.consecutiveRed} consecutive RED half-year snapshot${snapshot.consecutiveRed === 1 ? '' : 's'})` : '') +
    (provisional ? ', derived: the snapshot has not been stored yet (provisional)' : '');
  if (matching.length === 0) return { amount: '0.00', period, basis: `${snapshotText}: normal price`, provisional, correction: null };
  const rule = matching.reduce((best, r) => (cents(r.amount) > cents(best.amount) ? r : best));
  return { amount: rule.amount, period, basis: `${snapshotText}: +${rule.amount} ${rule.unit} (${rule.legalBasis})`, provisional, correction: null };
}

/** The colours whose snapshot can carry a surcharge of any kind in the half-year starting `start`: what the price list must ask for. */
export function surchargedColors(rules: readonly SurchargeRule[], start: IsoDate): string[] {
  return [...new Set(rules.filter((rule) => inForce(rule, start) && cents(rule.amount) > 0n).map((rule) => rule.snapshotColor))].sort();
}
