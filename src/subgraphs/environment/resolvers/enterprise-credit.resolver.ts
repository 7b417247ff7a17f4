import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DEFAULT_LIST_PAGE } from '../../../shared/paging/cursor';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { CommitmentService } from '../services/commitment.service';
import { CreditEventService } from '../services/credit-event.service';
import { FrontRunnerService } from '../services/front-runner.service';
import { KnownOnService } from '../services/known-on.service';
import { LegacyRatingService } from '../services/legacy-rating.service';
import { RatingService } from '../services/rating.service';
import { SnapshotService } from '../services/snapshot.service';
import { Commitment } from '../types/commitment.type';
import { CreditEvent, CreditEventConnection } from '../types/credit-event.type';
import { CreditColorChange } from '../types/credit-history.type';
import { ColorPeriod, CurrentColorPeriod, EnvCredit, HalfYearSnapshot } from '../types/env-credit.type';
import { EnvEnterprise } from '../types/env-enterprise.type';
import { FrontRunnerDesignation } from '../types/front-runner.type';
import { LegacyRating } from '../types/legacy-rating.type';
import { CreditSnapshot } from '../types/snapshot.type';

/** The environment bureau's rating fields of `Enterprise`. */
@Resolver(() => EnvEnterprise)
export class EnterpriseCreditResolver {
  constructor(
    private readonly ratings: RatingService,
    private readonly events: CreditEventService,
    private readonly snapshots: SnapshotService,
    private readonly legacy: LegacyRatingService,
    private readonly known: KnownOnService,
    private readonly frontRunners: FrontRunnerService,
    private readonly commitments: CommitmentService,
  ) {}

  @FieldResolver(() => [Commitment], {
    nullable: true,
    description:
      'Credit commitments (信用承诺) signed on or before `asOf` (default today, or `knownOn` when given), oldest first, each with its state on `asOf`; voided ones left out. With `knownOn`, as the hub knew them that day (a deduction recorded later has not broken one yet). Null when the subject is not rated.',
  })
  envCommitments(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<Commitment[] | null> {
    return this.commitments.commitmentsOf(ctx, enterprise.uscc, asOf ?? undefined, knownOn ?? undefined);
  }

  @FieldResolver(() => [FrontRunnerDesignation], {
    nullable: true,
    description: 'Front-runner designations (环保领跑者), oldest first, each with the day it lapsed; null when the subject is not rated.',
  })
  envFrontRunnerDesignations(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<FrontRunnerDesignation[] | null> {
    return this.frontRunners.designationsOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => EnvCredit, {
    nullable: true,
    description:
      'The rating on `asOf` (default today, or `knownOn` when given); null when the subject is not rated. With `knownOn`, what the hub said on that day: events that became known later, and later voidings, left out; null when the enrolment became known later.',
  })
  envCredit(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<EnvCredit | null> {
    return this.known.ratingOf(ctx, enterprise.uscc, asOf ?? undefined, knownOn ?? undefined);
  }

  @FieldResolver(() => [CreditEvent], { nullable: true, description: 'Every scored event, voided ones included, oldest first; with `knownOn`, as the hub knew them that day.' })
  envCreditEvents(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<CreditEvent[] | null> {
    return knownOn ? this.known.eventsOf(ctx, enterprise.uscc, knownOn) : this.events.eventsOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => CreditEventConnection, { nullable: true, description: 'envCreditEvents a page at a time (oldest first); `first` at most 1000.' })
  envCreditEventsConnection(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_LIST_PAGE }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<CreditEventConnection | null> {
    return this.events.eventsPage(ctx, enterprise.uscc, first, after);
  }

  @FieldResolver(() => [CreditColorChange], {
    nullable: true,
    description: 'Every change of colour with the event that caused it, oldest first; voidings show both the change taken back and the correction.',
  })
  envCreditHistory(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('knownOn', () => DateScalar, { nullable: true, description: 'The history as the hub told it on that day (default: as known today).' }) knownOn?: string,
  ): Promise<CreditColorChange[] | null> {
    return this.known.historyOf(ctx, enterprise.uscc, knownOn ?? undefined);
  }

  @FieldResolver(() => [CreditSnapshot], {
    nullable: true,
    description:
      'The colour on every 30 June and 31 December since rated: stored where taken, derived otherwise. With `knownOn`, as the hub held them that day: snapshots stored by then at the version stored by then (later corrections left out), the rest derived from the rating as then known.',
  })
  envCreditSnapshots(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<CreditSnapshot[] | null> {
    return this.snapshots.snapshotsOf(ctx, enterprise.uscc, knownOn ?? undefined);
  }

  @FieldResolver(() => [LegacyRating], { nullable: true, description: 'Historical annual ratings on the older 100-point scale (history only).' })
  envLegacyRatings(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<LegacyRating[] | null> {
    return this.legacy.ratingsOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => [ColorPeriod], { nullable: true })
  @Directive('@inaccessible')
  envColorTimeline(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<ColorPeriod[] | null> {
    return this.ratings.timelineOf(ctx, enterprise.uscc);
  }

  /**
   * The timeline as the hub knew it on `knownOn` (DOMAIN.md §10), for finance's
   * `creditRestriction(knownOn:)` through the hub's federated facts. A field of its own, not an
   * argument of `envColorTimeline`: the other subgraphs declare that one `@external`, argument-free.
   */
  @FieldResolver(() => [ColorPeriod], { nullable: true })
  @Directive('@inaccessible')
  envColorTimelineKnownOn(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('knownOn', () => DateScalar) knownOn: string,
  ): Promise<ColorPeriod[] | null> {
    return this.known.timelineOf(ctx, enterprise.uscc, knownOn);
  }

  @FieldResolver(() => CurrentColorPeriod, { nullable: true })
  @Directive('@inaccessible')
  envColorNow(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<CurrentColorPeriod | null> {
    return this.ratings.currentPeriodOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => [HalfYearSnapshot], { nullable: true })
  @Directive('@inaccessible')
  envHalfYearSnapshots(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<HalfYearSnapshot[] | null> {
    return this.snapshots.halfYearSnapshotsOf(ctx, enterprise.uscc);
  }

  /**
   * The snapshots as the hub held them on `knownOn` (DOMAIN.md §11 known-on prices), for the credit
   * office's `sewageFee(knownOn:)`, `electricitySurcharge(knownOn:)` and price measures through the
   * hub's federated facts. A field of its own, as `envColorTimelineKnownOn`.
   */
  @FieldResolver(() => [HalfYearSnapshot], { nullable: true })
  @Directive('@inaccessible')
  envHalfYearSnapshotsKnownOn(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('knownOn', () => DateScalar) knownOn: string,
  ): Promise<HalfYearSnapshot[] | null> {
    return this.snapshots.halfYearSnapshotsOf(ctx, enterprise.uscc, knownOn);
  }
}
