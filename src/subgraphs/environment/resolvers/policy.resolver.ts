import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { PolicyService } from '../services/policy.service';
import { AddEventTypeVersionInput, AddScoringPolicyVersionInput, SetInspectionFrequencyInput } from '../types/policy.input';
import { EventType, InspectionFrequency, ScoringPolicy } from '../types/policy.type';

/** The scoring policy, event catalogue and inspection frequencies: read by partners, versioned by ENV_ADMIN. */
@Resolver()
export class PolicyResolver {
  constructor(private readonly policies: PolicyService) {}

  @Query(() => [ScoringPolicy], { description: 'Scoring policy versions, oldest first; only those in force on asOf when given.' })
  scoringPolicies(
    @Ctx() ctx: HubContext,
    @Arg('subjectKind', () => String, { nullable: true }) subjectKind?: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<ScoringPolicy[]> {
    return this.policies.scoringPolicies(ctx, subjectKind, asOf);
  }

  @Query(() => [EventType], { description: 'The event-type catalogue, every version; only those in force on asOf when given.' })
  eventTypeCatalog(
    @Ctx() ctx: HubContext,
    @Arg('subjectKind', () => String, { nullable: true }) subjectKind?: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string,
  ): Promise<EventType[]> {
    return this.policies.eventTypeCatalog(ctx, subjectKind, asOf);
  }

  @Query(() => [InspectionFrequency], { description: 'Random-inspection multiples by colour; only those in force on asOf when given.' })
  inspectionFrequencies(@Ctx() ctx: HubContext, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string): Promise<InspectionFrequency[]> {
    return this.policies.inspectionFrequencies(ctx, asOf);
  }

  @Mutation(() => ScoringPolicy, { description: 'ENV_ADMIN: add a scoring policy version from a future date, closing the one in force.' })
  addScoringPolicyVersion(@Ctx() ctx: HubContext, @Arg('input', () => AddScoringPolicyVersionInput) input: AddScoringPolicyVersionInput): Promise<ScoringPolicy> {
    return this.policies.addScoringPolicyVersion(ctx, input);
  }

  @Mutation(() => EventType, { description: 'ENV_ADMIN: add a version of an event type (or a new type) from a future date, closing the one in force.' })
  addEventTypeVersion(@Ctx() ctx: HubContext, @Arg('input', () => AddEventTypeVersionInput) input: AddEventTypeVersionInput): Promise<EventType> {
    return this.policies.addEventTypeVersion(ctx, input);
  }

  @Mutation(() => InspectionFrequency, { description: 'ENV_ADMIN: set the inspection multiple of a colour from a date.' })
  setInspectionFrequency(@Ctx() ctx: HubContext, @Arg('input', () => SetInspectionFrequencyInput) input: SetInspectionFrequencyInput): Promise<InspectionFrequency> {
    return this.policies.setInspectionFrequency(ctx, input);
  }
}
