import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { CreditColor } from '../../../shared/credit-color';
import { addDays, today } from '../../../shared/dates';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { RatingStatisticsService } from '../services/rating-statistics.service';
import { DistributionGroup } from '../types/color-distribution.type';
import { EnvEnterprise } from '../types/env-enterprise.type';
import { ColorTrendPoint, SubjectColorChange } from '../types/rating-statistics.type';

/** Counts and lists over every subject's colour: the dashboard's trend, changes and drill-downs, and the published list. */
@Resolver()
export class RatingStatisticsResolver {
  constructor(private readonly statistics: RatingStatisticsService) {}

  @Query(() => [ColorTrendPoint], { description: 'Counts per colour on the last day of each of `months` months (1–60, default 24) up to `asOf` (default today), zeros included.' })
  colorTrend(
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('months', () => Int, { defaultValue: 24 }) months = 24,
  ): Promise<ColorTrendPoint[]> {
    return this.statistics.trend(ctx, asOf ?? today(), months);
  }

  @Query(() => [SubjectColorChange], { description: 'Subjects whose colour on `to` (default today) differs from their colour on `from` (default 30 days before `to`); at most 366 days apart.' })
  colorChanges(
    @Ctx() ctx: HubContext,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
  ): Promise<SubjectColorChange[]> {
    const end = to ?? today();
    return this.statistics.changes(ctx, from ?? addDays(end, -30), end);
  }

  @Query(() => [EnvEnterprise], { description: 'The subjects behind one bucket of colorDistribution (same group, colour and date), by code; at most `first` (1–1000, default 200).' })
  colorBucketSubjects(
    @Ctx() ctx: HubContext,
    @Arg('groupBy', () => DistributionGroup) groupBy: DistributionGroup,
    @Arg('group', () => String) group: string,
    @Arg('color', () => CreditColor) color: CreditColor,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('first', () => Int, { defaultValue: 200 }) first = 200,
  ): Promise<EnvEnterprise[]> {
    return this.statistics.bucketSubjects(ctx, asOf ?? today(), groupBy, group, color, first);
  }

  @Query(() => [EnvEnterprise], { description: 'The published list: subjects rated on `asOf` (default today), by code, `first` (1–1000, default 100) after the code `after`.' })
  publishedRatings(
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
    @Arg('after', () => UsccScalar, { nullable: true }) after?: string,
  ): Promise<EnvEnterprise[]> {
    return this.statistics.published(ctx, asOf ?? today(), first, after ?? null);
  }
}
