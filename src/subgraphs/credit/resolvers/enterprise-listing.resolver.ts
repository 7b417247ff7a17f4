import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { CreditListingService } from '../services/credit-listing.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { CreditListing } from '../types/credit-listing.type';

@Resolver(() => CreditEnterprise)
export class EnterpriseListingResolver {
  constructor(private readonly listings: CreditListingService) {}

  @FieldResolver(() => [CreditListing], { nullable: true, description: 'Credit-office list designations, current and removed.' })
  creditListings(@Ctx() ctx: HubContext, @Root() enterprise: CreditEnterprise): Promise<CreditListing[]> {
    return this.listings.listingsOf(ctx, enterprise.uscc);
  }
}
