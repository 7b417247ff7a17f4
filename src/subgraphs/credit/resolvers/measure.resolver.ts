import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { addDays, today } from '../../../shared/dates';
import { DateScalar } from '../../../shared/scalars';
import { MeasureCatalogService } from '../services/measure-catalog.service';
import { MeasureFeedbackService } from '../services/measure-feedback.service';
import { MeasureFeedback, MeasureFeedbackRollup } from '../types/measure-feedback.type';
import { MeasureFeedbackInput } from '../types/measure-feedback.input';
import { DefineMeasureInput } from '../types/measure.input';
import { Measure } from '../types/measure.type';

/** The measure catalogue and the feedback loop (trigger → response → feedback). */
@Resolver()
export class MeasureResolver {
  constructor(
    private readonly catalog: MeasureCatalogService,
    private readonly feedback: MeasureFeedbackService,
  ) {}

  @Query(() => [Measure], { description: 'The joint rewards and punishments catalogue in force on `asOf` (default today).' })
  measureCatalog(@Ctx() ctx: HubContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string): Promise<Measure[]> {
    return this.catalog.catalog(ctx, asOf ?? today());
  }

  @Query(() => [MeasureFeedbackRollup], {
    description: 'CREDIT_OFFICE, ENV_ADMIN: feedback per measure and reporting agency for appliedOn in [from, to] (default: the last 365 days).',
  })
  measureFeedbackRollup(
    @Ctx() ctx: HubContext,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
  ): Promise<MeasureFeedbackRollup[]> {
    const until = to ?? today();
    return this.feedback.rollup(ctx, from ?? addDays(until, -364), until);
  }

  @Mutation(() => Measure, { description: 'CREDIT_OFFICE: a new version of a catalogue measure from a date on.' })
  defineMeasure(@Ctx() ctx: HubContext, @Arg('input', () => DefineMeasureInput) input: DefineMeasureInput): Promise<Measure> {
    return this.catalog.define(ctx, input);
  }

  @Mutation(() => MeasureFeedback, { description: 'An implementing agency reports what it did about a measure for a subject.' })
  reportMeasureFeedback(@Ctx() ctx: HubContext, @Arg('input', () => MeasureFeedbackInput) input: MeasureFeedbackInput): Promise<MeasureFeedback> {
    return this.feedback.report(ctx, input);
  }
}
