import { addMonths, type IsoDate } from '../../../shared/dates';

/**
 * Credit commitments (信用承诺, DOMAIN.md §11), as pure functions of a subject's counted events: a
 * commitment runs for 12 months from the day it is signed; it is KEPT when that year ends with no
 * deduction dated inside it, and BROKEN from the day of the first deduction dated inside it, whenever
 * that deduction was recorded. Its +1 ends on that day (`withCommitmentBreaks`, applied by
 * `ratingBasis`, so every colour the hub answers or stores follows), and no new commitment may be
 * signed for 12 months from it (`commitmentBarOn`).
 */

/** The event type of a credit commitment in the catalogue. */
export const COMMITMENT_TYPE = 'CREDIT_COMMITMENT';
/** How long a commitment runs from its signing (DOMAIN.md §11). */
export const COMMITMENT_MONTHS = 12;
/** How long after breaking a commitment no new one may be signed (DOMAIN.md §11). */
export const COMMITMENT_BAR_MONTHS = 12;

export type CommitmentState = 'RUNNING' | 'KEPT' | 'BROKEN';

/** What the course of a commitment reads of an event. */
export interface CommitmentEvent {
  type: string;
  occurredOn: IsoDate;
  points: number;
}

/** A commitment's course: its year, and the deduction that broke it (if one is dated inside that year). */
export interface CommitmentCourse<E extends CommitmentEvent = CommitmentEvent> {
  signedOn: IsoDate;
  /** Exclusive: the day after its year ends, on which it is KEPT unless broken. */
  runsUntil: IsoDate;
  /** The day of the first deduction dated inside its year; null while none is. */
  brokenOn: IsoDate | null;
  brokenBy: E | null;
}

export function isCommitment(event: { type: string }): boolean {
  return event.type === COMMITMENT_TYPE;
}

/**
 * The course of `commitment` among `counted` (the subject's events that count: voided ones left
 * out). The first deduction dated on or after its signing and before its year ends breaks it, from
 * that deduction's date; ties on the date go to the earlier listed event.
 */
export function commitmentCourse<E extends CommitmentEvent>(commitment: CommitmentEvent, counted: readonly E[]): CommitmentCourse<E> {
  const runsUntil = addMonths(commitment.occurredOn, COMMITMENT_MONTHS);
  let brokenBy: E | null = null;
  for (const event of counted) {
    if (event.points >= 0 || event.occurredOn < commitment.occurredOn || event.occurredOn >= runsUntil) continue;
    if (brokenBy === null || event.occurredOn < brokenBy.occurredOn) brokenBy = event;
  }
  return { signedOn: commitment.occurredOn, runsUntil, brokenOn: brokenBy?.occurredOn ?? null, brokenBy };
}

/** The state of a commitment on `date` (on or after its signing). */
export function commitmentStateOn(course: CommitmentCourse, date: IsoDate): CommitmentState {
  if (course.brokenOn !== null && course.brokenOn <= date) return 'BROKEN';
  return date < course.runsUntil ? 'RUNNING' : 'KEPT';
}

/**
 * `counted` with every broken commitment's validity ending on the day it was broken (never before it
 * starts): its +1 ends that day. Other events are returned as they are.
 */
export function withCommitmentBreaks<E extends CommitmentEvent & { validFrom: IsoDate; validUntil: IsoDate }>(counted: readonly E[]): E[] {
  if (!counted.some(isCommitment)) return [...counted];
  return counted.map((event) => {
    if (!isCommitment(event)) return event;
    const { brokenOn } = commitmentCourse(event, counted);
    if (brokenOn === null || brokenOn >= event.validUntil) return event;
    return { ...event, validUntil: brokenOn > event.validFrom ? brokenOn : event.validFrom };
  });
}

/**
 * The commitment whose breaking bars a commitment signed on `date` (DOMAIN.md §11: none for 12
 * months from the day one was broken), with the day the bar ends (exclusive); null when none does.
 */
export function commitmentBarOn<E extends CommitmentEvent>(counted: readonly E[], date: IsoDate): { commitment: E; brokenOn: IsoDate; barredUntil: IsoDate } | null {
  for (const commitment of counted.filter(isCommitment)) {
    const { brokenOn } = commitmentCourse(commitment, counted);
    if (brokenOn === null) continue;
    const barredUntil = addMonths(brokenOn, COMMITMENT_BAR_MONTHS);
    if (brokenOn <= date && date < barredUntil) return { commitment, brokenOn, barredUntil };
  }
  return null;
}

