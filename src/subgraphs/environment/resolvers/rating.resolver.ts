import { Arg, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { EnrolmentService } from '../services/enrolment.service';
import { FrontRunnerService } from '../services/front-runner.service';
import { LegacyRatingService } from '../services/legacy-rating.service';
import { RatingStatisticsService } from '../services/rating-statistics.service';
import { SnapshotService } from '../services/snapshot.service';
import { SubjectScopeService } from '../services/subject-scope.service';
import { ColorBucket, DistributionGroup } from '../types/color-distribution.type';
import { EnrollRatedSubjectInput } from '../types/enroll-rated-subject.input';
import { EnvCredit } from '../types/env-credit.type';
import { DesignateFrontRunnerInput, DesignateFrontRunnerPayload } from '../types/front-runner.type';
import { ImportLegacyRatingsInput, ImportLegacyRatingsPayload } from '../types/legacy-rating.type';
import { SubjectColorPeriodsColumns, SubjectColorsBetweenColumns } from '../types/rating-statistics.type';
import { HalfYearSnapshotRun, SubjectHalfYearSnapshot, SubjectHalfYearSnapshotColumns } from '../types/snapshot.type';

@Resolver()
export class RatingResolver {
  constructor(
    private readonly statistics: RatingStatisticsService,
    private readonly subjects: SubjectScopeService,
    private readonly enrolment: EnrolmentService,
    private readonly frontRunners: FrontRunnerService,
    private readonly snapshots: SnapshotService,
    private readonly legacy: LegacyRatingService,
  ) {}

  @Query(() => [ColorBucket], { description: 'Counts per colour, grouped by district or industry, as of a date (default today).' })
  colorDistribution(
    @Ctx() ctx: HubContext,
    @Arg('groupBy', () => DistributionGroup) groupBy: DistributionGroup,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<ColorBucket[]> {
    return this.statistics.distribution(ctx, asOf ?? today(), groupBy);
  }

  @Query(() => [UsccScalar], {
    description: 'Hub-internal (@inaccessible): rated subjects with one of `colors` on some day of [from, to]; with `knownOn`, the colours as the hub knew them that day.',
  })
  @Directive('@inaccessible')
  subjectsColoredBetween(
    @Ctx() ctx: HubContext,
    @Arg('colors', () => [CreditColor]) colors: CreditColor[],
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<string[]> {
    return this.statistics.subjectsColoredBetween(ctx, colors, from, to, knownOn ?? undefined);
  }

  @Query(() => SubjectColorsBetweenColumns, {
    description: 'Hub-internal (@inaccessible): rated subjects with one of `colors` on some day of [from, to] (in no particular order), with the colours (bit k: `colors[k]`) each had then.',
  })
  @Directive('@inaccessible')
  subjectColorsBetweenColumns(
    @Ctx() ctx: HubContext,
    @Arg('colors', () => [CreditColor]) colors: CreditColor[],
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ): Promise<SubjectColorsBetweenColumns> {
    return this.statistics.subjectColorsBetween(ctx, colors, from, to);
  }

  @Query(() => SubjectColorPeriodsColumns, { description: 'Hub-internal (@inaccessible): the stored colour periods of `usccs`, by subject and start.' })
  @Directive('@inaccessible')
  subjectColorPeriodsColumns(@Ctx() ctx: HubContext, @Arg('usccs', () => [String]) usccs: string[]): Promise<SubjectColorPeriodsColumns> {
    return this.statistics.colorPeriodsOf(ctx, usccs);
  }

  @Query(() => [CreditColor], {
    nullable: 'items',
    description: 'Hub-internal (@inaccessible): the colour on `asOf` of each of `usccs`, in the order asked; null when not rated on that day.',
  })
  @Directive('@inaccessible')
  subjectColorsAmong(
    @Ctx() ctx: HubContext,
    @Arg('usccs', () => [String]) usccs: string[],
    @Arg('asOf', () => DateScalar) asOf: string,
  ): Promise<(CreditColor | null)[]> {
    return this.statistics.colorsAmong(ctx, usccs, asOf);
  }

  @Query(() => [UsccScalar], {
    description: 'Hub-internal (@inaccessible): rated subjects (of `districtCode` when given) whose colour on `asOf` is one of `colors`, by code, at most `first` (1–20000) after `after`.',
  })
  @Directive('@inaccessible')
  subjectsOfColors(
    @Ctx() ctx: HubContext,
    @Arg('colors', () => [CreditColor]) colors: CreditColor[],
    @Arg('asOf', () => DateScalar) asOf: string,
    @Arg('first', () => Int) first: number,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<string[]> {
    return this.statistics.subjectsOfColors(ctx, colors, asOf, districtCode ?? null, after ?? null, first);
  }

  @Query(() => Int, { description: 'Hub-internal (@inaccessible): how many rated subjects (of `districtCode` when given) have one of `colors` on `asOf`.' })
  @Directive('@inaccessible')
  countSubjectsOfColors(
    @Ctx() ctx: HubContext,
    @Arg('colors', () => [CreditColor]) colors: CreditColor[],
    @Arg('asOf', () => DateScalar) asOf: string,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string,
  ): Promise<number> {
    return this.statistics.countOfColors(ctx, colors, asOf, districtCode ?? null);
  }

  @Query(() => Int, { description: 'Hub-internal (@inaccessible): how many of `usccs` are rated on `asOf`.' })
  @Directive('@inaccessible')
  countSubjectsRatedAmong(
    @Ctx() ctx: HubContext,
    @Arg('usccs', () => [String]) usccs: string[],
    @Arg('asOf', () => DateScalar) asOf: string,
  ): Promise<number> {
    return this.subjects.countRatedAmong(ctx, usccs, asOf);
  }

  @Query(() => [String], { description: 'Hub-internal (@inaccessible): those of `usccs` rated on `asOf`.' })
  @Directive('@inaccessible')
  subjectsRatedAmong(
    @Ctx() ctx: HubContext,
    @Arg('usccs', () => [String]) usccs: string[],
    @Arg('asOf', () => DateScalar) asOf: string,
  ): Promise<string[]> {
    return this.subjects.ratedAmong(ctx, usccs, asOf);
  }

  @Query(() => Int, { description: 'Hub-internal (@inaccessible): how many subjects are rated on `asOf`, with codes starting with `usccPrefix` when given.' })
  @Directive('@inaccessible')
  subjectsRatedCount(
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => DateScalar) asOf: string,
    @Arg('usccPrefix', () => String, { nullable: true }) usccPrefix?: string | null,
  ): Promise<number> {
    return this.subjects.ratedCount(ctx, asOf, usccPrefix ?? null);
  }

  @Query(() => [SubjectHalfYearSnapshot], {
    description: 'Hub-internal (@inaccessible): the snapshot on `periodEnd` of every subject rated that day with one of `colors`, stored or derived; for the price list.',
  })
  @Directive('@inaccessible')
  subjectsOnHalfYearSnapshot(
    @Ctx() ctx: HubContext,
    @Arg('periodEnd', () => DateScalar) periodEnd: string,
    @Arg('colors', () => [CreditColor]) colors: CreditColor[],
  ): Promise<SubjectHalfYearSnapshot[]> {
    return this.snapshots.subjectsOnSnapshot(ctx, periodEnd, colors);
  }

  @Query(() => SubjectHalfYearSnapshotColumns, {
    description: 'Hub-internal (@inaccessible): `subjectsOnHalfYearSnapshot` as columns of scalars, one row per subject, by code; for the price list.',
  })
  @Directive('@inaccessible')
  async subjectsOnHalfYearSnapshotColumns(
    @Ctx() ctx: HubContext,
    @Arg('periodEnd', () => DateScalar) periodEnd: string,
    @Arg('colors', () => [CreditColor]) colors: CreditColor[],
    @Arg('knownOn', () => DateScalar, { nullable: true, description: 'The snapshots as the hub held them that day (DOMAIN.md §11 known-on prices).' }) knownOn?: string,
  ): Promise<SubjectHalfYearSnapshotColumns> {
    return toColumns(await this.snapshots.subjectsOnSnapshot(ctx, periodEnd, colors, knownOn ?? undefined));
  }

  @Mutation(() => EnvCredit, { description: "ENV_ADMIN: bring a registered subject into the rating scope; it starts at the policy's start score." })
  enrollRatedSubject(@Ctx() ctx: HubContext, @Arg('input', () => EnrollRatedSubjectInput) input: EnrollRatedSubjectInput): Promise<EnvCredit> {
    return this.enrolment.enroll(ctx, input);
  }

  @Mutation(() => DesignateFrontRunnerPayload, {
    description: 'ENV_ADMIN: designate an environmental front-runner (GREEN); refused when the clean period holds a deduction; lapses on the next deduction.',
  })
  designateFrontRunner(@Ctx() ctx: HubContext, @Arg('input', () => DesignateFrontRunnerInput) input: DesignateFrontRunnerInput): Promise<DesignateFrontRunnerPayload> {
    return this.frontRunners.designate(ctx, input);
  }

  @Mutation(() => HalfYearSnapshotRun, { description: 'ENV_ADMIN: store the immutable snapshot of every rated subject for a past 30 June or 31 December.' })
  takeHalfYearSnapshot(@Ctx() ctx: HubContext, @Arg('periodEnd', () => DateScalar) periodEnd: string): Promise<HalfYearSnapshotRun> {
    return this.snapshots.take(ctx, periodEnd);
  }

  @Mutation(() => ImportLegacyRatingsPayload, { description: 'ENV_ADMIN: import historical annual ratings on the older 100-point scale (all or nothing).' })
  importLegacyRatings(@Ctx() ctx: HubContext, @Arg('input', () => ImportLegacyRatingsInput) input: ImportLegacyRatingsInput): Promise<ImportLegacyRatingsPayload> {
    return this.legacy.import(ctx, input);
  }
}

function toColumns(rows: readonly SubjectHalfYearSnapshot[]): SubjectHalfYearSnapshotColumns {
  const columns: SubjectHalfYearSnapshotColumns = { usccs: [], colors: [], consecutiveRed: [], stored: [], corrections: [] };
  rows.forEach((row, i) => {
    columns.usccs.push(row.uscc);
    columns.colors.push(row.color);
    columns.consecutiveRed.push(row.consecutiveRed);
    columns.stored.push(row.stored);
    if (row.correctedOn !== null) {
      columns.corrections.push({ row: i, correctedOn: row.correctedOn, originalColor: row.originalColor!, originalConsecutiveRed: row.originalConsecutiveRed! });
    }
  });
  return columns;
}
