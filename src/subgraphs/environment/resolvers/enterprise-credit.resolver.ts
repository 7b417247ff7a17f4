import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { CreditEventService } from '../services/credit-event.service';
import { RatingService } from '../services/rating.service';
import { CreditEvent } from '../types/credit-event.type';
import { ColorPeriod, EnvCredit, HalfYearSnapshot } from '../types/env-credit.type';
import { EnvEnterprise } from '../types/env-enterprise.type';

/** The environment bureau's fields of `Enterprise`. */
@Resolver(() => EnvEnterprise)
export class EnterpriseCreditResolver {
  constructor(
    private readonly ratings: RatingService,
    private readonly events: CreditEventService,
  ) {}

  @FieldResolver(() => EnvCredit, { nullable: true, description: 'The rating on `asOf` (default today); null when the subject is not rated.' })
  envCredit(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<EnvCredit | null> {
    return this.ratings.ratingOf(ctx, enterprise.uscc, asOf ?? undefined);
  }

  @FieldResolver(() => [CreditEvent], { nullable: true, description: 'Every scored event, voided ones included, oldest first.' })
  envCreditEvents(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<CreditEvent[] | null> {
    return this.events.eventsOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => [ColorPeriod], { nullable: true })
  @Directive('@inaccessible')
  envColorTimeline(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<ColorPeriod[] | null> {
    return this.ratings.timelineOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => [HalfYearSnapshot], { nullable: true })
  @Directive('@inaccessible')
  envHalfYearSnapshots(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<HalfYearSnapshot[] | null> {
    return this.ratings.halfYearSnapshotsOf(ctx, enterprise.uscc);
  }
}
