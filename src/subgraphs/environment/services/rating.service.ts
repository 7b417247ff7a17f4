/**
 * Rating reads of one subject: its rating on any date, today's colour period, its timeline of
 * colours and its history of changes, all derived from its stored events and designations by the
 * rules of `rules/scoring.ts`. Contract: each read applies the row scope (SubjectScopeService) and
 * answers null for a subject the caller may not see or that is not rated; events, designations and
 * policies come through the request's loaders, so a list of N subjects costs a fixed number of
 * statements. Today's rating is taken from the stored current rating while it holds, and a stale one
 * is recomputed and handed to CurrentRatingService to store (timelines and histories never write).
 */
import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import type { CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import type { CreditEventEntity } from '../entities/credit-event.entity';
import type { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { creditEventsLoader, frontRunnerLoader } from '../loaders/environment.loader';
import { colorHistory, colorPeriods, nextChangeAfter, ratingOn, type HistoryEvent, type RatingBasis } from '../rules/scoring';
import type { ColorChangeCause, CreditColorChange } from '../types/credit-history.type';
import type { ColorPeriod, CurrentColorPeriod, EnvCredit } from '../types/env-credit.type';
import { toCreditEvent, voidedOn } from './credit-event.mapper';
import { materialisedOn, type CurrentRatingService } from './current-rating.service';
import type { PolicyService } from './policy.service';
import { ratingBasis } from '../rules/scoring';
import type { SubjectScopeService } from './subject-scope.service';

/** Ratings derived from stored events: as of any date, as a timeline and as a history. */
export class RatingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly subjects: SubjectScopeService,
    private readonly current: CurrentRatingService,
  ) {}

  /** The subject's rating basis and all its events (voided included), through the request's loaders. */
  async basisOf(ctx: HubContext, subject: RatedSubjectEntity): Promise<{ basis: RatingBasis; events: CreditEventEntity[] }> {
    const [policies, events, designations] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      creditEventsLoader(ctx, this.dataSource).load(subject.uscc),
      frontRunnerLoader(ctx, this.dataSource).load(subject.uscc),
    ]);
    return { basis: ratingBasis(subject.ratedFrom, policies, events, designations), events };
  }

  /** The rating on `asOf` (default today); null when the subject is not rated on that date. */
  async ratingOf(ctx: HubContext, uscc: string, asOf?: IsoDate): Promise<EnvCredit | null> {
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const day = today();
    const date = asOf ?? day;
    if (date === day) {
      if (materialisedOn(subject, day)) return subject.currentColor ? { color: subject.currentColor as CreditColor, score: subject.currentScore, ratedOn: day } : null;
    }
    const { basis } = await this.basisOf(ctx, subject);
    const rating = ratingOn(basis, date);
    if (date === day) await this.current.materialise(ctx, subject, basis, day, rating);
    return rating && { color: rating.color, score: rating.score, ratedOn: date };
  }

  /**
   * Today's colour period from the materialised rating: its colour, the day it began and the day it
   * may next change (until then it holds). Recomputed, like `ratingOf`, when the row is stale or was
   * materialised before `current_since` existed. Null when the subject is not rated or not visible
   * (as `timelineOf`); `color` and `from` are null when it has no rating today. Finance decides
   * today's credit restriction from it without rebuilding the timeline from every event.
   */
  async currentPeriodOf(ctx: HubContext, uscc: string): Promise<CurrentColorPeriod | null> {
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const day = today();
    if (materialisedOn(subject, day) && (subject.currentColor === null || subject.currentSince !== null)) {
      const color = subject.currentColor as CreditColor | null;
      return { color, from: color ? subject.currentSince : null, until: subject.nextChangeOn };
    }
    const { basis } = await this.basisOf(ctx, subject);
    const rating = ratingOn(basis, day);
    const since = await this.current.materialise(ctx, subject, basis, day, rating);
    return { color: since ? rating!.color : null, from: since, until: nextChangeAfter(basis, day) };
  }

  /** Every period of constant colour since the subject was rated. */
  async timelineOf(ctx: HubContext, uscc: string): Promise<ColorPeriod[] | null> {
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const { basis } = await this.basisOf(ctx, subject);
    return colorPeriods(basis);
  }

  /** Every change of colour with what caused it, voidings included (see `colorHistory`). */
  async historyOf(ctx: HubContext, uscc: string): Promise<CreditColorChange[] | null> {
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const { basis, events } = await this.basisOf(ctx, subject);
    const byId = new Map(events.map((event) => [event.id, event]));
    const historyEvents: HistoryEvent[] = events.map((event) => ({ ...event, voidedOn: voidedOn(event) }));
    return colorHistory(basis, historyEvents).map((change) => {
      const event = change.eventId === null ? undefined : byId.get(change.eventId);
      return { ...change, cause: change.cause as ColorChangeCause, event: event ? toCreditEvent(event) : null };
    });
  }
}
