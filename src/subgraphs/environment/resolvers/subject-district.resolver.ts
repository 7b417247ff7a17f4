import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { DateScalar } from '../../../shared/scalars';
import { SubjectDistrictService } from '../services/subject-district.service';
import { EnvEnterprise } from '../types/env-enterprise.type';

@Resolver(() => EnvEnterprise)
export class SubjectDistrictResolver {
  constructor(private readonly districts: SubjectDistrictService) {}

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The district the bureau supervised the subject in on `asOf` (default today): the registration\'s district of that day, moves within the city taking effect on their day; the district that counts, buckets and draws as of that day group it by. Null when the subject is not rated.',
  })
  envDistrictOn(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise, @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string): Promise<string | null> {
    return this.districts.districtOf(ctx, enterprise.uscc, asOf ?? undefined);
  }

  @Mutation(() => Boolean, {
    description: "Hub-internal (@inaccessible): market supervision moved the subject's registration to `districtCode`; true when a rated subject moved.",
  })
  @Directive('@inaccessible')
  followRegistrationDistrict(
    @Ctx() ctx: HubContext,
    // A String, not USCC: market supervision may hold a historical code that fails the check
    // character (accepted through the audited override list), and its district must follow too.
    @Arg('uscc', () => String) uscc: string,
    @Arg('districtCode', () => String) districtCode: string,
    @Arg('source', () => String) source: string,
  ): Promise<boolean> {
    return this.districts.follow(ctx, uscc, districtCode, source);
  }
}
