import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';
import type { HubContext } from '../../../shared/context';
import { InspectionService } from '../services/inspection.service';
import { DrawInspectionsInput, InspectionDraw } from '../types/inspection.type';

/** Random-inspection draws (双随机). */
@Resolver()
export class InspectionResolver {
  constructor(private readonly inspections: InspectionService) {}

  @Mutation(() => InspectionDraw, { description: 'ENV staff: draw subjects for inspection, stratified and weighted by colour; stored for audit.' })
  drawInspections(@Ctx() ctx: HubContext, @Arg('input', () => DrawInspectionsInput) input: DrawInspectionsInput): Promise<InspectionDraw> {
    return this.inspections.draw(ctx, input);
  }

  @Query(() => InspectionDraw, { nullable: true, description: 'A stored draw, replayed from its seed and population snapshot.' })
  inspectionDraw(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<InspectionDraw | null> {
    return this.inspections.find(ctx, id);
  }

  @Query(() => [InspectionDraw], { description: 'The draws whose population day lies in [from, to], oldest first; an ENV_OFFICER sees its district’s only.' })
  inspectionDraws(@Ctx() ctx: HubContext, @Arg('from', () => DateScalar) from: string, @Arg('to', () => DateScalar) to: string): Promise<InspectionDraw[]> {
    return this.inspections.list(ctx, from, to);
  }
}
