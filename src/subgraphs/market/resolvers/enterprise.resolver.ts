import { Arg, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MarketListType } from '../../../shared/list-types';
import type { HubContext } from '../../../shared/context';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { MarketListingService } from '../services/market-listing.service';
import { RegistrationService } from '../services/registration.service';
import { MarketEnterprise } from '../types/enterprise.type';
import { AddMarketListingInput, RemoveMarketListingInput } from '../types/market-listing.input';
import { MarketListing } from '../types/market-listing.type';
import { RegisterEnterpriseInput } from '../types/register-enterprise.input';

@Resolver(() => MarketEnterprise)
export class EnterpriseResolver {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly listings: MarketListingService,
  ) {}

  @Query(() => MarketEnterprise, { nullable: true, description: 'The subject with this code, or null when the hub does not know it.' })
  enterprise(@Ctx() ctx: HubContext, @Arg('uscc', () => UsccScalar) uscc: string): Promise<MarketEnterprise | null> {
    return this.registrations.find(ctx, uscc);
  }

  @Query(() => [MarketEnterprise], {
    nullable: 'items',
    description: 'Same order as asked; null for a code the hub does not know; at most 1000 codes.',
  })
  enterprises(@Ctx() ctx: HubContext, @Arg('usccs', () => [UsccScalar]) usccs: string[]): Promise<(MarketEnterprise | null)[]> {
    return this.registrations.findMany(ctx, usccs);
  }

  @Query(() => [UsccScalar], { description: 'Hub-internal (@inaccessible): subjects with an entry on one of `listTypes` in force on some day of [from, to].' })
  @Directive('@inaccessible')
  subjectsListedBetween(
    @Ctx() ctx: HubContext,
    @Arg('listTypes', () => [MarketListType]) listTypes: MarketListType[],
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('knownOn', () => DateScalar, { nullable: true, description: 'The entries as the hub knew them that day.' }) knownOn?: string,
  ): Promise<string[]> {
    return this.listings.subjectsListedBetween(ctx, listTypes, from, to, knownOn ?? undefined);
  }

  @FieldResolver(() => [MarketListing], { nullable: true, description: 'Entries on market-supervision lists, current and removed, oldest first.' })
  marketListings(@Ctx() ctx: HubContext, @Root() enterprise: MarketEnterprise): Promise<MarketListing[]> {
    return this.listings.listingsOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => [MarketListing], { nullable: true })
  marketListingFacts(@Ctx() ctx: HubContext, @Root() enterprise: MarketEnterprise): Promise<MarketListing[]> {
    return this.listings.listingsOf(ctx, enterprise.uscc);
  }

  /**
   * Gateway only: the legal representative's ID number for the credit office's `@requires` of
   * `linkedDishonestPersons` (readable by the roles that read that field, unlike
   * `legalRepresentativeIdNumber`).
   */
  @FieldResolver(() => String, { nullable: true })
  @Directive('@inaccessible')
  legalRepresentativeIdFact(@Root() enterprise: MarketEnterprise): string | null {
    return enterprise.legalRepresentativeIdNumber;
  }

  @Mutation(() => MarketEnterprise, { description: 'MARKET_REGULATOR or ENV_ADMIN: create or update a registration (idempotent on uscc).' })
  registerEnterprise(@Ctx() ctx: HubContext, @Arg('input', () => RegisterEnterpriseInput) input: RegisterEnterpriseInput): Promise<MarketEnterprise> {
    return this.registrations.register(ctx, input);
  }

  @Mutation(() => MarketListing, { description: 'MARKET_REGULATOR: put a registered subject on a market-supervision list.' })
  addMarketListing(@Ctx() ctx: HubContext, @Arg('input', () => AddMarketListingInput) input: AddMarketListingInput): Promise<MarketListing> {
    return this.listings.add(ctx, input);
  }

  @Mutation(() => MarketListing, { description: 'MARKET_REGULATOR: end a list entry (kept with its removal date and reason).' })
  removeMarketListing(@Ctx() ctx: HubContext, @Arg('input', () => RemoveMarketListingInput) input: RemoveMarketListingInput): Promise<MarketListing> {
    return this.listings.remove(ctx, input);
  }
}
