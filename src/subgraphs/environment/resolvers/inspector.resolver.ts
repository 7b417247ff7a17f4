import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { InspectorService } from '../services/inspector.service';
import { AddInspectorInput, InspectionResult, InspectorConflictInput, PoolInspector, RecordInspectionResultInput } from '../types/inspector.type';

/** The inspector pool and the published results of random inspections (双随机、一公开). */
@Resolver()
export class InspectorResolver {
  constructor(private readonly service: InspectorService) {}

  @Query(() => [PoolInspector], { description: 'The inspector pool (执法检查人员名录库), removed inspectors included; an ENV_OFFICER sees its own district’s.' })
  inspectors(@Ctx() ctx: HubContext, @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null): Promise<PoolInspector[]> {
    return this.service.pool(ctx, districtCode);
  }

  @Mutation(() => PoolInspector, { description: 'ENV staff: add an inspector to a district’s pool (an ENV_OFFICER to its own district).' })
  addInspector(@Ctx() ctx: HubContext, @Arg('input', () => AddInspectorInput) input: AddInspectorInput): Promise<PoolInspector> {
    return this.service.add(ctx, input);
  }

  @Mutation(() => PoolInspector, { description: 'ENV staff: take an inspector out of the pool (later draws do not assign it; past draws keep it).' })
  removeInspector(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<PoolInspector> {
    return this.service.remove(ctx, id);
  }

  @Mutation(() => PoolInspector, { description: 'ENV staff: record a subject the inspector must not inspect (回避), with the reason.' })
  addInspectorConflict(@Ctx() ctx: HubContext, @Arg('input', () => InspectorConflictInput) input: InspectorConflictInput): Promise<PoolInspector> {
    return this.service.addConflict(ctx, input);
  }

  @Mutation(() => PoolInspector, { description: 'ENV staff: lift an inspector’s conflict with a subject.' })
  removeInspectorConflict(@Ctx() ctx: HubContext, @Arg('input', () => InspectorConflictInput) input: InspectorConflictInput): Promise<PoolInspector> {
    return this.service.removeConflict(ctx, input);
  }

  @Mutation(() => InspectionResult, { description: 'ENV staff: record (and so publish) the result of one drawn subject’s inspection.' })
  recordInspectionResult(@Ctx() ctx: HubContext, @Arg('input', () => RecordInspectionResultInput) input: RecordInspectionResultInput): Promise<InspectionResult> {
    return this.service.recordResult(ctx, input);
  }

  @Query(() => [InspectionResult], { description: '一公开: the published results of random inspections done in [from, to] (at most 366 days), oldest first; for everyone.' })
  publicInspectionResults(
    @Ctx() ctx: HubContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('districtCode', () => String, { nullable: true }) districtCode?: string | null,
  ): Promise<InspectionResult[]> {
    return this.service.published(ctx, from, to, districtCode);
  }
}
