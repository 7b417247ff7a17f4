/**
 * Stored rows → the scoring rules' input. Contract: pure functions of the rows they are given (no
 * SQL, no context); `ratingBasis` is the one way a service turns a subject's stored events and
 * front-runner designations into the `RatingBasis` that `rules/scoring.ts` rates, so that every
 * path (reads, the stored current rating, the daily job, snapshots, knownOn) counts the same events.
 */
import type { IsoDate } from '../../../shared/dates';
import type { CreditEventEntity } from '../entities/credit-event.entity';
import type { FrontRunnerEntity } from '../entities/front-runner.entity';
import type { ScoringPolicyEntity } from '../entities/scoring-policy.entity';
import { frontRunnerPeriods, type RatingBasis, type ScoredEvent } from '../rules/scoring';

/** Events that count for scoring: every event not voided. */
export function scoredEvents<E extends CreditEventEntity>(events: readonly E[]): E[] {
  return events.filter((event) => event.voidedAt === null);
}

/** The day an event was voided, in the hub's calendar (UTC, like `today()`). */
export function voidedOn(event: CreditEventEntity): IsoDate | null {
  return event.voidedAt ? new Date(event.voidedAt).toISOString().slice(0, 10) : null;
}

/** What a subject's rating on any date depends on, from its stored rows. */
export function ratingBasis(
  ratedFrom: IsoDate,
  policies: readonly ScoringPolicyEntity[],
  events: readonly CreditEventEntity[],
  designations: readonly FrontRunnerEntity[],
): RatingBasis {
  const counted: (ScoredEvent & { occurredOn: IsoDate })[] = scoredEvents(events);
  return { policies, ratedFrom, events: counted, frontRunner: frontRunnerPeriods(designations, counted, policies) };
}
