import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { DisclosureService } from '../services/disclosure.service';
import { ObjectionService } from '../services/objection.service';
import { ApplyCreditRepairInput, CreditRepair, PenaltyDisclosure, PublicPenalty, ReviewCreditRepairInput } from '../types/disclosure.type';
import { EnvEnterprise } from '../types/env-enterprise.type';
import { Objection } from '../types/objection.type';

/** Objections, public disclosure and credit repair of a subject's penalties. */
@Resolver(() => EnvEnterprise)
export class EnterpriseDisclosureResolver {
  constructor(
    private readonly disclosures: DisclosureService,
    private readonly objections: ObjectionService,
  ) {}

  @FieldResolver(() => [PublicPenalty], {
    nullable: true,
    description:
      'Penalties published on `asOf` (default today): a repaired or voided penalty is withdrawn from the day of the repair or void, so a past `asOf` shows one repaired later as published. Null when not rated. PUBLIC may ask for today only.',
  })
  publicPenalties(
    @Ctx() ctx: HubContext,
    @Root() enterprise: EnvEnterprise,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<PublicPenalty[] | null> {
    return this.disclosures.publicPenaltiesOf(ctx, enterprise.uscc, asOf);
  }

  @FieldResolver(() => [PenaltyDisclosure], { nullable: true, description: 'The disclosure state of every published penalty.' })
  envPenaltyDisclosures(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<PenaltyDisclosure[] | null> {
    return this.disclosures.disclosuresOf(ctx, enterprise.uscc);
  }

  @FieldResolver(() => [Objection], { nullable: true, description: 'Objections to the subject’s events, oldest first.' })
  envObjections(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<Objection[] | null> {
    return this.objections.objectionsOf(ctx, enterprise.uscc);
  }

  @Mutation(() => CreditRepair, { description: 'ENV staff: register a credit repair application for a published penalty after its minimum publicity.' })
  applyCreditRepair(@Ctx() ctx: HubContext, @Arg('input', () => ApplyCreditRepairInput) input: ApplyCreditRepairInput): Promise<CreditRepair> {
    return this.disclosures.apply(ctx, input);
  }

  @Mutation(() => CreditRepair, { description: 'ENV_ADMIN: decide a repair application; UPHOLD withdraws the penalty from public view (it still counts for scoring).' })
  reviewCreditRepair(@Ctx() ctx: HubContext, @Arg('input', () => ReviewCreditRepairInput) input: ReviewCreditRepairInput): Promise<CreditRepair> {
    return this.disclosures.review(ctx, input);
  }
}
