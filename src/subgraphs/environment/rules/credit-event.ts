import type { CatalogueMeasure } from '../../../shared/auth/subject-scope';
import { addDays, addMonths, type IsoDate } from '../../../shared/dates';
import { versionOn, type EffectivePeriod } from '../../../shared/in-force';
import type { ListingFact } from '../../../shared/list-types';
import { COMMITMENT_BAR_MONTHS, commitmentBarOn, isCommitment } from './commitment';
import { rewardRefusal } from './reward-bar';
import { policyOn, ratingBasis, ratingOn, type FrontRunnerPolicy, type Rating, type RatingBasis, type ScoringPolicy } from './scoring';

/**
 * The checks a credit event passes before it is recorded (DOMAIN.md §3, §10), as pure functions of
 * facts the caller has already loaded: the input, the subject, its events and designations, the
 * policy and catalogue versions of its kind, and what other departments hold about it. Nothing here
 * reads the database; `CreditEventService` loads the facts, stores what is accepted and issues the
 * notice. A refusal names the rule it broke; its code and message are what the caller is shown.
 */

/** The longest text (decision number, description, void reason) an event keeps. */
export const MAX_TEXT = 2000;

/** The rules an event can break, one name per check. */
export type EventRule =
  | 'OCCURRED_IN_FUTURE'
  | 'SERVED_BEFORE_OCCURRED'
  | 'SERVED_IN_FUTURE'
  | 'NOT_RATED'
  | 'TEXT_TOO_LONG'
  | 'BEFORE_RATED'
  | 'UNKNOWN_TYPE'
  | 'POINTS_OUT_OF_RANGE'
  | 'NO_POLICY'
  | 'PUBLICITY_OUT_OF_RANGE'
  | 'PUBLICITY_NOT_A_PENALTY'
  | 'DUPLICATE_DECISION'
  | 'ONCE_PER_PERIOD'
  | 'COMMITMENT_BARRED'
  | 'REWARD_BARRED'
  | 'NO_RATING_TODAY';

/** Why an event is not recorded: the rule, the error code the caller gets (CONTRACT.md) and its message. */
export interface EventRefusal {
  rule: EventRule;
  code: 'BAD_USER_INPUT';
  message: string;
}

function refusal(rule: EventRule, message: string): EventRefusal {
  return { rule, code: 'BAD_USER_INPUT', message };
}

/** The event as the caller states it (RecordCreditEventInput). */
export interface EventInput {
  uscc: string;
  type: string;
  occurredOn: IsoDate;
  decisionNo?: string | null;
  points?: number | null;
  description?: string | null;
  servedOn?: IsoDate | null;
  publicityMonths?: number | null;
}

/** The rated subject the event is about. */
export interface EventSubject {
  subjectKind: string;
  ratedFrom: IsoDate;
}

/** A version of an event type of the catalogue (EventTypeEntity). */
export interface EventTypeVersion extends EffectivePeriod {
  code: string;
  nameZh: string;
  defaultPoints: number;
  minPoints: number;
  maxPoints: number;
  validityMonths: number;
  forcedColor: string | null;
  oncePerMonths: number | null;
  publicityMonths: number | null;
}

/** A version of the scoring policy (ScoringPolicyEntity). */
export interface EventPolicy extends ScoringPolicy, FrontRunnerPolicy {
  objectionDays: number;
  publicityMinMonths: number;
  publicityMaxMonths: number;
}

/** A stored event of the subject (voided ones included), or one accepted before it in the same batch. */
export interface KnownEvent {
  type: string;
  occurredOn: IsoDate;
  points: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  forcedColor: string | null;
  decisionNo: string | null;
  voidedAt: Date | null;
}

/** Everything the checks of one event depend on, loaded before they run. */
export interface EventFacts<T extends EventTypeVersion = EventTypeVersion> {
  input: EventInput;
  /** Today (the hub's calendar): the day the event is recorded and its rating refreshed. */
  asOf: IsoDate;
  subject: EventSubject;
  /** Every version of every event type of the subject's kind, in the catalogue's stored order. */
  eventTypes: readonly T[];
  /** Every scoring policy version of the subject's kind. */
  policies: readonly EventPolicy[];
  /** The subject's events, voided ones included, oldest first. */
  events: readonly KnownEvent[];
  /** The subject's front-runner designations. */
  designations: readonly { designatedOn: IsoDate }[];
  /** The subject's entries on other departments' lists (the reward bar). */
  listings: readonly ListingFact[];
  /** The measure catalogue in force on a date (the reward bar; only asked for a reward's date). */
  catalogOn: (date: IsoDate) => readonly CatalogueMeasure[];
}

/** The row an accepted event is stored as (without who recorded it and when it became known). */
export interface NewEvent {
  uscc: string;
  type: string;
  occurredOn: IsoDate;
  servedOn: IsoDate;
  points: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  forcedColor: string | null;
  decisionNo: string | null;
  description: string | null;
  publicityUntil: IsoDate | null;
  voidedAt: null;
  voidReason: null;
}

/** An accepted event: the row to store, and what its rating refresh and notice state. */
export interface AcceptedEvent<T extends EventTypeVersion = EventTypeVersion> {
  event: NewEvent;
  eventType: T;
  /** The rating basis without the event and with it (today's rating is stored from `basisAfter`). */
  basisBefore: RatingBasis;
  basisAfter: RatingBasis;
  /** Today's rating without the event (the answer's `ratingBefore`). */
  ratingBefore: Rating | null;
  /** The rating the day the event's validity starts, without and with it (what the notice states). */
  noticeBefore: Rating | null;
  noticeAfter: Rating;
  /** The objection window of the policy in force on the day the decision was served. */
  objectionDays: number;
}

export type EventCheck<T extends EventTypeVersion = EventTypeVersion> = { accepted: AcceptedEvent<T>; refusal?: never } | { refusal: EventRefusal; accepted?: never };

/** The checks of the input's own dates against today, made before anything is loaded; null when they are fine. */
export function inputDateRefusal(input: Pick<EventInput, 'occurredOn' | 'servedOn'>, asOf: IsoDate): EventRefusal | null {
  if (input.occurredOn > asOf) return refusal('OCCURRED_IN_FUTURE', `occurredOn ${input.occurredOn} is in the future (today is ${asOf})`);
  const servedOn = input.servedOn ?? input.occurredOn;
  if (servedOn < input.occurredOn) return refusal('SERVED_BEFORE_OCCURRED', `servedOn ${servedOn} is before occurredOn ${input.occurredOn}`);
  if (servedOn > asOf) return refusal('SERVED_IN_FUTURE', `servedOn ${servedOn} is in the future (today is ${asOf})`);
  return null;
}

/** An event about a code that is not a rated subject (or not one the caller may see). */
export function notRatedRefusal(uscc: string): EventRefusal {
  return refusal('NOT_RATED', `${uscc} is not a rated subject; enrol it with enrollRatedSubject first`);
}

/** The subject has no rating today: no scoring policy of its kind is in force. */
export function noRatingTodayRefusal(uscc: string, asOf: IsoDate): EventRefusal {
  return refusal('NO_RATING_TODAY', `${uscc} has no rating on ${asOf}: no scoring policy is in force`);
}

/** A text trimmed, null when empty; a refusal when longer than MAX_TEXT. */
export function optionalText(value: string | null | undefined, name: string): { text: string | null } | { refusal: EventRefusal } {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > MAX_TEXT) return { refusal: refusal('TEXT_TOO_LONG', `${name} is longer than ${MAX_TEXT} characters`) };
  return { text: trimmed || null };
}

/** The version of event type `code` in force on `date` among the kind's `eventTypes`. */
export function eventTypeOn<T extends EventTypeVersion>(eventTypes: readonly T[], code: string, date: IsoDate): T | undefined {
  return versionOn(
    eventTypes.filter((type) => type.code === code),
    date,
  );
}

/**
 * Checks one event against the facts, in the order the caller is told of the first problem: its
 * texts, the subject's rating start, the catalogue (type and points), the policy (publicity), the
 * subject's live events (one record per decision, once-per-period types), the reward bar, and that
 * the subject is rated on the event's start and today. Accepted: the row to store and the ratings.
 */
export function checkEvent<T extends EventTypeVersion>(facts: EventFacts<T>): EventCheck<T> {
  const { input, asOf, subject } = facts;
  const servedOn = input.servedOn ?? input.occurredOn;
  const decisionNo = optionalText(input.decisionNo, 'decisionNo');
  if ('refusal' in decisionNo) return decisionNo;
  const description = optionalText(input.description, 'description');
  if ('refusal' in description) return description;
  if (input.occurredOn < subject.ratedFrom) {
    return { refusal: refusal('BEFORE_RATED', `occurredOn ${input.occurredOn} is before ${input.uscc} was rated (${subject.ratedFrom})`) };
  }
  const eventType = eventTypeOn(facts.eventTypes, input.type, input.occurredOn);
  if (!eventType) {
    const known = [...new Set(facts.eventTypes.map((type) => type.code))];
    return {
      refusal: refusal('UNKNOWN_TYPE', `unknown event type "${input.type}" for ${subject.subjectKind} on ${input.occurredOn}; known types: ${known.join(', ')}`),
    };
  }
  const points = input.points ?? eventType.defaultPoints;
  if (points < eventType.minPoints || points > eventType.maxPoints) {
    return { refusal: refusal('POINTS_OUT_OF_RANGE', `points ${points} are outside the range ${eventType.minPoints}..${eventType.maxPoints} allowed for ${input.type}`) };
  }
  const policy = policyOn(facts.policies, input.occurredOn);
  if (!policy) return { refusal: noPolicy(subject.subjectKind, input.occurredOn) };
  let publicityUntil: IsoDate | null = null;
  if (points < 0) {
    const months = input.publicityMonths ?? eventType.publicityMonths ?? policy.publicityMaxMonths;
    if (months < policy.publicityMinMonths || months > policy.publicityMaxMonths) {
      return { refusal: refusal('PUBLICITY_OUT_OF_RANGE', `publicityMonths ${months} is outside ${policy.publicityMinMonths}..${policy.publicityMaxMonths} months`) };
    }
    publicityUntil = addMonths(input.occurredOn, months);
  } else if (input.publicityMonths != null) {
    return { refusal: refusal('PUBLICITY_NOT_A_PENALTY', `publicityMonths applies to penalties only; ${input.type} with ${points} points is not published`) };
  }

  const live = facts.events.filter((e) => e.voidedAt === null);
  if (decisionNo.text && live.some((e) => e.type === input.type && e.decisionNo === decisionNo.text)) {
    return { refusal: refusal('DUPLICATE_DECISION', `${input.type} of decision ${decisionNo.text} is already recorded for ${input.uscc}`) };
  }
  if (eventType.oncePerMonths) {
    const windowStart = addMonths(input.occurredOn, -eventType.oncePerMonths);
    const windowEnd = addMonths(input.occurredOn, eventType.oncePerMonths);
    const clash = live.find((e) => e.type === input.type && e.occurredOn > windowStart && e.occurredOn < windowEnd);
    if (clash) {
      return {
        refusal: refusal('ONCE_PER_PERIOD', `${input.type} is allowed once per ${eventType.oncePerMonths} months; ${input.uscc} already has one on ${clash.occurredOn}`),
      };
    }
  }

  if (isCommitment(input)) {
    // DOMAIN.md §11: no new commitment for 12 months from the day one was broken.
    const bar = commitmentBarOn(live, input.occurredOn);
    if (bar) {
      return {
        refusal: refusal(
          'COMMITMENT_BARRED',
          `a credit commitment may not be signed within ${COMMITMENT_BAR_MONTHS} months of breaking one: ${input.uscc}'s commitment of ${bar.commitment.occurredOn} was broken on ${bar.brokenOn}; a new one may be signed from ${bar.barredUntil}`,
        ),
      };
    }
  }

  const validFrom = addDays(input.occurredOn, policy.validityOffsetDays);
  const event: NewEvent = {
    uscc: input.uscc,
    type: input.type,
    occurredOn: input.occurredOn,
    servedOn,
    points,
    validFrom,
    validUntil: addMonths(validFrom, eventType.validityMonths),
    forcedColor: eventType.forcedColor,
    decisionNo: decisionNo.text,
    description: description.text,
    publicityUntil,
    voidedAt: null,
    voidReason: null,
  };
  const basisBefore = ratingBasis(subject.ratedFrom, facts.policies, facts.events, facts.designations);
  if (points > 0) {
    // Rewards are barred for some colours and while the subject is on a punishment list (DOMAIN.md §10).
    const colorThen = ratingOn(basisBefore, input.occurredOn)?.color ?? null;
    const barred = rewardRefusal(input.uscc, input.type, input.occurredOn, colorThen, facts.listings, facts.catalogOn(input.occurredOn));
    if (barred) return { refusal: refusal('REWARD_BARRED', barred) };
  }
  const basisAfter = ratingBasis(subject.ratedFrom, facts.policies, [...facts.events, event], facts.designations);
  // The notice states the event's own effect: the colour the day its validity starts, without and with it.
  const noticeBefore = ratingOn(basisBefore, validFrom);
  const noticeAfter = ratingOn(basisAfter, validFrom);
  if (!noticeAfter) return { refusal: noPolicy(subject.subjectKind, validFrom) };
  if (!ratingOn(basisAfter, asOf)) return { refusal: noRatingTodayRefusal(input.uscc, asOf) };
  return {
    accepted: {
      event,
      eventType,
      basisBefore,
      basisAfter,
      ratingBefore: ratingOn(basisBefore, asOf),
      noticeBefore,
      noticeAfter,
      objectionDays: policyOn(facts.policies, servedOn)?.objectionDays ?? policy.objectionDays,
    },
  };
}

function noPolicy(subjectKind: string, date: IsoDate): EventRefusal {
  return refusal('NO_POLICY', `no scoring policy for ${subjectKind} is in force on ${date}`);
}
