import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';
import type { HubContext } from '../../../shared/context';
import { CreditListingService } from '../services/credit-listing.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { DesignateCreditListingInput, RemoveCreditListingInput } from '../types/credit-listing.input';
import { CreditListing } from '../types/credit-listing.type';

@Resolver(() => CreditEnterprise)
export class EnterpriseListingResolver {
  constructor(private readonly listings: CreditListingService) {}

  @FieldResolver(() => [CreditListing], { nullable: true, description: 'Credit-office list designations, current and removed.' })
  creditListings(@Ctx() ctx: HubContext, @Root() enterprise: CreditEnterprise): Promise<CreditListing[]> {
    return this.listings.listingsOf(ctx, enterprise.uscc);
  }

  /** The same designations for finance's `@requires` (gateway only): every caller's restriction depends on them. */
  @FieldResolver(() => [CreditListing], { nullable: true })
  @Directive('@inaccessible')
  creditListingFacts(@Ctx() ctx: HubContext, @Root() enterprise: CreditEnterprise): Promise<CreditListing[]> {
    return this.listings.listingsOf(ctx, enterprise.uscc);
  }

  @Query(() => [String], { description: 'Hub-internal (@inaccessible): those of `usccs` with a designation in force on `asOf`.' })
  @Directive('@inaccessible')
  subjectsListedAmong(
    @Ctx() ctx: HubContext,
    @Arg('usccs', () => [String]) usccs: string[],
    @Arg('asOf', () => DateScalar) asOf: string,
  ): Promise<string[]> {
    return this.listings.listedAmong(ctx, usccs, asOf);
  }

  @Query(() => [String], { description: 'Hub-internal (@inaccessible): every subject with a designation in force on `asOf`, by code.' })
  @Directive('@inaccessible')
  subjectsDesignatedOn(@Ctx() ctx: HubContext, @Arg('asOf', () => DateScalar) asOf: string): Promise<string[]> {
    return this.listings.listedOn(ctx, asOf);
  }

  @Mutation(() => CreditListing, { description: 'CREDIT_OFFICE: designate a subject on a credit-office list.' })
  designateCreditListing(
    @Ctx() ctx: HubContext,
    @Arg('input', () => DesignateCreditListingInput) input: DesignateCreditListingInput,
  ): Promise<CreditListing> {
    return this.listings.designate(ctx, input);
  }

  @Mutation(() => CreditListing, { description: 'CREDIT_OFFICE: end a designation (kept with its removal date and reason).' })
  removeCreditListing(@Ctx() ctx: HubContext, @Arg('input', () => RemoveCreditListingInput) input: RemoveCreditListingInput): Promise<CreditListing> {
    return this.listings.remove(ctx, input);
  }
}
