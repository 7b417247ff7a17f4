import { Arg, Ctx, Directive, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { SuccessionEventsService } from '../services/succession-events.service';

@InputType({ description: 'Hub-internal: a successor and its registration district.' })
@Directive('@inaccessible')
export class SuccessorInput {
  @Field(() => String)
  uscc: string;

  @Field(() => String)
  districtCode: string;
}

@Resolver()
export class SuccessionEventsResolver {
  constructor(private readonly successions: SuccessionEventsService) {}

  @Mutation(() => Int, {
    description: 'Hub-internal (@inaccessible): market supervision recorded a succession; each of `to` inherits the events of `from`. The number of events copied.',
  })
  @Directive('@inaccessible')
  followSuccessionEvents(
    @Ctx() ctx: HubContext,
    // Strings, not USCC: market supervision may hold historical codes (see followRegistrationDistrict).
    @Arg('from', () => [String]) from: string[],
    @Arg('to', () => [SuccessorInput]) to: SuccessorInput[],
    // The recording request, for the caller's log; the copies name their originals, the audit trail the request.
    @Arg('source', () => String) _source: string,
  ): Promise<number> {
    return this.successions.follow(ctx, from, to);
  }
}
