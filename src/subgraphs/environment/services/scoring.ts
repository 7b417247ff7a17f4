import { colorSeverity, CreditColor } from '../../../shared/credit-color';
import type { IsoDate } from '../../../shared/dates';

/**
 * The 12-point dynamic score (DOMAIN.md §3), as pure functions of the policy versions and the
 * subject's events, so that any date's rating can be reproduced.
 */
export interface ScoringPolicy {
  startScore: number;
  maxScore: number;
  greenMin: number;
  blueMin: number;
  yellowMin: number;
  redMin: number;
  validityOffsetDays: number;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
}

export interface ScoredEvent {
  points: number;
  validFrom: IsoDate;
  /** Exclusive. */
  validUntil: IsoDate;
  forcedColor: string | null;
}

export interface Rating {
  score: number;
  color: CreditColor;
}

export interface ColorPeriod extends Rating {
  from: IsoDate;
  /** Exclusive; null when the rating holds until some future event. */
  until: IsoDate | null;
}

export function colorForScore(policy: ScoringPolicy, score: number): CreditColor {
  if (score >= policy.greenMin) return CreditColor.GREEN;
  if (score >= policy.blueMin) return CreditColor.BLUE;
  if (score >= policy.yellowMin) return CreditColor.YELLOW;
  if (score >= policy.redMin) return CreditColor.RED;
  return CreditColor.BLACK;
}

/** The policy version in force on `date`, or undefined. */
export function policyOn<P extends ScoringPolicy>(policies: readonly P[], date: IsoDate): P | undefined {
  return policies.find((p) => p.effectiveFrom <= date && (p.effectiveTo === null || date < p.effectiveTo));
}

export function isValidOn(event: ScoredEvent, date: IsoDate): boolean {
  return event.validFrom <= date && date < event.validUntil;
}

/**
 * The rating on `date`: start score plus the points of every event valid that day, capped at the
 * maximum; a valid event with a forced colour (CRIMINAL_LIABILITY → BLACK) decides the colour (the worst such).
 * Null before the subject entered the rating scope or when no policy is in force.
 */
export function ratingOn(policies: readonly ScoringPolicy[], ratedFrom: IsoDate, events: readonly ScoredEvent[], date: IsoDate): Rating | null {
  if (date < ratedFrom) return null;
  const policy = policyOn(policies, date);
  if (!policy) return null;
  let score = policy.startScore;
  let forced: CreditColor | null = null;
  for (const event of events) {
    if (!isValidOn(event, date)) continue;
    score += event.points;
    if (event.forcedColor && (forced === null || colorSeverity(event.forcedColor as CreditColor) > colorSeverity(forced))) {
      forced = event.forcedColor as CreditColor;
    }
  }
  score = Math.min(score, policy.maxScore);
  return { score, color: forced ?? colorForScore(policy, score) };
}

/**
 * Every period of constant rating from `ratedFrom` on. The rating only changes where an event's
 * validity starts or ends or a policy version starts or ends, so those dates are the only ones
 * evaluated.
 */
export function ratingTimeline(policies: readonly ScoringPolicy[], ratedFrom: IsoDate, events: readonly ScoredEvent[]): ColorPeriod[] {
  const dates = new Set<IsoDate>([ratedFrom]);
  for (const event of events) {
    dates.add(event.validFrom);
    dates.add(event.validUntil);
  }
  for (const policy of policies) {
    dates.add(policy.effectiveFrom);
    if (policy.effectiveTo) dates.add(policy.effectiveTo);
  }
  const sorted = [...dates].filter((d) => d >= ratedFrom).sort();
  const periods: ColorPeriod[] = [];
  for (const date of sorted) {
    const rating = ratingOn(policies, ratedFrom, events, date);
    const last = periods[periods.length - 1];
    if (last && rating && last.score === rating.score && last.color === rating.color) continue;
    if (last) last.until = date;
    if (rating) periods.push({ ...rating, from: date, until: null });
  }
  return periods;
}
