import type { CatalogueMeasure } from '../../../shared/auth/subject-scope';
import { addDays, addMonths, type IsoDate } from '../../../shared/dates';
import { versionOn, type EffectivePeriod } from '../../../shared/in-force';
import { PUNISHMENT_LISTS, type ListingFact } from '../../../shared/list-types';
import type { WorkingDayCalendar } from '../../../shared/working-days';
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
  | 'SERVED_BEFORE_DECISION'
  | 'SERVED_IN_FUTURE'
  | 'NOT_RATED'
  | 'TEXT_TOO_LONG'
  | 'BEFORE_RATED'
  | 'UNKNOWN_TYPE'
  | 'POINTS_OUT_OF_RANGE'
  | 'NO_POLICY'
  | 'PUBLICITY_OUT_OF_RANGE'
  | 'PUBLICITY_NOT_A_PENALTY'
  | 'PUBLICITY_NOT_PUBLISHED'
  | 'SIMPLE_PROCEDURE_NOT_ALLOWED'
  | 'SEVERITY_NOT_A_PENALTY'
  | 'SEVERITY_REASON_REQUIRED'
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
  /** Decided by simple procedure (简易程序); default false. */
  simpleProcedure?: boolean | null;
  /** GENERAL or SERIOUS; default the type's in the catalogue. */
  severity?: PenaltySeverityCode | null;
  /** Why the severity differs from the catalogue's default (required then). */
  severityReason?: string | null;
}

export type PenaltySeverityCode = 'GENERAL' | 'SERIOUS';

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
  /** The severity of a penalty of this type unless the decision says otherwise; null for non-penalties. */
  defaultSeverity: string | null;
  severityBasis: string | null;
  /** May be decided by simple procedure (WARNING and FINE). */
  simpleProcedure: boolean;
}

/** A version of the scoring policy (ScoringPolicyEntity). */
export interface EventPolicy extends ScoringPolicy, FrontRunnerPolicy {
  objectionDays: number;
  publicityMinMonths: number;
  publicityMaxMonths: number;
  generalPublicityMinMonths: number;
  generalPublicityMaxMonths: number;
  seriousPublicityMinMonths: number;
  seriousPublicityMaxMonths: number;
  entryLimitWorkingDays: number;
}

/**
 * The publicity of a penalty of `severity` under `policy` (发改办财金〔2019〕527号): from its decision day for
 * at least `minMonths` (a repair may be applied for after it) and at most `maxMonths` (the default end).
 */
export function publicityTier(policy: EventPolicy, severity: string): { minMonths: number; maxMonths: number } {
  return severity === 'SERIOUS'
    ? { minMonths: policy.seriousPublicityMinMonths, maxMonths: policy.seriousPublicityMaxMonths }
    : { minMonths: policy.generalPublicityMinMonths, maxMonths: policy.generalPublicityMaxMonths };
}

/** The legal basis of the procedure rule, named in its refusals. */
export const SIMPLE_PROCEDURE_BASIS = '《中华人民共和国行政处罚法》第五十一条（简易程序：警告或者较小数额罚款）';
/** The legal basis of the publicity tiers, named in their refusals. */
export const PUBLICITY_BASIS = '发改办财金〔2019〕527号';

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
  /** The national holiday calendar (the entry delay counts its working days up to `asOf`, the day the event becomes known). */
  calendar: WorkingDayCalendar;
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
  simpleProcedure: boolean;
  severity: PenaltySeverityCode | null;
  severityReason: string | null;
  entryDelayWorkingDays: number;
  recordedLate: boolean;
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

/**
 * The day the notice of an event recorded on `issuedOn` is served (DOMAIN.md §11 "Service"): the
 * stated day, else the issue day itself, so that a decision recorded late gets the whole objection
 * window from the day its notice is issued, never a deadline already past.
 */
export function serviceDay(input: Pick<EventInput, 'servedOn'>, issuedOn: IsoDate): IsoDate {
  return input.servedOn ?? issuedOn;
}

/**
 * The checks of the input's own dates against today (the notice's issue day), made before anything
 * is loaded; null when they are fine. A service day is never before the decision it serves, nor
 * after today (a service still to come is not a fact the hub can record).
 */
export function inputDateRefusal(input: Pick<EventInput, 'occurredOn' | 'servedOn'>, asOf: IsoDate): EventRefusal | null {
  if (input.occurredOn > asOf) return refusal('OCCURRED_IN_FUTURE', `occurredOn ${input.occurredOn} is in the future (today is ${asOf})`);
  const servedOn = serviceDay(input, asOf);
  if (servedOn < input.occurredOn) {
    return refusal('SERVED_BEFORE_DECISION', `servedOn ${servedOn} is before the decision (occurredOn ${input.occurredOn}): a notice is served on or after the decision it records`);
  }
  if (servedOn > asOf) return refusal('SERVED_IN_FUTURE', `servedOn ${servedOn} is after today (${asOf}): only a service that has taken place can be recorded`);
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
  const servedOn = serviceDay(input, asOf);
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
  const classified = classifyPenalty(facts, eventType, points, policy);
  if ('refusal' in classified) return classified;
  const { simpleProcedure, severity, severityReason, publicityUntil } = classified;

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
    simpleProcedure,
    severity,
    severityReason,
    ...entryDelay(facts.calendar, input.occurredOn, asOf, policy),
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

/**
 * The procedure, severity and publicity of an event (DOMAIN.md §11): only types the catalogue marks
 * may be decided by simple procedure, and such a penalty is never published; a penalty's severity is
 * its type's default unless the input names another with a reason; a published penalty is shown from
 * its decision day until the end of its tier (the type's own months when inside the tier of its
 * default severity, else the tier's maximum), or for `publicityMonths` when given inside the tier. Events that are not penalties
 * carry neither severity nor publicity.
 */
function classifyPenalty(
  facts: EventFacts,
  eventType: EventTypeVersion,
  points: number,
  policy: EventPolicy,
): { simpleProcedure: boolean; severity: PenaltySeverityCode | null; severityReason: string | null; publicityUntil: IsoDate | null } | { refusal: EventRefusal } {
  const { input } = facts;
  const simpleProcedure = input.simpleProcedure === true;
  if (simpleProcedure && !eventType.simpleProcedure) {
    const allowed = [...new Set(facts.eventTypes.filter((t) => t.simpleProcedure && eventTypeOn(facts.eventTypes, t.code, input.occurredOn) === t).map((t) => t.code))].sort();
    return {
      refusal: refusal(
        'SIMPLE_PROCEDURE_NOT_ALLOWED',
        `${input.type} cannot be decided by simple procedure (简易程序): only ${allowed.join(' and ') || 'no type'} may be (${SIMPLE_PROCEDURE_BASIS})`,
      ),
    };
  }
  const reason = optionalText(input.severityReason, 'severityReason');
  if ('refusal' in reason) return reason;
  if (points >= 0) {
    if (input.severity != null || reason.text) {
      return { refusal: refusal('SEVERITY_NOT_A_PENALTY', `severity applies to penalties only; ${input.type} with ${points} points is not a penalty`) };
    }
    if (input.publicityMonths != null) {
      return { refusal: refusal('PUBLICITY_NOT_A_PENALTY', `publicityMonths applies to penalties only; ${input.type} with ${points} points is not published`) };
    }
    return { simpleProcedure, severity: null, severityReason: null, publicityUntil: null };
  }
  // A penalty that puts the subject on a punishment list (a list entry of the subject whose document is
  // this decision) is SERIOUS by default (DOMAIN.md §11), whatever its type's default.
  const decisionNo = input.decisionNo?.trim();
  const listing = decisionNo ? facts.listings.find((l) => l.listType in PUNISHMENT_LISTS && l.documentNo === decisionNo) : undefined;
  const defaultSeverity = listing ? 'SERIOUS' : ((eventType.defaultSeverity ?? 'GENERAL') as PenaltySeverityCode);
  const severity = input.severity ?? defaultSeverity;
  if (severity !== defaultSeverity && !reason.text) {
    const basis = listing ? `it puts ${input.uscc} on the ${listing.listType} list (${PUNISHMENT_LISTS[listing.listType].nameZh})` : eventType.severityBasis;
    return {
      refusal: refusal(
        'SEVERITY_REASON_REQUIRED',
        `severity ${severity} differs from the catalogue's default for ${input.type} (${defaultSeverity}${basis ? `, ${basis}` : ''}); severityReason must say why`,
      ),
    };
  }
  const severityReason = reason.text ?? (listing && severity === 'SERIOUS' ? `列入${PUNISHMENT_LISTS[listing.listType].nameZh}（${decisionNo}）` : null);
  if (simpleProcedure) {
    if (severity === 'SERIOUS') {
      return { refusal: refusal('SIMPLE_PROCEDURE_NOT_ALLOWED', `a SERIOUS penalty cannot be decided by simple procedure (简易程序, ${SIMPLE_PROCEDURE_BASIS})`) };
    }
    if (input.publicityMonths != null) {
      return { refusal: refusal('PUBLICITY_NOT_PUBLISHED', `a penalty decided by simple procedure is not published (${PUBLICITY_BASIS}); publicityMonths does not apply`) };
    }
    return { simpleProcedure, severity, severityReason, publicityUntil: null };
  }
  const tier = publicityTier(policy, severity);
  const inTier = (months: number) => months >= tier.minMonths && months <= tier.maxMonths;
  // The type's own months belong to its catalogue severity: another severity takes its tier's maximum.
  const typeMonths = severity === (eventType.defaultSeverity ?? 'GENERAL') ? eventType.publicityMonths : null;
  const months = input.publicityMonths ?? (typeMonths !== null && inTier(typeMonths) ? typeMonths : tier.maxMonths);
  if (!inTier(months)) {
    return {
      refusal: refusal('PUBLICITY_OUT_OF_RANGE', `publicityMonths ${months} is outside ${tier.minMonths}..${tier.maxMonths} months for a ${severity} penalty (${PUBLICITY_BASIS})`),
    };
  }
  return { simpleProcedure, severity, severityReason, publicityUntil: addMonths(input.occurredOn, months) };
}

/** The working days from the decision day to `knownOn` and whether that is beyond the policy's limit. */
export function entryDelay(calendar: WorkingDayCalendar, occurredOn: IsoDate, knownOn: IsoDate, policy: EventPolicy): { entryDelayWorkingDays: number; recordedLate: boolean } {
  const entryDelayWorkingDays = calendar.workingDaysBetween(occurredOn, knownOn);
  return { entryDelayWorkingDays, recordedLate: entryDelayWorkingDays > policy.entryLimitWorkingDays };
}

function noPolicy(subjectKind: string, date: IsoDate): EventRefusal {
  return refusal('NO_POLICY', `no scoring policy for ${subjectKind} is in force on ${date}`);
}
