import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { DateScalar } from '../../../shared/scalars';
import { CreditEventService } from '../services/credit-event.service';
import { RatingService } from '../services/rating.service';
import { ColorBucket, DistributionGroup } from '../types/color-distribution.type';
import { EnrollRatedSubjectInput } from '../types/enroll-rated-subject.input';
import { EnvCredit } from '../types/env-credit.type';
import { RecordCreditEventInput } from '../types/record-credit-event.input';
import { RecordCreditEventPayload } from '../types/record-credit-event.payload';

@Resolver()
export class RatingResolver {
  constructor(
    private readonly ratings: RatingService,
    private readonly events: CreditEventService,
  ) {}

  @Query(() => [ColorBucket], { description: 'Counts per colour, grouped by district or industry, as of a date (default today).' })
  colorDistribution(
    @Ctx() ctx: HubContext,
    @Arg('groupBy', () => DistributionGroup) groupBy: DistributionGroup,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<ColorBucket[]> {
    return this.ratings.distribution(ctx, asOf ?? today(), groupBy);
  }

  @Mutation(() => EnvCredit, { description: "ENV_ADMIN: bring a registered subject into the rating scope; it starts at the policy's start score." })
  enrollRatedSubject(@Ctx() ctx: HubContext, @Arg('input', () => EnrollRatedSubjectInput) input: EnrollRatedSubjectInput): Promise<EnvCredit> {
    return this.ratings.enroll(ctx, input);
  }

  @Mutation(() => RecordCreditEventPayload, {
    description: 'ENV_ADMIN, or ENV_OFFICER for its own district: record an event; returns the event, the rating before and after it, and the notice.',
  })
  recordCreditEvent(@Ctx() ctx: HubContext, @Arg('input', () => RecordCreditEventInput) input: RecordCreditEventInput): Promise<RecordCreditEventPayload> {
    return this.events.record(ctx, input);
  }
}
