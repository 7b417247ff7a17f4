import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { SuccessionListingsService } from '../services/succession-listings.service';

@Resolver()
export class SuccessionListingsResolver {
  constructor(private readonly successions: SuccessionListingsService) {}

  @Mutation(() => Int, {
    description: 'Hub-internal (@inaccessible): market supervision recorded a succession; each of `to` inherits the list designations of `from`. The number copied.',
  })
  @Directive('@inaccessible')
  followSuccessionListings(
    @Ctx() ctx: HubContext,
    @Arg('from', () => [String]) from: string[],
    @Arg('to', () => [String]) to: string[],
    @Arg('source', () => String) _source: string,
  ): Promise<number> {
    return this.successions.follow(ctx, from, to);
  }
}
