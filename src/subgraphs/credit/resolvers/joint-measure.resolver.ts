import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { DEFAULT_LIST_PAGE } from '../../../shared/paging/cursor';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { SNAPSHOT_FIELDS } from './price-surcharge.resolver';
import { JointMeasureService } from '../services/joint-measure.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { AppliedMeasure } from '../types/measure.type';
import { MeasureSubjectConnection } from '../types/measure-subject.type';

@Resolver(() => CreditEnterprise)
export class JointMeasureResolver {
  constructor(private readonly measures: JointMeasureService) {}

  @FieldResolver(() => [AppliedMeasure], {
    nullable: true,
    description:
      'The joint rewards and punishments that apply on `asOf` (default today, or `knownOn` when given), and why. Banks and utilities see their own measures only. With `knownOn`, what the hub answered on that day: colour measures from the colour as then known (envCredit(knownOn:)), list measures without the entries and removals the hub learnt of later. Price measures (sewage fee, electricity surcharges) as sewageFee(knownOn:) decides them: from the half-year snapshot version stored by then.',
  })
  // recordedOn / removalRecordedOn: the days the hub learnt of market supervision's entries, for `knownOn`.
  @Directive(`@requires(fields: "envColorTimeline { color from until } ${SNAPSHOT_FIELDS} marketListingFacts { listType authority documentNo listedOn removedOn recordedOn removalRecordedOn }")`)
  jointMeasures(
    @Ctx() ctx: HubContext,
    @Root() enterprise: CreditEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<AppliedMeasure[]> {
    return this.measures.measuresOf(ctx, enterprise, asOf ?? undefined, knownOn ?? undefined);
  }

  @Query(() => [CreditEnterprise], {
    description:
      'The subjects a measure applies to on `asOf` (default today, or `knownOn` when given), ordered by code: the initiating bureau\'s publication of who is subject to it. Banks and utilities may list their own measures only; ask each subject\'s `jointMeasures` for the reason and since when. With `knownOn`, what the hub answered that day, as jointMeasures(knownOn:) decides for each subject: colours as then known, list entries and removals learnt later left out, price measures from the half-year snapshot version stored by then.',
  })
  measureSubjects(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String) code: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<CreditEnterprise[]> {
    return this.measures.subjectsOf(ctx, code, asOf ?? undefined, knownOn ?? undefined);
  }

  @Query(() => MeasureSubjectConnection, { description: 'measureSubjects a page at a time, by code; `first` at most 1000.' })
  measureSubjectsConnection(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String) code: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_LIST_PAGE }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('knownOn', () => DateScalar, { nullable: true }) knownOn?: string,
  ): Promise<MeasureSubjectConnection> {
    return this.measures.subjectsPage(ctx, code, asOf ?? undefined, first, after, knownOn ?? undefined);
  }
}
