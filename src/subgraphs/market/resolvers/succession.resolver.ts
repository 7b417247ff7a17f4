import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { RegistrationService } from '../services/registration.service';
import { SuccessionService } from '../services/succession.service';
import { MarketEnterprise } from '../types/enterprise.type';
import { RecordSuccessionInput, Succession } from '../types/succession.type';

@Resolver(() => MarketEnterprise)
export class SuccessionResolver {
  constructor(
    private readonly successions: SuccessionService,
    private readonly registrations: RegistrationService,
  ) {}

  @Mutation(() => Succession, {
    description:
      'MARKET_REGULATOR: record a merger, split or deregistration (DOMAIN.md §11 Successors). The predecessors are deregistered; the successors inherit their events (points and windows unchanged) and list entries. A subject succeeding itself, a cycle, or an unknown code is refused (BAD_USER_INPUT, `extensions.rule`).',
  })
  recordSuccession(@Ctx() ctx: HubContext, @Arg('input', () => RecordSuccessionInput) input: RecordSuccessionInput): Promise<Succession> {
    return this.successions.record(ctx, input);
  }

  @FieldResolver(() => MarketEnterprise, {
    nullable: true,
    description: "Where the subject's record went: the one successor of its merger or deregistration; null when it has none, or was split (see `successors`).",
  })
  async successor(@Ctx() ctx: HubContext, @Root() enterprise: MarketEnterprise): Promise<MarketEnterprise | null> {
    const uscc = await this.successions.successor(ctx, enterprise.uscc);
    return uscc ? this.registrations.find(ctx, uscc) : null;
  }

  @FieldResolver(() => [MarketEnterprise], { nullable: true, description: 'Every successor of the subject (all parts of a split), in code order; empty when none.' })
  async successors(@Ctx() ctx: HubContext, @Root() enterprise: MarketEnterprise): Promise<MarketEnterprise[]> {
    const found = await Promise.all((await this.successions.successors(ctx, enterprise.uscc)).map((uscc) => this.registrations.find(ctx, uscc)));
    return found.filter((row): row is MarketEnterprise => row !== null);
  }

  @FieldResolver(() => [MarketEnterprise], { nullable: true, description: "The subjects whose records passed to this one (merged into it, split from, deregistered to it), in code order." })
  async predecessors(@Ctx() ctx: HubContext, @Root() enterprise: MarketEnterprise): Promise<MarketEnterprise[]> {
    const found = await Promise.all((await this.successions.predecessors(ctx, enterprise.uscc)).map((uscc) => this.registrations.find(ctx, uscc)));
    return found.filter((row): row is MarketEnterprise => row !== null);
  }
}
