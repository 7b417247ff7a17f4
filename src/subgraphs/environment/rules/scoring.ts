import { versionOn } from '../../../shared/in-force';
import { colorSeverity, CreditColor } from '../../../shared/credit-color';
import { addDays, addMonths, type IsoDate } from '../../../shared/dates';
import { withCommitmentBreaks } from './commitment';

/**
 * The 12-point dynamic score (DOMAIN.md §3), as pure functions of the policy versions, the
 * subject's events and its front-runner designations, so that any date's rating can be reproduced.
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

/** The policy setting a front-runner designation depends on (DOMAIN.md §3: 24 months by default). */
export type FrontRunnerPolicy = Pick<ScoringPolicy, 'effectiveFrom' | 'effectiveTo'> & { frontRunnerCleanMonths: number };

const DEFAULT_CLEAN_MONTHS = 24;

/** A period in which a front-runner designation holds: GREEN unless a direct judgement applies. */
export interface FrontRunnerPeriod {
  from: IsoDate;
  /** Exclusive: the day the next deduction took effect; null while it holds. */
  until: IsoDate | null;
}

/** Everything a subject's rating on any date depends on. */
export interface RatingBasis {
  policies: readonly ScoringPolicy[];
  ratedFrom: IsoDate;
  /** The events that count: voided ones left out. */
  events: readonly ScoredEvent[];
  frontRunner: readonly FrontRunnerPeriod[];
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
export function policyOn<P extends Pick<ScoringPolicy, 'effectiveFrom' | 'effectiveTo'>>(policies: readonly P[], date: IsoDate): P | undefined {
  return versionOn(policies, date);
}

export function isValidOn(event: ScoredEvent, date: IsoDate): boolean {
  return event.validFrom <= date && date < event.validUntil;
}

/**
 * Front-runner periods from designations (DOMAIN.md §10). A designation's clean window is the
 * `cleanMonths` (of the policy in force on its date) before it; any deduction (a counted event with
 * negative points) dated after the window opened ends it from the day that deduction takes effect,
 * whenever the deduction was recorded: one dated before the designation (recorded later) means the
 * designation never held, and it yields no period.
 */
export function frontRunnerPeriods(
  designations: readonly { designatedOn: IsoDate }[],
  events: readonly (ScoredEvent & { occurredOn: IsoDate })[],
  policies: readonly FrontRunnerPolicy[],
): FrontRunnerPeriod[] {
  const periods: FrontRunnerPeriod[] = [];
  for (const designation of designations) {
    const until = frontRunnerLapse(designation, events, policies);
    if (until !== null && until <= designation.designatedOn) continue;
    periods.push({ from: designation.designatedOn, until });
  }
  return periods;
}

/** Events that count for scoring: every event not voided. */
export function scoredEvents<E extends { voidedAt: unknown }>(events: readonly E[]): E[] {
  return events.filter((event) => event.voidedAt === null);
}

/**
 * What a subject's rating on any date depends on, from its stored rows (voided events left out): a
 * broken credit commitment's +1 ends on the day it was broken (DOMAIN.md §11, rules/commitment.ts),
 * whenever the deduction that broke it was recorded. Every rating, stored colour period, snapshot
 * and known-on answer is built here, so they all follow that rule.
 */
export function ratingBasis(
  ratedFrom: IsoDate,
  policies: readonly (ScoringPolicy & FrontRunnerPolicy)[],
  events: readonly (ScoredEvent & { type: string; occurredOn: IsoDate; voidedAt: unknown })[],
  designations: readonly { designatedOn: IsoDate }[],
): RatingBasis {
  const counted = withCommitmentBreaks(scoredEvents(events));
  return { policies, ratedFrom, events: counted, frontRunner: frontRunnerPeriods(designations, counted, policies) };
}

/**
 * The day a designation lapses: when the first deduction dated inside its clean window (the policy's
 * clean months before the designation, and any time after it) takes effect, whenever it was recorded;
 * null while it holds. A day on or before `designatedOn` means the designation never held.
 */
export function frontRunnerLapse(
  designation: { designatedOn: IsoDate },
  events: readonly (ScoredEvent & { occurredOn: IsoDate })[],
  policies: readonly FrontRunnerPolicy[],
): IsoDate | null {
  const windowOpens = addMonths(designation.designatedOn, -(policyOn(policies, designation.designatedOn)?.frontRunnerCleanMonths ?? DEFAULT_CLEAN_MONTHS));
  const lapses = events
    .filter((event) => event.points < 0 && event.occurredOn > windowOpens)
    .map((event) => event.validFrom)
    .sort();
  return lapses[0] ?? null;
}

/**
 * The rating on `date`: start score plus the points of every event valid that day, capped at the
 * maximum; a valid event with a forced colour (CRIMINAL_LIABILITY → BLACK) decides the colour (the
 * worst such); otherwise a front-runner designation holding that day makes it GREEN.
 * Null before the subject entered the rating scope or when no policy is in force.
 */
export function ratingOn(basis: RatingBasis, date: IsoDate): Rating | null {
  if (date < basis.ratedFrom) return null;
  const policy = policyOn(basis.policies, date);
  if (!policy) return null;
  let score = policy.startScore;
  let forced: CreditColor | null = null;
  for (const event of basis.events) {
    if (!isValidOn(event, date)) continue;
    score += event.points;
    if (event.forcedColor && (forced === null || colorSeverity(event.forcedColor as CreditColor) > colorSeverity(forced))) {
      forced = event.forcedColor as CreditColor;
    }
  }
  score = Math.min(score, policy.maxScore);
  const frontRunner = basis.frontRunner.some((p) => p.from <= date && (p.until === null || date < p.until));
  return { score, color: forced ?? (frontRunner ? CreditColor.GREEN : colorForScore(policy, score)) };
}

/** Every date on or after `ratedFrom` on which the rating may change, ascending. */
export function changeDates(basis: RatingBasis): IsoDate[] {
  const dates = new Set<IsoDate>([basis.ratedFrom]);
  for (const event of basis.events) {
    dates.add(event.validFrom);
    dates.add(event.validUntil);
  }
  for (const policy of basis.policies) {
    dates.add(policy.effectiveFrom);
    if (policy.effectiveTo) dates.add(policy.effectiveTo);
  }
  for (const period of basis.frontRunner) {
    dates.add(period.from);
    if (period.until) dates.add(period.until);
  }
  return [...dates].filter((d) => d >= basis.ratedFrom).sort();
}

/** The first date after `date` on which the rating may change; null when nothing is scheduled. */
export function nextChangeAfter(basis: RatingBasis, date: IsoDate): IsoDate | null {
  return changeDates(basis).find((d) => d > date) ?? null;
}

/**
 * Every period of constant rating from `ratedFrom` on. The rating only changes where an event's
 * validity, a policy version or a front-runner period starts or ends, so only those dates are evaluated.
 */
export function ratingTimeline(basis: RatingBasis): ColorPeriod[] {
  const periods: ColorPeriod[] = [];
  for (const date of changeDates(basis)) {
    const rating = ratingOn(basis, date);
    const last = periods[periods.length - 1];
    if (last && rating && last.score === rating.score && last.color === rating.color) continue;
    if (last) last.until = date;
    if (rating) periods.push({ ...rating, from: date, until: null });
  }
  return periods;
}

/** A period of one colour: adjacent periods of `ratingTimeline` that differ only in score, merged. */
export interface ColorSpan {
  color: CreditColor;
  from: IsoDate;
  until: IsoDate | null;
}

/** Every period of constant colour since `ratedFrom` (what `envColorTimeline` answers). */
export function colorPeriods(basis: RatingBasis): ColorSpan[] {
  const periods: ColorSpan[] = [];
  for (const period of ratingTimeline(basis)) {
    const last = periods[periods.length - 1];
    if (last && last.color === period.color) last.until = period.until;
    else periods.push({ color: period.color, from: period.from, until: period.until });
  }
  return periods;
}

/**
 * The day the colour held on `date` began (the `from` of its period in `colorPeriods`), or null when
 * the subject has no rating that day. Stored with the materialised rating as `current_since`.
 */
export function colorSinceOn(basis: RatingBasis, date: IsoDate): IsoDate | null {
  return colorPeriods(basis).find((p) => p.from <= date && (p.until === null || date < p.until))?.from ?? null;
}

export type ColorChangeCause = 'ENROLLED' | 'EVENT' | 'EXPIRY' | 'FRONT_RUNNER' | 'POLICY' | 'VOIDED';

export interface HistoryEvent extends ScoredEvent {
  id: number;
  occurredOn: IsoDate;
  /** The day the event was voided, or null. */
  voidedOn: IsoDate | null;
}

export interface ColorChange {
  /** The day from which the colour changed. */
  on: IsoDate;
  colorBefore: CreditColor | null;
  scoreBefore: number | null;
  colorAfter: CreditColor;
  scoreAfter: number;
  cause: ColorChangeCause;
  eventId: number | null;
  /** When the change was recorded later than it applies (a voiding): the day it was recorded. */
  recordedOn: IsoDate | null;
  /** True for a change the hub showed that a later voiding took back. */
  superseded: boolean;
}

/**
 * The colour history: every change of colour of the current timeline (voided events left out), each
 * with its cause; and, for every voided event that had changed the colour, that change (superseded)
 * and the voiding that took it back (VOIDED, applying from the event's start, recorded on the void
 * day). Ordered by the day they apply, then by when they were recorded.
 */
export function colorHistory(basis: RatingBasis, events: readonly HistoryEvent[]): ColorChange[] {
  const counted = events.filter((e) => e.voidedOn === null);
  const changes: ColorChange[] = [];
  let previous: ColorPeriod | null = null;
  for (const period of ratingTimeline(basis)) {
    if (previous && previous.color === period.color) {
      previous = period;
      continue;
    }
    const starting = counted.filter((e) => e.validFrom === period.from);
    const expiring = counted.filter((e) => e.validUntil === period.from);
    const designated = basis.frontRunner.some((p) => p.from === period.from);
    const cause: ColorChangeCause = !previous
      ? 'ENROLLED'
      : starting.length
        ? 'EVENT'
        : expiring.length
          ? 'EXPIRY'
          : designated
            ? 'FRONT_RUNNER'
            : 'POLICY';
    const decisive = cause === 'EVENT' ? mostSevere(starting) : cause === 'EXPIRY' ? mostSevere(expiring) : null;
    changes.push({
      on: period.from,
      colorBefore: previous?.color ?? null,
      scoreBefore: previous?.score ?? null,
      colorAfter: period.color,
      scoreAfter: period.score,
      cause,
      eventId: decisive?.id ?? null,
      recordedOn: null,
      superseded: false,
    });
    previous = period;
  }
  for (const voided of events.filter((e) => e.voidedOn !== null)) {
    const withEvent: RatingBasis = { ...basis, events: [...basis.events, voided] };
    const dayBefore = addDays(voided.validFrom, -1);
    const before = ratingOn(withEvent, dayBefore);
    const shown = ratingOn(withEvent, voided.validFrom);
    const corrected = ratingOn(basis, voided.validFrom);
    if (!shown || !corrected || shown.color === (before?.color ?? null)) continue;
    changes.push({
      on: voided.validFrom,
      colorBefore: before?.color ?? null,
      scoreBefore: before?.score ?? null,
      colorAfter: shown.color,
      scoreAfter: shown.score,
      cause: 'EVENT',
      eventId: voided.id,
      recordedOn: null,
      superseded: true,
    });
    if (shown.color !== corrected.color) {
      changes.push({
        on: voided.validFrom,
        colorBefore: shown.color,
        scoreBefore: shown.score,
        colorAfter: corrected.color,
        scoreAfter: corrected.score,
        cause: 'VOIDED',
        eventId: voided.id,
        recordedOn: voided.voidedOn,
        superseded: false,
      });
    }
  }
  const order = (c: ColorChange) => (c.superseded ? 0 : c.cause === 'VOIDED' ? 2 : 1);
  return changes.sort((a, b) => (a.on === b.on ? order(a) - order(b) : a.on < b.on ? -1 : 1));
}

/** The event with the largest effect: a forced colour first, then the most points either way. */
function mostSevere<E extends HistoryEvent>(events: E[]): E | null {
  if (!events.length) return null;
  return [...events].sort((a, b) => Number(!!b.forcedColor) - Number(!!a.forcedColor) || Math.abs(b.points) - Math.abs(a.points) || b.id - a.id)[0];
}
