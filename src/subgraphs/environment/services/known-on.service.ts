import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import type { IsoDate } from '../../../shared/dates';
import { checkKnownOn } from '../../../shared/known-on';
import { creditEventsLoader, frontRunnerLoader } from '../loaders/environment.loader';
import { enrolledBy, eventsAsKnownOn, recordedBy } from '../rules/known-on';
import type { CreditColorChange, ColorChangeCause } from '../types/credit-history.type';
import type { CreditEvent } from '../types/credit-event.type';
import type { ColorPeriod, EnvCredit } from '../types/env-credit.type';
import { toCreditEvent, voidedOn } from './credit-event.mapper';
import type { PolicyService } from './policy.service';
import { ratingBasis } from '../rules/scoring';
import type { RatingService } from './rating.service';
import type { SubjectScopeService } from './subject-scope.service';
import { colorHistory, colorPeriods, ratingOn, type HistoryEvent } from '../rules/scoring';

/**
 * "What the hub said on K about D" (DOMAIN.md §10): ratings, events and history computed from the
 * events known by day K (and voidings done by then), through the request's loaders; a subject
 * enrolled after K was not rated in what the hub said on K (null, as for any unrated subject). Without K every
 * answer is today's knowledge, delegated to RatingService (kept apart so that the current-rating
 * path, which is materialised, stays as it is).
 */
export class KnownOnService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly subjects: SubjectScopeService,
    private readonly ratings: RatingService,
  ) {}

  /**
   * The subject's events and rating basis as the hub knew them on `knownOn` (checked: never a future
   * day); null when it is not rated, or its enrolment became known later.
   */
  async known(ctx: HubContext, uscc: string, knownOn: IsoDate) {
    checkKnownOn(knownOn);
    const subject = await this.subjects.subject(ctx, uscc);
    // Enrolled after K: the hub had no rating to tell on K, whatever day the rating starts from.
    if (!subject || !enrolledBy(subject, knownOn)) return null;
    const [policies, events, designations] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      creditEventsLoader(ctx, this.dataSource).load(uscc),
      frontRunnerLoader(ctx, this.dataSource).load(uscc),
    ]);
    const knownEvents = eventsAsKnownOn(events, knownOn);
    return { events: knownEvents, basis: ratingBasis(subject.ratedFrom, policies, knownEvents, recordedBy(designations, knownOn)) };
  }

  /** The rating on `asOf` as the hub knew it on `knownOn` (default: as known today). */
  async ratingOf(ctx: HubContext, uscc: string, asOf: IsoDate | undefined, knownOn: IsoDate | undefined): Promise<EnvCredit | null> {
    if (!knownOn) return this.ratings.ratingOf(ctx, uscc, asOf);
    const known = await this.known(ctx, uscc, knownOn);
    if (!known) return null;
    const date = asOf ?? knownOn;
    const rating = ratingOn(known.basis, date);
    return rating && { color: rating.color, score: rating.score, ratedOn: date };
  }

  /** The colour history as the hub knew it on `knownOn` (default: as known today). */
  async historyOf(ctx: HubContext, uscc: string, knownOn: IsoDate | undefined): Promise<CreditColorChange[] | null> {
    if (!knownOn) return this.ratings.historyOf(ctx, uscc);
    const known = await this.known(ctx, uscc, knownOn);
    if (!known) return null;
    const byId = new Map(known.events.map((event) => [event.id, event]));
    const historyEvents: HistoryEvent[] = known.events.map((event) => ({ ...event, voidedOn: voidedOn(event) }));
    return colorHistory(known.basis, historyEvents).map((change) => {
      const event = change.eventId === null ? undefined : byId.get(change.eventId);
      return { ...change, cause: change.cause as ColorChangeCause, event: event ? toCreditEvent(event) : null };
    });
  }

  /** The periods of constant colour as the hub knew them on `knownOn`, for finance's `creditRestriction(knownOn:)` through federation. */
  async timelineOf(ctx: HubContext, uscc: string, knownOn: IsoDate): Promise<ColorPeriod[] | null> {
    const known = await this.known(ctx, uscc, knownOn);
    return known && colorPeriods(known.basis);
  }

  /** The events as known on `knownOn`: those known later absent, later voidings not yet done. */
  async eventsOf(ctx: HubContext, uscc: string, knownOn: IsoDate): Promise<CreditEvent[] | null> {
    const known = await this.known(ctx, uscc, knownOn);
    return known && known.events.map(toCreditEvent);
  }
}
