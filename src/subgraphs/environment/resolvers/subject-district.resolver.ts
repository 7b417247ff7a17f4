import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { SubjectDistrictService } from '../services/subject-district.service';

@Resolver()
export class SubjectDistrictResolver {
  constructor(private readonly districts: SubjectDistrictService) {}

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
