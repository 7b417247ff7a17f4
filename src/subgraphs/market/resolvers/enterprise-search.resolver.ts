import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DEFAULT_SEARCH_PAGE, EnterpriseSearchService } from '../services/enterprise-search.service';
import { MarketEnterprise } from '../types/enterprise.type';
import { EnterpriseConnection, EnterpriseFilter } from '../types/enterprise-search.type';

@Resolver(() => EnterpriseConnection)
export class EnterpriseSearchResolver {
  constructor(private readonly search: EnterpriseSearchService) {}

  @Query(() => EnterpriseConnection, {
    description:
      'Subjects by name, code prefix, district, colour (as of a date), industry and list membership, in the caller\'s row scope, a page at a time by code. PUBLIC: rated subjects only, by name or code. `first` at most 1000.',
  })
  searchEnterprises(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter?: EnterpriseFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_SEARCH_PAGE }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'pageInfo.endCursor of the previous page, with the same filter.' }) after?: string | null,
  ): Promise<EnterpriseConnection> {
    return this.search.search(ctx, filter, first, after);
  }

  @Query(() => [MarketEnterprise], {
    description:
      'A simple search by name (contains, any letter case) or code (prefix), by code: the first `first` (1–100, default 20) of every match the caller may see (PUBLIC: rated subjects only); page with searchEnterprises for more.',
  })
  findEnterprises(@Ctx() ctx: HubContext, @Arg('text', () => String) text: string, @Arg('first', () => Int, { defaultValue: 20 }) first = 20): Promise<MarketEnterprise[]> {
    return this.search.find(ctx, text, first);
  }

  @FieldResolver(() => Int)
  totalCount(@Root() connection: EnterpriseConnection): Promise<number> {
    return connection.countMatches();
  }
}
